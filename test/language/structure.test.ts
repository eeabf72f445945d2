import { describe, expect, test } from 'vitest';
import type { Activity } from '../../language/src/index.js';
import { isCalendarDate } from '../../language/src/utils/dates.js';
import { loadModel, loadWorkspace, rangeText } from '../support/workspace.js';

const nodes = `
activity Train { owner Team }
outcome Skills { horizon short }
outcome Practice { horizon medium }
outcome Safety { horizon long }
stakeholder Team { level frontline }
`;

describe('unresolved references', () => {
    test('a name that is not declared says what to declare', async () => {
        const model = await loadModel(`${nodes}\nlink Train -> Nowhere`);
        const [diagnostic] = model.errors();
        expect(diagnostic).toMatchObject({
            code: 'unresolved-reference',
            severity: 1,
            message:
                '`Nowhere` is not declared. Declare an activity or outcome named Nowhere, or import the file that declares it.',
        });
        expect(rangeText(model, 'model.toc', diagnostic)).toBe('Nowhere');
    });

    test('a name of the wrong kind says what it is', async () => {
        const model = await loadModel(`${nodes}\nlink Train -> Team`);
        expect(model.errors()[0].message).toBe('`Team` is a stakeholder, but an activity or outcome is expected here.');
    });

    test.each([
        [
            'an outcome where a stakeholder is expected',
            'measure M { kind outcome owner Skills }',
            '`Skills` is an outcome, but a stakeholder or person is expected here.',
        ],
        [
            'an assumption where a mechanism is expected',
            'assumption Rested "Staff are rested"\nlink Train -> Skills { mechanism Rested }',
            '`Rested` is an assumption, but a mechanism is expected here.',
        ],
        [
            'an activity where evidence is expected',
            'link Train -> Skills { evidence strong citing Train }',
            '`Train` is an activity, but an evidence entry is expected here.',
        ],
        [
            'a stakeholder where something measurable is expected',
            'measure M { kind outcome measures Team }',
            '`Team` is a stakeholder, but an activity, outcome or risk is expected here.',
        ],
    ])('the kind found and the kinds expected read as English: %s', async (_name, text, message) => {
        const model = await loadModel(`${nodes}\n${text}`);
        expect(model.errors().map(error => error.message)).toContain(message);
    });

    test('declared names resolve', async () => {
        const model = await loadModel(`${nodes}\nlink Train -> Skills`);
        expect(model.errors()).toEqual([]);
    });
});

describe('duplicate names', () => {
    test('a second declaration of a name is reported, whatever its kind, pointing at the first', async () => {
        const model = await loadModel(`${nodes}\nmeasure Skills { kind process }`);
        expect(model.errorCodes()).toEqual(['duplicate-name']);
        const [error] = model.errors();
        expect(error.message).toBe('`Skills` is already declared (at line 3). Give each declaration its own name.');
        expect(error.range.start.line).toBe(7);
        expect(rangeText(model, 'model.toc', error)).toBe('Skills');
        expect(error.relatedInformation).toMatchObject([
            { location: { range: { start: { line: 2 } } }, message: '`Skills` is first declared here.' },
        ]);
    });

    test('the rules say nothing of the second declaration, which nothing can refer to', async () => {
        const model = await loadModel('outcome Skills { horizon short }\noutcome Skills\n');
        const onSecond = model.diagnostics().filter(d => d.range.start.line === 1);
        expect(onSecond.map(d => d.code)).toEqual(['duplicate-name']);
    });

    test('distinct names are fine', async () => {
        const model = await loadModel(`${nodes}\nmeasure SkillsAudit { kind process }`);
        expect(model.errors()).toEqual([]);
    });
});

describe('links', () => {
    test('a link from a node to itself', async () => {
        const model = await loadModel(`${nodes}\nlink Skills -> Skills`);
        expect(model.errorCodes()).toEqual(['self-link']);
        expect(model.errors()[0].message).toBe(
            '`Skills` is linked to itself. A link joins two different activities or outcomes.',
        );
    });

    test('an outcome cannot cause an activity unless the link is feedback', async () => {
        const model = await loadModel(`${nodes}\nlink Skills -> Train`);
        expect(model.errorCodes()).toEqual(['link-direction']);
        expect(model.errors()[0].message).toBe(
            'A short-term outcome `Skills` cannot cause an earlier activity `Train`. Mark the link `feedback link` if it closes a loop on purpose, or reverse it.',
        );
        expect(rangeText(model, 'model.toc', model.errors()[0])).toBe('Train');
    });

    test('a long-term outcome cannot cause a short-term one unless the link is feedback', async () => {
        const model = await loadModel(`${nodes}\nlink Safety -> Skills`);
        expect(model.errorCodes()).toEqual(['link-direction']);
    });

    test('forward links, and backward links marked feedback, are fine', async () => {
        const model = await loadModel(
            `${nodes}\nlink Train -> Skills\nlink Skills -> Practice\nlink Practice -> Safety\nfeedback link Safety -> Train`,
        );
        expect(model.errors()).toEqual([]);
    });

    test('a cycle of ordinary links is reported once, listing the cycle', async () => {
        const model = await loadModel(`
            outcome A { horizon short }
            outcome B { horizon short }
            outcome C { horizon short }
            link A -> B
            link B -> C
            link C -> A`);
        const diagnostics = model.errors();
        expect(diagnostics.map(d => d.code)).toEqual(['causal-cycle']);
        expect(diagnostics[0].message).toBe(
            'These links form a cycle: A -> B -> C -> A. Mark one of them `feedback link` if the loop is intended, or remove one.',
        );
        expect(diagnostics[0].range.start.line).toBe(6);
        expect(rangeText(model, 'model.toc', diagnostics[0])).toBe('link');
    });

    test('a cycle with one feedback link is a declared loop', async () => {
        const model = await loadModel(`
            outcome A { horizon short }
            outcome B { horizon short }
            link A -> B
            feedback link B -> A`);
        expect(model.errors()).toEqual([]);
    });
});

describe('fields', () => {
    test('a one-value field given twice', async () => {
        const model = await loadModel('outcome A {\n    horizon short\n    horizon long\n}');
        expect(model.errorCodes()).toEqual(['repeated-field']);
        expect(model.errors()[0].message).toBe(
            '`horizon` is given more than once in `A`; only the last one would count. Keep one.',
        );
        expect(model.errors()[0].range.start.line).toBe(1);
    });

    test.each([
        ['an owner (a reference)', 'stakeholder S\nstakeholder T\nactivity A {\n    owner S\n    owner T\n}', 'owner'],
        ['a description (text)', 'outcome A {\n    description "one"\n    description "two"\n}', 'description'],
        [
            'the evidence of a link (a value)',
            'activity A\noutcome B\nlink A -> B {\n    evidence weak\n    evidence strong\n}',
            'evidence',
        ],
    ])('%s given twice is reported, in a file whose other declarations are clean', async (_, text, field) => {
        const model = await loadModel(`outcome Clean { horizon short }\n${text}\noutcome AlsoClean { horizon long }\n`);
        const repeated = model.errors().filter(e => e.code === 'repeated-field');
        expect(repeated.map(e => e.message)).toEqual([expect.stringContaining(`\`${field}\` is given more than once`)]);
    });

    test.each([
        ['checked by', 'assumption A { checked by "audit" checked by "survey" }'],
        ['policy alignment', 'context C { policy alignment high policy alignment low }'],
        ['competing priorities', 'context C { competing priorities "a" competing priorities "b" }'],
        ['funding after end', 'sustain plan S { funding after end "a" funding after end "b" }'],
        ['involved in design', 'stakeholder S { involved in design involved in design }'],
        ['member of', 'stakeholder T\nperson P { member of T member of T }'],
        ['strength', 'evidence E { strength strong strength weak }'],
        ['starts', 'activity A { starts 2024-01-01 starts 2024-02-01 }'],
        ['baseline', 'measure M { baseline 3 baseline 4 }'],
    ])('the message names `%s` as it is written', async (words, text) => {
        const model = await loadModel(`${text}\n`);
        const repeated = model.errors().filter(e => e.code === 'repeated-field');
        expect(repeated.map(e => e.message)).toEqual([
            expect.stringMatching(new RegExp(`^\`${words}\` is given more than once`)),
        ]);
    });

    test('on a link, the message uses the words written and names the link by its ends', async () => {
        const model = await loadModel(
            'activity A\noutcome B\nlink A -> B {\n    evidence weak\n    evidence strong\n}\n',
        );
        expect(model.errors().map(e => e.message)).toEqual([
            '`evidence` is given more than once in the link `A -> B`; only the last one would count. Keep one.',
        ]);
    });

    test('fields given once each, in a file of many declarations, are not reported', async () => {
        const model = await loadModel(
            Array.from(
                { length: 30 },
                (_, i) => `outcome O${i} {\n    horizon short\n    description "once"\n}\n`,
            ).join(''),
        );
        expect(model.codes()).not.toContain('repeated-field');
    });

    test('list fields may repeat', async () => {
        const model = await loadModel(
            'stakeholder S\nproblem P {\n    story "one" from S\n    story "two"\n    figure "x" is 1\n    figure "y" is 2\n}',
        );
        expect(model.errors()).toEqual([]);
    });

    test('a date that is not in the calendar', async () => {
        const model = await loadModel('activity A { starts 2025-02-29 }');
        expect(model.errorCodes()).toEqual(['invalid-date']);
        expect(model.errors()[0].message).toBe(
            '2025-02-29 is not a date in the calendar. Write a real date as YYYY-MM-DD.',
        );
        expect(rangeText(model, 'model.toc', model.errors()[0])).toBe('2025-02-29');
    });

    test('a leap day in a leap year is a date', async () => {
        const model = await loadModel('activity A { starts 2024-02-29 }');
        expect(model.errors()).toEqual([]);
    });

    test('a date is in the calendar exactly when the calendar has that day', () => {
        const viaDate = (text: string) => {
            const [year, month, day] = text.split('-').map(Number);
            const date = new Date(Date.UTC(year, month - 1, day));
            return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        };
        const pad = (n: number, width: number) => String(n).padStart(width, '0');
        for (const year of [1900, 2000, 2023, 2024, 2100, 2400]) {
            for (let month = 0; month <= 13; month++) {
                for (let day = 0; day <= 32; day++) {
                    const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
                    expect(isCalendarDate(text), text).toBe(viaDate(text));
                }
            }
        }
        for (const text of ['2024-2-29', '2024-0a-01', '+024-01-01', ' 2024-01-1', '２０２４-01-01', '2024/01/01']) {
            expect(isCalendarDate(text), text).toBe(false);
        }
    });

    test('periods and activities must not end before they start', async () => {
        const model = await loadModel(
            'programme P { period 2025-01-01 to 2024-01-01 }\nactivity A { starts 2025-03-01 ends 2025-02-01 }',
        );
        expect(model.errorCodes()).toEqual(['date-order', 'date-order']);
        expect(model.errors()[1].message).toBe('Activity `A` ends (2025-02-01) before it starts (2025-03-01).');
    });

    test('a model has one programme', async () => {
        const model = await loadModel('programme P\nprogramme Q');
        expect(model.errorCodes()).toEqual(['second-programme']);
        expect(model.errors()[0].range.start.line).toBe(1);
    });
});

describe('imports', () => {
    const shared = 'stakeholder Team { level frontline }\noutcome Safety { horizon long }';

    test('names from an imported file resolve, with or without the extension', async () => {
        const workspace = await loadWorkspace(
            {
                'plan.toc': 'import "./shared/people"\nactivity Train { owner Team }\nlink Train -> Safety',
                'shared/people.toc': shared,
            },
            ['plan.toc'],
        );
        expect(workspace.errors('plan.toc')).toEqual([]);
        expect(workspace.document('shared/people.toc')).toBeDefined();
    });

    test('imports are transitive', async () => {
        const workspace = await loadWorkspace(
            {
                'plan.toc': 'import "middle.toc"\nactivity Train { owner Team }',
                'middle.toc': 'import "shared.toc"',
                'shared.toc': shared,
            },
            ['plan.toc'],
        );
        expect(workspace.errors('plan.toc')).toEqual([]);
    });

    test('references follow an imported file as it changes: broken when its name goes, mended when it comes back', async () => {
        const workspace = await loadWorkspace(
            {
                'plan.toc': 'import "shared.toc"\nactivity Train { owner Team }',
                'shared.toc': shared,
            },
            ['plan.toc'],
        );
        const owner = () => (workspace.document('plan.toc').parseResult.value.elements[0] as Activity).owner;
        expect(owner()?.ref?.name).toBe('Team');

        await workspace.change('shared.toc', shared.replace('Team', 'Crew'));
        expect(workspace.errorCodes('plan.toc')).toEqual(['unresolved-reference']);
        expect(owner()?.ref).toBeUndefined();
        expect(owner()?.error).toBeDefined();

        await workspace.change('shared.toc', shared);
        expect(workspace.errors('plan.toc')).toEqual([]);
        expect(owner()?.ref).toBe(workspace.document('shared.toc').parseResult.value.elements[0]);
    });

    test('a file that is not imported is not in scope', async () => {
        const workspace = await loadWorkspace({ 'plan.toc': 'activity Train { owner Team }', 'shared.toc': shared });
        expect(workspace.errorCodes('plan.toc')).toEqual(['unresolved-reference']);
    });

    test('an import that does not resolve names the path it looked for', async () => {
        const workspace = await loadWorkspace({ 'plan.toc': 'import "./missing"' });
        const [diagnostic] = workspace.errors('plan.toc');
        expect(diagnostic.code).toBe('unresolved-import');
        expect(diagnostic.message).toBe(
            'Cannot find `./missing` (looked for /workspace/missing.toc). Check the path, which is relative to this file.',
        );
        expect(rangeText(workspace, 'plan.toc', diagnostic)).toBe('"./missing"');
    });

    test('only .toc files can be imported', async () => {
        const workspace = await loadWorkspace({ 'plan.toc': 'import "notes.txt"' });
        expect(workspace.errorCodes('plan.toc')).toEqual(['unresolved-import']);
    });

    test('a file importing itself', async () => {
        const workspace = await loadWorkspace({ 'plan.toc': 'import "plan"' });
        expect(workspace.errors('plan.toc')[0]).toMatchObject({
            code: 'import-cycle',
            message: 'A file cannot import itself. Remove this import.',
        });
    });

    test('files importing each other in a loop', async () => {
        const workspace = await loadWorkspace({ 'a.toc': 'import "b"', 'b.toc': 'import "c"', 'c.toc': 'import "a"' }, [
            'a.toc',
        ]);
        expect(workspace.errors('a.toc')[0]).toMatchObject({
            code: 'import-cycle',
            message:
                'Import cycle: a.toc -> b.toc -> c.toc -> a.toc. Move what both files need into a third file that both import.',
        });
        expect(workspace.errorCodes('b.toc')).toEqual(['import-cycle']);
    });

    test('a name declared here and in an imported file', async () => {
        const workspace = await loadWorkspace(
            { 'plan.toc': 'import "shared"\noutcome Safety { horizon long }', 'shared.toc': shared },
            ['plan.toc'],
        );
        expect(workspace.errors('plan.toc')).toMatchObject([
            {
                code: 'duplicate-name',
                message: '`Safety` is already declared (at shared.toc line 2). Give each declaration its own name.',
            },
        ]);
    });

    test('two imported files declaring one name', async () => {
        const workspace = await loadWorkspace(
            { 'plan.toc': 'import "a"\nimport "b"', 'a.toc': 'outcome X', 'b.toc': 'outcome X' },
            ['plan.toc'],
        );
        const [diagnostic] = workspace.errors('plan.toc');
        expect(diagnostic.code).toBe('duplicate-name');
        expect(diagnostic.message).toBe(
            '`X` is declared in more than one imported file (a.toc line 1, b.toc line 1). Rename one of them.',
        );
        expect(diagnostic.range.start.line).toBe(1);
    });

    test('a cycle of links across imported files is found', async () => {
        const workspace = await loadWorkspace(
            {
                'plan.toc': 'import "shared"\noutcome Skills { horizon long }\nlink Skills -> Safety',
                'shared.toc': 'import "plan"\noutcome Safety { horizon long }\nlink Safety -> Skills',
            },
            ['plan.toc'],
        );
        expect(workspace.errorCodes('plan.toc')).toContain('causal-cycle');
    });

    test('a change to an imported file revalidates the files that import it', async () => {
        const workspace = await loadWorkspace(
            { 'plan.toc': 'import "shared"\nactivity Train { owner Team }', 'shared.toc': shared },
            ['plan.toc'],
        );
        expect(workspace.errors('plan.toc')).toEqual([]);
        await workspace.change('shared.toc', 'outcome Safety { horizon long }');
        expect(workspace.errorCodes('plan.toc')).toEqual(['unresolved-reference']);
        await workspace.change('shared.toc', 'outcome Train');
        expect(workspace.errorCodes('plan.toc')).toEqual(['duplicate-name', 'unresolved-reference']);
    });
});
