// The extension in a workspace the user has not trusted (VS Code's Restricted Mode), run by
// test/e2e/run-code-server.mjs in a second session with workspace trust on and never granted.
// The workspace holds plan.toc, which imports local.toc beside it and ../outside/people.toc.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import {
    codeOf,
    describeDiagnostics,
    EXTENSION_ID,
    hoverText,
    openModel,
    positionOf,
    waitFor,
    waitForDiagnostics,
} from '../suite/helpers.js';
import { runSuites } from '../suite/runner.js';

function restrictedTests(): void {
    suite('In a workspace that is not trusted', () => {
        test('the workspace is in Restricted Mode', () => {
            assert.equal(vscode.workspace.isTrusted, false);
        });

        test('the extension works: diagnostics and hover, and an import outside the folder is an error that says why', async () => {
            const editor = await openModel('plan.toc');
            assert.equal(editor.document.languageId, 'toc');
            await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
            const list = await waitForDiagnostics(
                editor.document.uri,
                'the import outside the folder is refused',
                d => d.some(x => codeOf(x) === 'unresolved-import'),
                60_000,
            );
            const errors = list.filter(d => d.severity === vscode.DiagnosticSeverity.Error);
            assert.equal(errors.length, 1, describeDiagnostics(list));
            assert.equal(editor.document.lineAt(errors[0].range.start.line).text, 'import "../outside/people"');
            assert.match(errors[0].message, /not trusted/);
            assert.match(errors[0].message, /outside its folder/);
            // The import inside the folder is read: its names resolve, and hover shows them.
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
                'vscode.executeHoverProvider',
                editor.document.uri,
                positionOf(editor.document, 'owner Doctors', 1, 'owner '.length + 1),
            );
            assert.match(hoverText(hovers), /Ward doctors/);
        });
    });
}

export async function run(): Promise<void> {
    await runSuites('toc-e2e-restricted', restrictedTests);
}
