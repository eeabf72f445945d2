import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openModel, sleep, waitFor, waitForDiagnostics, workspaceFile } from './helpers.js';

export function problemsTests(): void {
    suite('The Problems panel lists the findings of open files (toc.problems.scope)', () => {
        const people = workspaceFile('safer-patients-initiative', 'shared', 'people.toc');

        suiteSetup(closeAllEditors);

        test('a file a model imports has its findings listed while it is open, and not before or after', async () => {
            const programme = await openModel('safer-patients-initiative', 'spi2.toc');
            await waitForDiagnostics(programme.document.uri, 'the programme is checked', d => d.length > 0, 60_000);
            // The server checked the shared file with the programme; the panel does not list it yet.
            await sleep(1500);
            assert.deepEqual(vscode.languages.getDiagnostics(people).map(codeOf), []);
            const shared = await openModel('safer-patients-initiative', 'shared', 'people.toc');
            await waitForDiagnostics(people, 'the shared file’s finding', d =>
                d.some(x => codeOf(x) === 'measurement-burden'),
            );
            await vscode.window.showTextDocument(shared.document);
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
            await waitFor('the finding taken down with its tab', () =>
                vscode.languages.getDiagnostics(people).length === 0 ? true : undefined,
            );
            assert.ok(
                vscode.languages.getDiagnostics(programme.document.uri).length > 0,
                'the open file keeps its findings',
            );
        });
    });
}
