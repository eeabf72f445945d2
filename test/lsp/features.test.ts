import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
    CompletionItem,
    DocumentSymbol,
    Hover,
    Location,
    LocationLink,
    SemanticTokens,
    WorkspaceEdit,
} from 'vscode-languageserver';
import { SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import type { TestWorkspace } from '../support/workspace.js';
import { loadWorkspace } from '../support/workspace.js';

const PEOPLE = `stakeholder Nurses "Ward nurses" {
    level frontline
    profession nursing
}
`;
const PLAN = `import "people"

activity Rounding "Hourly rounding" {
    owner Nurses
}

outcome FewerFalls "Fewer falls" {
    horizon long
    target reduce 25 % by 2026-03-31
}

link Rounding -> FewerFalls {
    mechanism "Needs are met before patients move alone"
    evidence moderate
}

measure FallsRate {
    kind outcome
    measures FewerFalls
}
`;

async function workspace(): Promise<TestWorkspace> {
    return loadWorkspace({ 'plan.toc': PLAN, 'people.toc': PEOPLE }, ['plan.toc']);
}

/** Position of the n-th occurrence of `text` in a document, optionally shifted into it. */
function at(document: LangiumDocument, text: string, occurrence = 1, shift = 0) {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = document.textDocument.getText().indexOf(text, offset + 1);
    }
    expect(offset, `"${text}" occurs ${occurrence} times`).toBeGreaterThanOrEqual(0);
    return {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + shift),
    };
}

async function completionItems(text: string, marker: string, triggerCharacter?: string): Promise<CompletionItem[]> {
    const ws = await loadWorkspace({ 'plan.toc': text.replace(marker, ''), 'people.toc': PEOPLE }, ['plan.toc']);
    const document = ws.document('plan.toc');
    const offset = text.indexOf(marker);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
        context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
    return list?.items ?? [];
}

async function completionLabels(text: string, marker: string): Promise<string[]> {
    return (await completionItems(text, marker)).map((item: CompletionItem) => item.label);
}

describe('completion', () => {
    test('asked between an edit and its build, it answers nothing yet and asks to be asked again', async () => {
        const ws = await loadWorkspace({ 'plan.toc': 'activity Briefing "Morning briefing"\n' }, ['plan.toc']);
        const document = ws.document('plan.toc');
        // The editor's text has moved on (a link begun) and the tree has not been built again yet.
        const typed = 'activity Briefing "Morning briefing"\nlink ';
        Object.defineProperty(document, 'textDocument', {
            value: TextDocument.create(document.uri.toString(), 'toc', 2, typed),
        });
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position: { line: 1, character: 5 },
            context: { triggerKind: 2, triggerCharacter: ' ' },
        });
        expect(list).toEqual({ isIncomplete: true, items: [] });
    });

    test('offers declaration keywords at the top level', async () => {
        const labels = await completionLabels('outcome A\n<|>', '<|>');
        expect(labels).toEqual(
            expect.arrayContaining(['activity', 'outcome', 'link', 'measure', 'programme', 'sustain', 'stakeholder']),
        );
    });

    test('offers names in scope, including imported ones, of the right kind', async () => {
        const labels = await completionLabels('import "people"\nactivity A { owner <|> }\noutcome O', '<|>');
        expect(labels).toContain('Nurses');
        expect(labels).not.toContain('O');
    });

    test('after `->` the editor asks on its own, and is offered the effects: not the cause, and no keywords', async () => {
        const text = 'activity Train "Train the staff"\noutcome Safer "Safer care"\nlink Train -><|>';
        const items = await completionItems(text, '<|>', '>');
        expect(items.map(item => item.label)).toEqual(['Safer']);
        expect(items[0]).toMatchObject({ detail: 'outcome', labelDetails: { description: 'Safer care' } });
    });

    test('after a space the editor asks on its own: names where a name goes, nothing elsewhere', async () => {
        const owner = await completionItems('import "people"\nactivity A { owner <|> }', '<|>', ' ');
        expect(owner.map(item => item.label)).toContain('Nurses');
        expect(owner.every(item => item.detail !== 'Keyword')).toBe(true);
        expect(await completionItems('outcome A\noutcome <|>', '<|>', ' ')).toEqual([]);
    });

    test('offers the allowed values of a field', async () => {
        const labels = await completionLabels('outcome A\noutcome B\nlink A -> B { evidence <|> }', '<|>');
        expect(labels).toEqual(expect.arrayContaining(['strong', 'moderate', 'weak', 'contested', 'none']));
        expect(await completionLabels('measure M { method <|> }', '<|>')).toEqual(
            expect.arrayContaining(['routine-data', 'audit', 'survey', 'self-report', 'observation']),
        );
    });

    test('after `at` in a measure, offers the sites', async () => {
        const labels = await completionLabels('site Ward7\noutcome A\nmeasure M { at <|> }', '<|>');
        expect(labels).toContain('Ward7');
        expect(labels).not.toContain('A');
    });
});

describe('hover', () => {
    test('shows kind, title, links in and out, and measures', async () => {
        const ws = await workspace();
        const document = ws.document('plan.toc');
        const hover = (await ws.services.lsp.HoverProvider!.getHoverContent(
            document,
            at(document, 'FewerFalls', 2),
        )) as Hover;
        const text = (hover.contents as { value: string }).value;
        expect(text).toContain('**outcome** `FewerFalls` — Fewer falls');
        expect(text).toContain('long term · target reduce 25% by 2026-03-31');
        expect(text).toContain('**Caused by:** Rounding (moderate)');
        expect(text).toContain('**Leads to:** nothing yet');
        expect(text).toContain('**Measured by:** FallsRate (outcome)');
    });

    test('works on a name from an imported file', async () => {
        const ws = await workspace();
        const document = ws.document('plan.toc');
        const hover = (await ws.services.lsp.HoverProvider!.getHoverContent(document, at(document, 'Nurses'))) as Hover;
        expect((hover.contents as { value: string }).value).toContain('**stakeholder** `Nurses` — Ward nurses');
    });

    test('a measure shows how it is collected, by whom, and its figures at each site', async () => {
        const text = PLAN.replace(
            '    measures FewerFalls\n',
            '    measures FewerFalls\n    baseline 6.5\n    at Ward7 baseline 4.2\n    at Ward7 target reach 3\n    method audit\n    owner Nurses\n    collected by Nurses\n',
        ).concat('\nsite Ward7 "Ward 7"\n');
        const ws = await loadWorkspace({ 'plan.toc': text, 'people.toc': PEOPLE }, ['plan.toc']);
        const document = ws.document('plan.toc');
        const hover = (await ws.services.lsp.HoverProvider!.getHoverContent(
            document,
            at(document, 'FallsRate'),
        )) as Hover;
        expect((hover.contents as { value: string }).value).toContain(
            'outcome measure · of FewerFalls · baseline 6.5 · at Ward7: baseline 4.2 · at Ward7: target reach 3 · by audit · owner Nurses · collected by Nurses',
        );
    });

    test('a measure with data shows its latest value, what the data show, how many points there are, and a sparkline', async () => {
        const csv = [
            'date,value',
            ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01,${4 + (i % 2)}`),
        ].join('\n');
        const ws = await loadWorkspace(
            {
                'plan.toc': 'measure Falls { kind process direction decrease data "falls.csv" }\n',
                'falls.csv': `${csv}\n`,
                'toc.config.json': '{ "asOf": "2025-12-31" }',
            },
            ['plan.toc'],
        );
        const document = ws.document('plan.toc');
        const hover = (await ws.services.lsp.HoverProvider!.getHoverContent(document, at(document, 'Falls'))) as Hover;
        expect((hover.contents as { value: string }).value).toContain(
            '**Data:** latest 5 on 2025-12-01 · random variation · 12 points, run chart\n\n`▁█▁█▁█▁█▁█▁█` all 12 points, oldest first',
        );
    });

    test('a stakeholder of mixed professions shows them all', async () => {
        const ws = await loadWorkspace(
            {
                'plan.toc':
                    'stakeholder Team "Falls team" { professions nursing, physiotherapy, "occupational therapy" }\n',
            },
            ['plan.toc'],
        );
        const document = ws.document('plan.toc');
        const hover = (await ws.services.lsp.HoverProvider!.getHoverContent(document, at(document, 'Team'))) as Hover;
        expect((hover.contents as { value: string }).value).toContain('nursing, physiotherapy, occupational therapy');
    });
});

describe('navigation', () => {
    test('go to definition jumps into the imported file', async () => {
        const ws = await workspace();
        const document = ws.document('plan.toc');
        const links = (await ws.services.lsp.DefinitionProvider!.getDefinition(
            document,
            at(document, 'Nurses'),
        )) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(ws.uri('people.toc').toString());
        expect(links[0].targetSelectionRange.start).toEqual({ line: 0, character: 12 });
    });

    test('find references lists every use across files', async () => {
        const ws = await workspace();
        const people = ws.document('people.toc');
        const params = { ...at(people, 'Nurses'), context: { includeDeclaration: true } };
        const locations = (await ws.services.lsp.ReferencesProvider!.findReferences(people, params)) as Location[];
        expect(
            locations.map(l => [l.uri.endsWith('people.toc') ? 'people' : 'plan', l.range.start.line]).sort(),
        ).toEqual([
            ['people', 0],
            ['plan', 3],
        ]);
    });

    test('find references follows an edit that moves a use elsewhere in the file', async () => {
        const ws = await workspace();
        const find = async () => {
            const people = ws.document('people.toc');
            const locations = (await ws.services.lsp.ReferencesProvider!.findReferences(people, {
                ...at(people, 'Nurses'),
                context: { includeDeclaration: false },
            })) as Location[];
            return locations
                .map(l => `${l.uri.endsWith('people.toc') ? 'people' : 'plan'}:${l.range.start.line}`)
                .sort();
        };
        expect(await find()).toEqual(['plan:3']);
        await ws.change(
            'plan.toc',
            PLAN.replace('    owner Nurses\n', '').replace(
                '    kind outcome\n',
                '    kind outcome\n    owner Nurses\n',
            ),
        );
        expect(await find()).toEqual(['plan:17']);
    });

    test('rename changes the declaration and every reference, across files', async () => {
        const ws = await workspace();
        const plan = ws.document('plan.toc');
        const edit = (await ws.services.lsp.RenameProvider!.rename(plan, {
            ...at(plan, 'Nurses'),
            newName: 'WardNurses',
        })) as WorkspaceEdit;
        const apply = (path: string) =>
            TextDocument.applyEdits(ws.document(path).textDocument, edit.changes?.[ws.uri(path).toString()] ?? []);
        expect(apply('people.toc')).toContain('stakeholder WardNurses "Ward nurses"');
        expect(apply('plan.toc')).toContain('owner WardNurses');
        expect(apply('plan.toc')).not.toMatch(/\bNurses\b/);
    });
});

describe('document structure', () => {
    test('the outline lists every declaration by name', async () => {
        const ws = await workspace();
        const symbols = (await ws.services.lsp.DocumentSymbolProvider!.getSymbols(ws.document('plan.toc'), {
            textDocument: { uri: '' },
        })) as DocumentSymbol[];
        expect(symbols.map(s => [s.name, s.kind])).toEqual([
            ['Rounding', SymbolKind.Function],
            ['FewerFalls', SymbolKind.Class],
            ['FallsRate', SymbolKind.Property],
        ]);
    });

    test('blocks fold, leaving the closing brace in view', async () => {
        const ws = await workspace();
        const ranges = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(ws.document('plan.toc'), {
            textDocument: { uri: '' },
        });
        expect(ranges.map(r => [r.startLine, r.endLine])).toEqual([
            [2, 3],
            [6, 8],
            [11, 13],
            [16, 18],
        ]);
    });

    test('semantic tokens colour declared names and references by kind', async () => {
        const ws = await workspace();
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const tokens = (await provider.semanticHighlight(ws.document('plan.toc'), {
            textDocument: { uri: '' },
        })) as SemanticTokens;
        const legend = provider.tokenTypes;
        const decoded: Array<[number, number, string]> = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaStart, , type] = tokens.data.slice(i, i + 5);
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaStart : deltaStart;
            decoded.push([line, character, Object.keys(legend).find(key => legend[key] === type)!]);
        }
        expect(decoded).toContainEqual([2, 9, SemanticTokenTypes.function]); // activity Rounding
        expect(decoded).toContainEqual([3, 10, SemanticTokenTypes.parameter]); // owner Nurses
        expect(decoded).toContainEqual([11, 5, SemanticTokenTypes.function]); // link Rounding ->
        expect(decoded).toContainEqual([11, 17, SemanticTokenTypes.class]); // -> FewerFalls
    });
});

describe('formatting', () => {
    const messy = `// Falls programme
import   "people"
activity Rounding "Hourly rounding"{owner Nurses
  starts 2025-04-01}


outcome FewerFalls {horizon long target reduce 25 % by 2026-03-31 stretch} // the aim

/* measures
   follow */
measure FallsRate { kind outcome
     // monthly from the incident system
  measures FewerFalls, Rounding }
link Rounding->FewerFalls{mechanism "Needs met" evidence moderate}
`;
    const expected = `// Falls programme
import "people"
activity Rounding "Hourly rounding" {
    owner Nurses
    starts 2025-04-01
}

outcome FewerFalls {
    horizon long
    target reduce 25% by 2026-03-31 stretch
} // the aim

/* measures
   follow */
measure FallsRate {
    kind outcome
    // monthly from the incident system
    measures FewerFalls, Rounding
}
link Rounding -> FewerFalls {
    mechanism "Needs met"
    evidence moderate
}
`;

    async function format(text: string): Promise<string> {
        const ws = await loadWorkspace({ 'plan.toc': text, 'people.toc': PEOPLE }, ['plan.toc']);
        const document = ws.document('plan.toc');
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 4, insertSpaces: true },
        });
        return TextDocument.applyEdits(document.textDocument, edits);
    }

    test('lays out one field per line, keeps comments, and is idempotent', async () => {
        expect(await format(`${messy}stakeholder S { profession "general practice" level frontline }\n`)).toBe(
            `${expected}stakeholder S {\n    profession "general practice"\n    level frontline\n}\n`,
        );
        const once = await format(messy);
        expect(once).toBe(expected);
        expect(await format(once)).toBe(once);
    });

    test("a site's figures stay on one line each; a list of professions stays on its line", async () => {
        const messy =
            'site W7\nmeasure M { baseline 6.5 at W7 baseline 4.2 on 2025-01-31   at W7  target reach 3 method audit collected by S }\nstakeholder S { professions nursing,medicine , "occupational therapy" }\n';
        expect(await format(messy)).toBe(
            'site W7\nmeasure M {\n    baseline 6.5\n    at W7 baseline 4.2 on 2025-01-31\n    at W7 target reach 3\n    method audit\n    collected by S\n}\nstakeholder S {\n    professions nursing, medicine, "occupational therapy"\n}\n',
        );
    });

    test('leaves a file with syntax errors untouched', async () => {
        const broken = 'outcome A {horizon long\nmeasure M {kind outcome}';
        expect(await format(broken)).toBe(broken);
    });
});
