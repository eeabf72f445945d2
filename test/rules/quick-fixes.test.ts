import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, SnippetTextEdit, TextDocumentEdit } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { edit, without } from '../support/variants.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';
import { exampleDataFiles, exampleFiles, examplePrograms } from '../support/examples.js';
import { isFixData } from '../../language/src/rules/rule.js';

async function format(text: string): Promise<string> {
    const model = await loadModel(text);
    const document = model.document('model.toc');
    const edits = await model.services.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 4, insertSpaces: true },
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Applies the quick fix with the given title prefix to the first finding of a rule. */
async function applyFix(
    text: string,
    rule: string,
    title: string | RegExp,
): Promise<{ fixed: string; action: CodeAction }> {
    const model = await loadModel(text);
    const document = model.document('model.toc');
    const diagnostic = model.diagnostics().find(d => d.code === rule) as Diagnostic;
    expect(diagnostic, `${rule} fires before the fix`).toBeDefined();
    const actions = (await model.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const action = actions.find(a => (typeof title === 'string' ? a.title.startsWith(title) : title.test(a.title)));
    expect(action, `a fix titled ${title} among ${actions.map(a => a.title).join(', ')}`).toBeDefined();
    const fixed = TextDocument.applyEdits(document.textDocument, action!.edit!.changes![document.uri.toString()]);
    return { fixed, action: action! };
}

const FUNDER: [string, string] = [
    '\ncontext',
    '\nstakeholder HealthFund "The charity that funds the programme" {\n    level funder\n    role "Funds the programme"\n}\n\ncontext',
];
const TRUST: [string, string] = [
    '\ncontext',
    '\nstakeholder Trust "A second funder" {\n    level funder\n    role "Funds the data support"\n}\n\ncontext',
];

const FIXES: Array<[string, string, string]> = [
    ['unmeasured-outcome', edit(['measures RoundsDone', 'measures Rounding']), 'Add a measure of RoundsDone'],
    ['unwatched-risk', edit(['measures LessTimeForCare', 'measures Rounding']), 'Add a measure of LessTimeForCare'],
    [
        'link-without-mechanism',
        edit(['    mechanism "Rounds become part of the ward routine"\n', '']),
        'Add a mechanism to this link',
    ],
    ['measure-without-baseline', edit(['    baseline 40 on 2025-03-01\n', '']), 'Add a baseline to this measure'],
    ['no-balancing-measure', edit(['kind balancing', 'kind process']), 'Add a balancing measure'],
    ['project-ends-without-sustain', edit(without('sustain plan KeepRounding')), 'Add a sustain plan'],
    [
        'no-sustain-plan',
        edit(without('sustain plan KeepRounding'), ['    period 2025-04-01 to 2026-03-31\n', '']),
        'Add a sustain plan',
    ],
    ['problem-missing', edit(without('problem Falls')), 'Add a problem statement'],
    [
        'context-incomplete',
        edit(['    readiness high\n    capacity medium\n', '']),
        'Rate the readiness and capacity of this context',
    ],
    ['no-protected-time', edit(without('resource RoundingTime')), 'Protect frontline staff time'],
    [
        'funder-as-sponsor',
        edit(['sponsor ChiefNurse', 'sponsor ChiefNurse, HealthFund'], FUNDER),
        'Move HealthFund from sponsor to funder',
    ],
    [
        'funder-as-sponsor',
        edit(['sponsor ChiefNurse', 'sponsor HealthFund, ChiefNurse\n    funder Trust'], FUNDER, TRUST),
        'Move HealthFund from sponsor to funder',
    ],
];

describe('quick fixes', () => {
    test.each(FIXES)(
        '%s: the fix, its blanks left as they come, removes the finding, adds none and leaves the file formatted',
        async (rule, text, title) => {
            const before = (await loadModel(text)).diagnostics().map(d => `${d.code}: ${d.message}`);
            const { fixed, action } = await applyFix(text, rule, title);
            expect(action.isPreferred).toBe(true);
            const after = await loadModel(fixed);
            expect(after.codes()).not.toContain(rule);
            expect(after.diagnostics().filter(d => !before.includes(`${d.code}: ${d.message}`))).toEqual([]);
            expect(await format(fixed)).toBe(fixed);
        },
    );

    test('a client that takes snippet edits gets tab stops over what to fill in, with the same text', async () => {
        const text = edit(['measures RoundsDone', 'measures Rounding']);
        const { fixed } = await applyFix(text, 'unmeasured-outcome', 'Add a measure');
        const model = await loadModel(text);
        await model.services.shared.lsp.LanguageServer.initialize({
            processId: null,
            rootUri: null,
            capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } } },
        });
        const document = model.document('model.toc');
        const diagnostic = model.diagnostics().find(d => d.code === 'unmeasured-outcome')!;
        const actions = (await model.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
        const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
        expect(change.textDocument).toEqual({ uri: document.uri.toString(), version: document.textDocument.version });
        const [snippetEdit] = change.edits as SnippetTextEdit[];
        const value = snippetEdit.snippet.value;
        expect(value).toContain('direction ${3|increase,decrease|}');
        // The owner offered is one the model declares.
        const owner = /owner \$\{\d+:(\w+)\}/.exec(value)?.[1];
        expect(text).toContain(`stakeholder ${owner} `);
        // With each stop's default in place, the snippet is the text a plain client gets.
        const defaults = value
            .replace(/\$\{\d+:([^}]*)\}/g, '$1')
            .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
            .replace(/\\([\\$}])/g, '$1');
        expect(TextDocument.applyEdits(document.textDocument, [{ range: snippetEdit.range, newText: defaults }])).toBe(
            fixed,
        );
    });

    test('a data file that does not exist can be created with its header row, by a client that creates files', async () => {
        const text = 'measure Falls { kind outcome direction decrease chart u data "data/falls.csv" }\n';
        const actionsFor = async (workspaceEdit: Record<string, unknown>, files: Record<string, string> = {}) => {
            const ws = await loadWorkspace({ 'plan.toc': text, ...files }, ['plan.toc']);
            await ws.services.shared.lsp.LanguageServer.initialize({
                processId: null,
                rootUri: null,
                capabilities: { workspace: { workspaceEdit } },
            });
            const document = ws.document('plan.toc');
            const diagnostic = ws.diagnostics('plan.toc').find(d => d.code === 'data-unreadable')!;
            expect(diagnostic, 'data-unreadable fires').toBeDefined();
            const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] },
            })) as CodeAction[];
            return { actions, csv: ws.uri('data/falls.csv').toString() };
        };
        const creates = { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] };
        const { actions, csv } = await actionsFor(creates);
        const create = actions.find(a => a.title === 'Create data/falls.csv with its header row');
        expect(create?.isPreferred).toBe(true);
        // Created, never over a file that appeared meanwhile (no overwrite), with the u chart's columns.
        expect(create?.edit?.documentChanges).toEqual([
            { kind: 'create', uri: csv },
            {
                textDocument: { uri: csv, version: null },
                edits: [
                    {
                        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                        newText: 'date,value,denominator\n',
                    },
                ],
            },
        ]);
        // A client that cannot create files is not offered it; nor is a file that exists with a bad row.
        expect((await actionsFor({ documentChanges: true })).actions.map(a => a.title)).not.toContain(create!.title);
        const badRow = await actionsFor(creates, { 'data/falls.csv': 'date,value\n2025-01-31,n/a\n' });
        expect(badRow.actions.map(a => a.title)).not.toContain(create!.title);
    });

    test('a link written on one line gets a block for its mechanism', async () => {
        const text = edit([
            'link Rounding -> RoundsDone {\n    mechanism "Rounds become part of the ward routine"\n    evidence moderate\n}',
            'link Rounding -> RoundsDone',
        ]);
        const { fixed } = await applyFix(text, 'link-without-mechanism', 'Add a mechanism');
        expect(fixed).toContain('link Rounding -> RoundsDone {\n    mechanism "Why Rounding leads to RoundsDone"\n}');
        expect(await format(fixed)).toBe(fixed);
    });

    test('a funder moves out of the sponsors: from a list, or with its field when it stands alone', async () => {
        const listed = edit(['sponsor ChiefNurse', 'sponsor HealthFund, ChiefNurse\n    funder Trust'], FUNDER, TRUST);
        expect((await applyFix(listed, 'funder-as-sponsor', 'Move')).fixed).toContain(
            '    sponsor ChiefNurse\n    funder Trust, HealthFund\n',
        );
        const alone = edit(['sponsor ChiefNurse', 'sponsor ChiefNurse\n    sponsor HealthFund'], FUNDER);
        const { fixed } = await applyFix(alone, 'funder-as-sponsor', 'Move');
        expect(fixed).toContain('    aim FewerFalls\n    sponsor ChiefNurse\n}');
        expect(fixed).toContain('{\n    funder HealthFund\n    period');
        expect(await format(fixed)).toBe(fixed);
    });

    test('a new measure takes a name no other declaration has', async () => {
        const text = edit(
            ['measures RoundsDone', 'measures Rounding'],
            ['\nassumption', '\nactivity RoundsDoneMeasure {\n    owner WardNurses\n}\n\nassumption'],
        );
        const { fixed } = await applyFix(text, 'unmeasured-outcome', 'Add a measure');
        expect(fixed).toContain('measure RoundsDoneMeasure2 "How RoundsDone is measured"');
    });

    test('every finding can be suppressed with a reason to fill in', async () => {
        const text = edit(['measures RoundsDone', 'measures Rounding']);
        const { fixed, action } = await applyFix(
            text,
            'unmeasured-outcome',
            'Suppress unmeasured-outcome for RoundsDone',
        );
        expect(action.isPreferred).toBe(false);
        expect(fixed).toContain(
            '// toc-ignore unmeasured-outcome: say why this rule does not apply here\noutcome RoundsDone',
        );
        const after = await loadModel(fixed);
        expect(after.diagnostics()).toEqual([]);
        expect(await format(fixed)).toBe(fixed);
    });
});

describe('a client that sends back findings without their code and data', () => {
    test('gets the same fixes, the findings matched by range and message to those published', async () => {
        const text = edit(['measures RoundsDone', 'measures Rounding']);
        const model = await loadModel(text);
        const document = model.document('model.toc');
        const published = model.diagnostics().find(d => d.code === 'unmeasured-outcome')!;
        const titles = async (diagnostic: Diagnostic) =>
            (
                (await model.services.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic] },
                })) as CodeAction[]
            ).map(action => action.title);
        // As Monaco's language client sends them: the range, message and severity only.
        const bare = { range: published.range, message: published.message, severity: published.severity };
        expect(await titles(bare)).toEqual(await titles(published));
        expect(await titles(bare)).toContain('Add a measure of RoundsDone');
        // A finding the server did not publish gets nothing.
        expect(await titles({ ...bare, message: 'Something else' })).toEqual([]);
    });
});

describe('quick fixes on every bundled model', () => {
    /** Every finding of the model, as `file: rule: message`. */
    const findings = (workspace: Awaited<ReturnType<typeof loadWorkspace>>) =>
        Object.keys(exampleFiles).flatMap(path =>
            workspace.diagnostics(path).map(d => `${path}: ${d.code}: ${d.message}`),
        );

    test('each fix that adds a stub, its blanks left as they come, removes its finding and adds none', async () => {
        const workspace = await loadWorkspace({ ...exampleFiles, ...exampleDataFiles }, examplePrograms);
        const before = findings(workspace);
        let applied = 0;
        for (const path of Object.keys(exampleFiles)) {
            const document = workspace.document(path);
            for (const diagnostic of workspace.diagnostics(path).filter(d => isFixData(d.data))) {
                const actions = (await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic] },
                })) as CodeAction[];
                const fix = actions.find(action => action.isPreferred);
                expect(fix, `${path}: a fix for ${diagnostic.message}`).toBeDefined();
                const fixed = TextDocument.applyEdits(
                    document.textDocument,
                    fix!.edit!.changes![document.uri.toString()],
                );
                const after = findings(
                    await loadWorkspace({ ...exampleFiles, ...exampleDataFiles, [path]: fixed }, examplePrograms),
                );
                const finding = `${path}: ${diagnostic.code}: ${diagnostic.message}`;
                expect(after, fix!.title).not.toContain(finding);
                expect(
                    after.filter(line => !before.includes(line)),
                    `${path}: ${fix!.title}`,
                ).toEqual([]);
                applied++;
            }
        }
        expect(applied).toBeGreaterThan(3);
    });
});

describe('fix data sent back by a client', () => {
    test('only data this server built is acted on', () => {
        expect(isFixData({ kind: 'add-measure', target: 'Safer', measureKind: 'balancing' })).toBe(true);
        expect(isFixData({ kind: 'add-mechanism' })).toBe(true);
        // Mangled or foreign data gives no quick fix rather than a broken one.
        expect(isFixData({ kind: 'add-measure', target: 'Safer' })).toBe(false);
        expect(isFixData({ kind: 'add-measure', target: 7, measureKind: 'outcome' })).toBe(false);
        expect(isFixData({ kind: 'delete-everything' })).toBe(false);
        expect(isFixData('add-baseline')).toBe(false);
        expect(isFixData(null)).toBe(false);
    });
});
