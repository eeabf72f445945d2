import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
    canInspectWebviews,
    describeDiagnostics,
    diagramTab,
    inspectDiagrams,
    exists,
    lineOf,
    openModel,
    readText,
    sleep,
    waitFor,
    waitForDiagnostics,
    workspaceFile,
} from './helpers.js';

interface ScorecardEntry {
    challenge: number | string;
    title: string;
    verdict: 'addressed' | 'partly' | 'not-addressed';
    asks: string;
    shows: boolean;
    findings: Array<{ rule: string; severity: string; message: string; line: number }>;
    strengths: string[];
}
interface DrawnDiagram {
    model: string;
    nodes: number;
    /** What the page put on screen. */
    charts?: number;
    badges?: number;
    error?: string;
}
interface Scorecard {
    programme: string | undefined;
    errors: Array<{ message: string; line: number }>;
    entries: ScorecardEntry[];
}

export function commandTests(): void {
    suite('Contributed commands', () => {
        let model: vscode.Uri;

        suiteSetup(async () => {
            model = (await openModel('keystone-icu.toc')).document.uri;
            await waitForDiagnostics(model, 'the model is loaded', d => d.length > 0, 60_000);
        });

        test('toc.newModel writes a starter model to the given file, opens it, and it parses', async () => {
            const uri = workspaceFile('new', 'starter.toc');
            const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('toc.newModel', uri);
            assert.equal(result?.toString(), uri.toString());
            assert.ok(await exists(uri), 'the file is written');
            const text = await readText(uri);
            assert.match(text, /^(outcome|activity|programme|problem|link) /m, 'it declares something');
            assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'it is opened');
            assert.equal(vscode.window.activeTextEditor?.document.languageId, 'toc');
            // The server has parsed it once its outline has the programme; the starter checks clean,
            // so no diagnostics at all is the expected state: give them a moment to arrive if any.
            const symbols = await waitFor('the outline of the starter model', async () => {
                const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
                    'vscode.executeDocumentSymbolProvider',
                    uri,
                );
                return found?.some(s => s.name === 'MyProgramme') ? found : undefined;
            });
            assert.ok(
                symbols.length > 3,
                `the starter declares a programme and more (${symbols.map(s => s.name).join(', ')})`,
            );
            await sleep(1000);
            const list = vscode.languages.getDiagnostics(uri);
            assert.deepEqual(
                list.filter(d => d.severity === vscode.DiagnosticSeverity.Error),
                [],
                describeDiagnostics(list),
            );
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        });

        test('toc.openDiagramPreview opens the causal map in a webview tab', async () => {
            await vscode.commands.executeCommand('toc.openDiagramPreview', model);
            const tab = await waitFor('the causal map tab', () => diagramTab('map'));
            assert.ok(tab.input instanceof vscode.TabInputWebview);
            assert.equal(tab.label, 'Causal map: keystone-icu.toc');
        });

        // Only the code-server runner can look inside the webview.
        if (canInspectWebviews) {
            test('the causal map opens with its box titles at 11 px or more on screen', async () => {
                await vscode.commands.executeCommand('toc.openDiagramPreview', model);
                const measured = await waitFor('the causal map measured on screen', async () =>
                    (await inspectDiagrams()).find(d => d.page === 'Causal map: keystone-icu.toc'),
                );
                console.log(`  causal map of keystone-icu.toc at open: titles ${measured.titlePx.toFixed(1)} px`);
                assert.ok(measured.titlePx >= 11, JSON.stringify(measured));
                assert.ok(measured.titleBoxPx >= 11, JSON.stringify(measured));
            });
        }

        test('toc.openDriverDiagram opens the driver diagram in a webview tab', async () => {
            await vscode.commands.executeCommand('toc.openDriverDiagram', model);
            const tab = await waitFor('the driver diagram tab', () => diagramTab('driver'));
            assert.equal(tab.label, 'Driver diagram: keystone-icu.toc');
            await vscode.window.tabGroups.close(tab);
            await waitFor('the driver diagram tab to close', () => !diagramTab('driver'));
        });

        for (const [format, view, check] of [
            ['svg', 'map', (text: string) => text.includes('<svg') && text.includes('Keystone ICU')],
            ['svg', 'driver', (text: string) => text.includes('<svg')],
            ['dot', 'map', (text: string) => text.startsWith('digraph')],
            [
                'mmd',
                'map',
                (text: string) =>
                    /^flowchart /m.test(text) && text.includes('The five practices are used at every insertion'),
            ],
        ] as const) {
            test(`toc.exportDiagram writes the ${view === 'map' ? 'causal map' : 'driver diagram'} as ${format}`, async () => {
                const destination = workspaceFile('exports', `keystone-${view}.${format}`);
                const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(
                    'toc.exportDiagram',
                    model,
                    { view, format, destination },
                );
                assert.equal(result?.toString(), destination.toString(), 'the command returns where it wrote');
                const text = await readText(destination);
                assert.ok(check(text), `${format} content:\n${text.slice(0, 300)}`);
            });
        }

        test('toc.exportDiagram replaces an existing export whole, through a temporary file it leaves no trace of', async () => {
            const destination = workspaceFile('exports', 'replaced.dot');
            await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode('what was here before\n'));
            const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('toc.exportDiagram', model, {
                view: 'map',
                format: 'dot',
                destination,
            });
            assert.equal(result?.toString(), destination.toString());
            assert.match(await readText(destination), /^digraph/);
            const left = await vscode.workspace.fs.readDirectory(workspaceFile('exports'));
            assert.deepEqual(
                left.map(([name]) => name).filter(name => name.endsWith('.tmp')),
                [],
            );
        });

        test('toc.exportDiagram never writes over a model', async () => {
            const before = await readText(model);
            const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('toc.exportDiagram', model, {
                view: 'map',
                format: 'svg',
                destination: model,
            });
            assert.equal(result, undefined, 'nothing is exported');
            assert.equal(await readText(model), before, 'the model is unchanged');
        });

        test('toc.exportDiagram writes a PNG painted by the open preview', async () => {
            assert.ok(diagramTab('map'), 'the causal map preview is open');
            const destination = workspaceFile('exports', 'keystone-map.png');
            const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('toc.exportDiagram', model, {
                view: 'map',
                format: 'png',
                destination,
            });
            assert.equal(result?.toString(), destination.toString());
            const bytes = await vscode.workspace.fs.readFile(destination);
            assert.deepEqual(
                [...bytes.subarray(0, 8)],
                [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
                'a PNG signature',
            );
            assert.ok(bytes.length > 10_000, `a real drawing (${bytes.length} bytes)`);
        });

        test('toc.scorecard returns the model against the ten challenges (and the methods entry)', async () => {
            const scorecard = await vscode.commands.executeCommand<Scorecard | undefined>('toc.scorecard', model);
            assert.ok(scorecard, 'the command returns the scorecard');
            assert.equal(scorecard.programme, 'KeystoneIcu');
            assert.equal(scorecard.entries.length, 11);
            assert.deepEqual(
                scorecard.entries.map(e => e.challenge),
                [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'methods'],
            );
            assert.deepEqual(scorecard.errors, []);
            // Each finding on the line of the model where the editor shows it.
            const document = await vscode.workspace.openTextDocument(model);
            const unmeasured = scorecard.entries.flatMap(e => e.findings).find(f => f.rule === 'unmeasured-outcome');
            assert.ok(unmeasured, JSON.stringify(scorecard.entries));
            const outcome = /`(\w+)`/.exec(unmeasured.message)![1];
            assert.equal(unmeasured.line, lineOf(document, `outcome ${outcome} `) + 1);
            // Verdicts: no balancing measure leaves side effects not addressed, with the reason.
            const sideEffects = scorecard.entries.find(e => e.challenge === 10)!;
            assert.equal(sideEffects.verdict, 'not-addressed');
            assert.equal(sideEffects.shows, false);
            assert.ok(sideEffects.findings.some(f => f.rule === 'no-balancing-measure' && f.severity === 'warning'));
            assert.ok(scorecard.entries.some(e => e.verdict === 'addressed'));
            // It is shown as a Markdown preview beside the model.
            await waitFor('the scorecard preview tab', () =>
                vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => /scorecard/i.test(t.label)),
            );
        });

        test('with a diagram preview focused, the diagram and scorecard commands act on the model it shows', async () => {
            await openModel('keystone-icu.toc');
            const map = await vscode.commands.executeCommand<DrawnDiagram | undefined>('toc.openDiagramPreview', model);
            assert.ok(map && map.nodes > 0, JSON.stringify(map));
            // The preview opens beside the model without taking focus: give it the focus, as a click would.
            const FOCUS_GROUP = ['First', 'Second', 'Third', 'Fourth'].map(
                n => `workbench.action.focus${n}EditorGroup`,
            );
            await waitFor('the causal map focused', async () => {
                const group = vscode.window.tabGroups.all.find(g => g.tabs.includes(diagramTab('map')!));
                if (group && !group.isActive) {
                    await vscode.commands.executeCommand(FOCUS_GROUP[group.viewColumn - 1]);
                }
                return vscode.window.activeTextEditor === undefined && diagramTab('map')?.isActive ? true : undefined;
            });
            // No argument: the commands take the model from what has focus, as the palette runs them.
            const driver = await vscode.commands.executeCommand<DrawnDiagram | undefined>('toc.openDriverDiagram');
            assert.equal(driver?.model, model.toString());
            assert.ok(driver.nodes > 0, JSON.stringify(driver));
            const scorecard = await vscode.commands.executeCommand<Scorecard | undefined>('toc.scorecard');
            assert.equal(scorecard?.programme, 'KeystoneIcu');
        });

        test("the diagrams carry each measure's reading as a badge the page draws", async () => {
            await openModel('keystone-icu.toc');
            // LinesInUse's data show a special cause of improvement: one badge, under its outcome.
            for (const command of ['toc.openDiagramPreview', 'toc.openDriverDiagram']) {
                const drawn = await vscode.commands.executeCommand<DrawnDiagram | undefined>(command, model);
                assert.equal(drawn?.badges, 1, `${command}: ${JSON.stringify(drawn)}`);
            }
        });

        test('toc.openMeasures charts the measures with data, from the aim down, in a preview beside the model', async () => {
            const editor = await openModel('keystone-icu.toc');
            const drawn = await vscode.commands.executeCommand<DrawnDiagram | undefined>('toc.openMeasures', model);
            // Four measures; two have data (one too short to read, so one badge).
            assert.deepEqual(
                { nodes: drawn?.nodes, charts: drawn?.charts, badges: drawn?.badges, error: drawn?.error },
                { nodes: 4, charts: 2, badges: 1, error: undefined },
            );
            const tab = await waitFor('the Measures tab', () =>
                vscode.window.tabGroups.all.flatMap(group => group.tabs).find(t => t.label.startsWith('Measures: ')),
            );
            assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the charts are beside the model');
            // The view follows edits: a measure taken out of the model is no longer charted.
            const start = new vscode.Position(lineOf(editor.document, 'measure LinesInUse'), 0);
            const end = editor.document.positionAt(
                editor.document.getText().indexOf('\n}\n', editor.document.offsetAt(start)) + 3,
            );
            const removed = editor.document.getText(new vscode.Range(start, end));
            await editor.edit(edit => edit.delete(new vscode.Range(start, end)));
            try {
                await waitFor('the Measures view without LinesInUse', async () => {
                    const after = await vscode.commands.executeCommand<DrawnDiagram | undefined>(
                        'toc.openMeasures',
                        model,
                    );
                    return after?.nodes === 3 && after.charts === 1 ? true : undefined;
                });
            } finally {
                await editor.edit(edit => edit.insert(start, removed));
                await editor.document.save();
            }
        });

        test('the scorecard, while open, follows the model in the editor', async () => {
            await vscode.commands.executeCommand('toc.scorecard', model);
            const page = await vscode.workspace.openTextDocument(
                vscode.Uri.from({ scheme: 'toc-scorecard', path: '/Challenge scorecard.md' }),
            );
            assert.ok(page.getText().includes('KeystoneIcu'), page.getText().slice(0, 200));
            const other = await openModel('diabetes-primary-care.toc');
            await waitForDiagnostics(other.document.uri, 'the diabetes model is loaded', d => d.length > 0, 60_000);
            await waitFor('the scorecard of the diabetes model', () =>
                page.getText().includes('DiabetesCareCloserToHome') ? true : undefined,
            );
            await openModel('keystone-icu.toc');
            await waitFor('the scorecard of Keystone again', () =>
                page.getText().includes('KeystoneIcu') ? true : undefined,
            );
        });
    });
}
