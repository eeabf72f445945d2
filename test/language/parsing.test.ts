import { readFileSync } from 'node:fs';
import { CstUtils, isLeafCstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import * as ast from '../../language/src/generated/ast.js';
import { starterModel } from '../../language/src/index.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';
import { messageText } from '../../language/src/utils/text.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('parsing', () => {
    test('a model using every construct parses, links and checks clean', async () => {
        const workspace = await loadWorkspace(
            { 'every-construct.toc': fixture('every-construct.toc'), 'people.toc': fixture('people.toc') },
            ['every-construct.toc'],
        );
        expect(workspace.errors('every-construct.toc')).toEqual([]);
        const model = workspace.document('every-construct.toc').parseResult.value;
        const byName = new Map(
            model.elements.filter(e => 'name' in e && e.name).map(e => [(e as { name: string }).name, e]),
        );

        const programme = byName.get('Keystone') as ast.Programme;
        expect(programme.period).toMatchObject({ start: '2003-10-01', end: '2005-09-30' });
        expect(programme.aims.map(a => a.ref?.name)).toEqual(['FewerInfections']);
        expect(programme.sponsors.map(s => s.ref?.$type)).toEqual(['Stakeholder', 'Person']);

        const problem = byName.get('LineInfections') as ast.Problem;
        expect(problem.figures[0]).toMatchObject({
            text: 'Mean infection rate',
            date: '2004-03-01',
            value: { value: 7.7, unit: 'per 1,000 catheter-days' },
        });
        expect(problem.figures[0].source?.evidence?.ref?.name).toBe('Pronovost2006');
        expect(problem.stories[0].teller?.ref?.name).toBe('IcuNurses');

        const aim = byName.get('FewerInfections') as ast.Outcome;
        expect(aim.horizon).toBe('long');
        expect(aim.target).toMatchObject({
            change: 'reduce',
            value: { value: 80, unit: '%' },
            date: '2005-09-30',
            stretch: true,
        });

        const links = model.elements.filter(ast.isLink);
        expect(links.map(l => [l.source.ref?.name, l.target.ref?.name, l.feedback])).toEqual([
            ['Checklist', 'Compliance', false],
            ['Compliance', 'FewerInfections', false],
            ['FewerInfections', 'Checklist', true],
        ]);
        expect(links[0].mechanism?.mechanism?.ref?.name).toBe('Empowerment');
        expect(links[0].citations.map(c => c.evidence?.ref?.name ?? c.text)).toEqual([
            'Pronovost2006',
            'Berenholtz 2004',
        ]);
        expect(links[1].name).toBe('Prevents');
        expect(links[1].mechanism?.text).toBe('Each practice removes a route for infection');

        const measure = byName.get('InfectionRate') as ast.Measure;
        expect(measure).toMatchObject({
            kind: 'outcome',
            direction: 'decrease',
            frequency: 'monthly',
            baseline: { value: { value: 7.7 }, date: '2004-03-01' },
        });
        expect(measure.owner?.ref?.name).toBe('Pronovost');

        expect((byName.get('DataSupport') as ast.Resource).amount).toMatchObject({ value: 0.5, unit: 'wte' });
        expect((byName.get('Burden') as ast.Risk).sideEffect).toBe(true);
        expect((byName.get('Fatigue') as ast.Risk).sideEffect).toBe(false);
        expect((byName.get('Embed') as ast.SustainPlan).embeddings.map(e => e.kind)).toEqual(['policy', 'training']);
        expect(byName.get('IcuCulture')).toMatchObject({
            readiness: 'medium',
            capacity: 'low',
            policyAlignment: 'high',
        });
    });

    test('the starter model checks clean, rules included', async () => {
        const model = await loadModel(starterModel());
        expect(model.diagnostics()).toEqual([]);
    });

    test('names may use letters of any alphabet', async () => {
        const model = await loadModel('outcome Été { horizon short }\noutcome Ψυχή { horizon long }\nlink Été -> Ψυχή');
        expect(model.errors()).toEqual([]);
    });

    test('a name that begins with a keyword is one name', async () => {
        const model = await loadModel(
            'outcome linkage { horizon short }\noutcome shortfall { horizon long }\nlink linkage -> shortfall',
        );
        expect(model.errors()).toEqual([]);
    });

    test('comments of both kinds are ignored', async () => {
        const model = await loadModel(
            '// a line comment\noutcome A /* inside */ { horizon /* here too */ short } // trailing',
        );
        expect(model.errors()).toEqual([]);
    });

    test('every comment keeps its place in the syntax tree, which the formatter and hover rely on', async () => {
        const text = Array.from(
            { length: 40 },
            (_, i) => `// before ${i}\noutcome O${i} { /* in ${i} */ horizon short } // after ${i}\n`,
        ).join('');
        const model = await loadModel(`/* first */\n${text}// last\n`);
        const root = model.document('model.toc').parseResult.value.$cstNode!;
        const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).toArray();
        expect(leaves.map(leaf => leaf.offset)).toEqual(leaves.map(leaf => leaf.offset).sort((a, b) => a - b));
        expect(leaves.filter(leaf => leaf.hidden).map(leaf => leaf.text)).toHaveLength(40 * 3 + 2);
        expect(model.document('model.toc').parseResult.value.elements).toHaveLength(40);
    });
});

describe('syntax errors recover', () => {
    test('text that is not a model lists its first hundred syntax errors, then how many more there are', async () => {
        const model = await loadModel('outcome Fine { horizon short }\n' + '§ '.repeat(400));
        const errors = model.errors();
        expect(errors).toHaveLength(101);
        expect(
            errors
                .slice(0, 100)
                .every(e => e.code === 'syntax-error' && !messageText(e.message).includes('more syntax errors')),
        ).toBe(true);
        expect(errors[100]).toMatchObject({
            code: 'syntax-error',
            message:
                '300 more syntax errors follow and are not listed. Fix the first ones: one missing quote, brace or comment end often causes the rest.',
        });
        expect(errors[100].range).toEqual(errors[99].range);
        expect(model.document('model.toc').parseResult.value.elements).toHaveLength(1);
    });

    test('a hundred syntax errors are all listed', async () => {
        const model = await loadModel('outcome Fine { horizon short }\n' + '§ '.repeat(100));
        expect(model.errorCodes()).toEqual(Array(100).fill('syntax-error'));
    });

    const later =
        'outcome B "b" { horizon medium }\nactivity C { owner D }\nlink C -> A\nlink A -> B\nstakeholder D { level frontline }\n';

    test('one missing closing brace gives one error and the rest of the file still counts', async () => {
        const model = await loadModel(`outcome A "a" {\n    horizon short\n${later}`);
        const diagnostics = model.errors();
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({
            code: 'syntax-error',
            message: "Expected '}' but found 'outcome'. Is a closing brace missing?",
        });
        expect(diagnostics[0].range.start.line).toBe(2);
        const names = model.document('model.toc').parseResult.value.elements.map(e => (e as { name?: string }).name);
        expect(names).toEqual(['A', 'B', 'C', undefined, undefined, 'D']);
    });

    test('a stray word between declarations is reported and skipped', async () => {
        const model = await loadModel(`outcome A { horizon short }\nnote\n${later}`);
        expect(model.errors().map(d => [d.code, d.range.start.line])).toEqual([['syntax-error', 1]]);
        expect(model.errors()[0].message).toContain("Unexpected 'note'");
    });

    test('a wrong value names the values that are allowed', async () => {
        const model = await loadModel('outcome A { horizon shortish }');
        expect(model.errors()[0].message).toBe("Expected one of 'short', 'medium' or 'long' but found 'shortish'.");
    });

    test('a character that belongs to no token says where prose and comments go', async () => {
        const model = await loadModel('outcome A { horizon short } # note');
        expect(model.errors()[0].message).toContain('Prose belongs in "quoted text"; comments start with //.');
    });
});
