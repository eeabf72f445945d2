import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, lineOf, openModel, waitForDiagnostics } from './helpers.js';

const findingOn = (document: vscode.TextDocument, code: string, name: string) => (list: vscode.Diagnostic[]) =>
    list.find(d => codeOf(d) === code && document.getText(d.range) === name);

export function editingTests(): void {
    suite('Diagnostics follow edits', () => {
        let document: vscode.TextDocument;
        let baseline: number;

        let original: string;

        /** Puts the saved text back (whether or not an auto-save wrote the edit), and waits for the findings. */
        async function restore(): Promise<void> {
            if (document.getText() !== original) {
                const edit = new vscode.WorkspaceEdit();
                edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
                assert.ok(await vscode.workspace.applyEdit(edit));
            }
            if (document.isDirty) {
                await document.save();
            }
            await waitForDiagnostics(
                document.uri,
                `back to the ${baseline} findings of the example`,
                d => d.length === baseline && !d.some(x => x.severity === vscode.DiagnosticSeverity.Error),
            );
        }

        suiteSetup(async () => {
            // VS Code in a browser saves edits after a delay by default; these edits are not meant to be saved.
            await vscode.workspace
                .getConfiguration('files')
                .update('autoSave', 'off', vscode.ConfigurationTarget.Global);
            document = (await openModel('keystone-icu.toc')).document;
            original = document.getText();
            baseline = (await waitForDiagnostics(document.uri, 'the model is loaded', d => d.length > 0, 60_000))
                .length;
        });
        teardown(restore);
        suiteTeardown(restore);

        test('removing the only `measures` line of an outcome raises unmeasured-outcome on it', async () => {
            assert.equal(
                findingOn(
                    document,
                    'unmeasured-outcome',
                    'UnneededLinesOut',
                )(vscode.languages.getDiagnostics(document.uri)),
                undefined,
                'measured before the edit',
            );
            const line = lineOf(document, '    measures UnneededLinesOut');
            const edit = new vscode.WorkspaceEdit();
            edit.delete(document.uri, document.lineAt(line).rangeIncludingLineBreak);
            assert.ok(await vscode.workspace.applyEdit(edit));
            const list = await waitForDiagnostics(
                document.uri,
                'unmeasured-outcome on UnneededLinesOut',
                d => findingOn(document, 'unmeasured-outcome', 'UnneededLinesOut')(d) !== undefined,
            );
            const finding = findingOn(document, 'unmeasured-outcome', 'UnneededLinesOut')(list)!;
            assert.equal(finding.range.start.line, lineOf(document, 'outcome UnneededLinesOut'));
            assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
            assert.ok(list.length > baseline, describeDiagnostics(list));
        });

        test('a reference to an undeclared name is an error on that name', async () => {
            const end = document.lineAt(document.lineCount - 1).range.end;
            const edit = new vscode.WorkspaceEdit();
            edit.insert(
                document.uri,
                end,
                '\n\nlink LineCart -> NoSuchOutcome {\n    mechanism "A broken reference"\n    evidence moderate\n}\n',
            );
            assert.ok(await vscode.workspace.applyEdit(edit));
            const list = await waitForDiagnostics(document.uri, 'an error on NoSuchOutcome', d =>
                d.some(x => x.severity === vscode.DiagnosticSeverity.Error),
            );
            const errors = list.filter(d => d.severity === vscode.DiagnosticSeverity.Error);
            const broken = errors.find(d => document.getText(d.range) === 'NoSuchOutcome');
            assert.ok(broken, describeDiagnostics(errors));
            assert.ok(broken.message.includes('NoSuchOutcome'), broken.message);
            assert.equal(broken.range.start.line, lineOf(document, 'link LineCart -> NoSuchOutcome'));
        });

        test('a funder named as a sponsor is reported, and its quick fix moves it to `funder`', async () => {
            const before = vscode.languages.getDiagnostics(document.uri).map(d => d.message);
            const line = lineOf(document, '    funder Ahrq');
            const edit = new vscode.WorkspaceEdit();
            edit.replace(document.uri, document.lineAt(line).range, '    sponsor Ahrq');
            assert.ok(await vscode.workspace.applyEdit(edit));
            const list = await waitForDiagnostics(
                document.uri,
                'funder-as-sponsor on Ahrq',
                d => findingOn(document, 'funder-as-sponsor', 'Ahrq')(d) !== undefined,
            );
            const finding = findingOn(document, 'funder-as-sponsor', 'Ahrq')(list)!;
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                'vscode.executeCodeActionProvider',
                document.uri,
                finding.range,
            );
            const fix = actions.find(a => a.title === 'Move Ahrq from sponsor to funder');
            assert.ok(fix?.edit, actions.map(a => a.title).join(' | '));
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            const after = await waitForDiagnostics(
                document.uri,
                'no funder-as-sponsor',
                d => !d.some(x => codeOf(x) === 'funder-as-sponsor'),
            );
            assert.ok(document.getText().includes('\n    funder Ahrq\n'), document.getText().slice(0, 1500));
            assert.ok(!document.getText().includes('sponsor Ahrq'));
            const added = after.filter(d => !before.includes(d.message));
            assert.deepEqual(added, [], describeDiagnostics(added));
        });

        test("a measure's missing data file is created by its quick fix, with the header row, and nothing else", async () => {
            const created = vscode.Uri.joinPath(document.uri, '..', 'data', 'new-lines.csv');
            const line = lineOf(document, '    data "data/keystone-lines-in-use.csv"');
            const edit = new vscode.WorkspaceEdit();
            edit.replace(document.uri, document.lineAt(line).range, '    data "data/new-lines.csv"');
            assert.ok(await vscode.workspace.applyEdit(edit));
            try {
                const list = await waitForDiagnostics(document.uri, 'data-unreadable on the missing file', d =>
                    d.some(x => codeOf(x) === 'data-unreadable' && x.message.includes('does not exist')),
                );
                const finding = list.find(x => codeOf(x) === 'data-unreadable')!;
                const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                    'vscode.executeCodeActionProvider',
                    document.uri,
                    finding.range,
                );
                const fix = actions.find(a => a.title === 'Create data/new-lines.csv with its header row');
                assert.ok(fix?.edit, actions.map(a => a.title).join(' | '));
                assert.ok(await vscode.workspace.applyEdit(fix.edit));
                const csv = await vscode.workspace.openTextDocument(created);
                assert.equal(csv.getText(), 'date,value\n');
                await csv.save();
                // The file now exists and says what it still needs: observations.
                await waitForDiagnostics(document.uri, 'data-unreadable: no observations yet', d =>
                    d.some(x => codeOf(x) === 'data-unreadable' && x.message.includes('no observations')),
                );
                // A second time, with the file there, creating it fails and leaves it as it is.
                assert.equal(await vscode.workspace.applyEdit(fix.edit), false);
                assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), 'date,value\n');
            } finally {
                await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
            }
        });

        test('the quick fix "Add a measure of PracticesUsed", its blanks filled in, clears that finding and adds none', async () => {
            const before = vscode.languages.getDiagnostics(document.uri).map(d => d.message);
            const finding = findingOn(
                document,
                'unmeasured-outcome',
                'PracticesUsed',
            )(vscode.languages.getDiagnostics(document.uri));
            assert.ok(finding);
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                'vscode.executeCodeActionProvider',
                document.uri,
                finding.range,
            );
            const fix = actions.find(a => a.title.startsWith('Add a measure of PracticesUsed'));
            assert.ok(fix?.edit, actions.map(a => a.title).join(' | '));
            // In the editor the stub is a snippet: the user types over its first blank and tabs on.
            await vscode.window.showTextDocument(document);
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            await vscode.commands.executeCommand('type', { text: 'Share of shifts using the practices' });
            await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
            await vscode.commands.executeCommand('type', { text: '% of shifts' });
            await vscode.commands.executeCommand('leaveSnippet');
            const list = await waitForDiagnostics(
                document.uri,
                'no unmeasured-outcome on PracticesUsed',
                d => findingOn(document, 'unmeasured-outcome', 'PracticesUsed')(d) === undefined,
            );
            assert.ok(document.getText().includes('"Share of shifts using the practices" {'), document.getText());
            assert.ok(document.getText().includes('unit "% of shifts"'));
            assert.ok(document.getText().includes('measures PracticesUsed'));
            const added = list.filter(d => !before.includes(d.message));
            assert.deepEqual(added, [], describeDiagnostics(added));
        });
    });
}
