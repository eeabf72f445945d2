import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
    closeAllEditors,
    codeOf,
    describeDiagnostics,
    EXTENSION_ID,
    openModel,
    sleep,
    waitFor,
    waitForDiagnostics,
    workspaceFolder,
} from './helpers.js';

interface DrawnDiagram {
    model: string;
    title?: string;
    nodes: number;
    /** Charts the Measures view drew. */
    charts?: number;
    error?: string;
}
interface Scorecard {
    programme: string | undefined;
}

/** Every `.toc` file of the workspace (the copy of examples/), by path relative to it. */
function exampleFiles(): string[] {
    const root = workspaceFolder().fsPath;
    const walk = (folder: string): string[] =>
        readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
            entry.isDirectory()
                ? walk(join(folder, entry.name))
                : entry.name.endsWith('.toc')
                  ? [relative(root, join(folder, entry.name))]
                  : [],
        );
    return walk(root).sort();
}

/** What `toc check --format json` reports for the workspace: `line:rule` per file, sorted. */
function checkerFindings(): Map<string, string[]> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = join(extension.extensionPath, 'dist', 'cli.js');
    let output: string;
    try {
        output = execFileSync(process.execPath, [cli, 'check', '--format', 'json', '.'], {
            cwd: workspaceFolder().fsPath,
            encoding: 'utf8',
        });
    } catch (error) {
        output = (error as { stdout: string }).stdout; // exit code 1: there are findings
    }
    const report = JSON.parse(output) as {
        files: Array<{ path: string; findings: Array<{ rule: string; line: number }> }>;
    };
    return new Map(report.files.map(file => [file.path, file.findings.map(f => `${f.line}:${f.rule}`).sort()]));
}

/** The programme a file's model belongs to: its own, else that of the first programme file importing it. */
function programmeOf(
    document: vscode.TextDocument,
    all: Map<string, string>,
): { name: string; title: string } | undefined {
    const own = /^programme\s+(\w+)\s+"([^"]*)"/m.exec(document.getText());
    if (own) {
        return { name: own[1], title: own[2] };
    }
    const name = relative(workspaceFolder().fsPath, document.uri.fsPath).replace(/\.toc$/, '');
    const importer = [...all]
        .sort()
        .find(([, text]) => new RegExp(`^import "[^"]*${name.split('/').pop()}(\\.toc)?"`, 'm').test(text));
    const match = importer && /^programme\s+(\w+)\s+"([^"]*)"/m.exec(importer[1]);
    return match ? { name: match[1], title: match[2] } : undefined;
}

export function exampleTests(): void {
    suite('Every example, opened in turn', () => {
        const files = exampleFiles();
        let expected: Map<string, string[]>;
        const texts = new Map<string, string>();

        suiteSetup(async () => {
            await closeAllEditors();
            expected = checkerFindings();
            for (const file of files) {
                texts.set(
                    file,
                    (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), file))).getText(),
                );
            }
        });

        for (const file of files) {
            test(`${file}: its own diagnostics, causal map, driver diagram and scorecard`, async () => {
                const { document } = await openModel(...file.split('/'));
                const want = expected.get(file) ?? [];
                const seen = (list: vscode.Diagnostic[]) =>
                    list.map(d => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
                await waitForDiagnostics(
                    document.uri,
                    `the checker's ${want.length} findings`,
                    list => JSON.stringify(seen(list)) === JSON.stringify(want),
                    60_000,
                ).catch(error => {
                    throw new Error(
                        `${error instanceof Error ? error.message : String(error)}\nwanted:\n${want.join('\n')}`,
                    );
                });
                const programme = programmeOf(document, texts);
                for (const command of ['toc.openDiagramPreview', 'toc.openDriverDiagram']) {
                    const drawn = await vscode.commands.executeCommand<DrawnDiagram>(command, document.uri);
                    assert.ok(drawn, `${command} reports what it drew`);
                    assert.equal(drawn.error, undefined, `${command}: ${drawn.error}`);
                    assert.equal(drawn.model, document.uri.toString(), `${command} drew this model`);
                    assert.ok(drawn.nodes > 0, `${command} drew nodes`);
                    if (programme) {
                        assert.equal(drawn.title, programme.title, `${command} drew the model of ${programme.name}`);
                    }
                }
                // The Measures view: every measure charted that names its data (in the examples, only
                // programme files do).
                const measures = await vscode.commands.executeCommand<DrawnDiagram>('toc.openMeasures', document.uri);
                assert.equal(measures.error, undefined, `toc.openMeasures: ${measures.error}`);
                assert.equal(measures.model, document.uri.toString(), 'toc.openMeasures charted this model');
                if (programme) {
                    assert.equal(measures.title, programme.title, `toc.openMeasures charted ${programme.name}`);
                    assert.equal(measures.charts, (document.getText().match(/^\s*data "/gm) ?? []).length);
                }
                const scorecard = await vscode.commands.executeCommand<Scorecard>('toc.scorecard', document.uri);
                assert.equal(scorecard?.programme, programme?.name, 'the scorecard is of this model');
                await closeAllEditors();
            });
        }

        test('after an edit to a programme that shares files, the server publishes a round of diagnostics and then nothing', async () => {
            const shared = files.filter(
                file => /^programme /m.test(texts.get(file)!) && /^import /m.test(texts.get(file)!),
            );
            assert.ok(shared.length >= 2, `programmes that import shared files: ${shared.join(', ')}`);
            const editors = [];
            for (const file of shared) {
                editors.push(await openModel(...file.split('/')));
            }
            // The last one opened is the visible editor, the one to type into.
            const editor = editors.at(-1)!;
            await waitForDiagnostics(editor.document.uri, 'the model is checked', list => list.length > 0, 60_000);
            let changes = 0;
            let last = Date.now();
            const listener = vscode.languages.onDidChangeDiagnostics(() => {
                changes++;
                last = Date.now();
            });
            try {
                await editor.edit(builder =>
                    builder.insert(new vscode.Position(editor.document.lineCount, 0), '\n// an edit\n'),
                );
                const edited = Date.now();
                await waitFor(
                    'two quiet seconds after the edit',
                    () => Date.now() - Math.max(last, edited) >= 2000,
                    20_000,
                );
                const quietFrom = changes;
                await sleep(2000);
                assert.equal(changes, quietFrom, 'nothing more was published in the following two seconds');
                assert.ok(changes <= 10, `${changes} changes of diagnostics for one edit`);
            } finally {
                listener.dispose();
                await closeAllEditors();
            }
            const list = vscode.languages.getDiagnostics(editor.document.uri);
            assert.ok(
                list.every(d => d.severity !== vscode.DiagnosticSeverity.Error),
                describeDiagnostics(list),
            );
        });
    });
}
