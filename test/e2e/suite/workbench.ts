import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import {
    closeAllEditors,
    diagramTab,
    exists,
    openModel,
    positionOf,
    sleep,
    waitFor,
    waitForDiagnostics,
    workspaceFile,
} from './helpers.js';

/**
 * Set by the code-server runner: the file it writes once it has taken its screenshot of the
 * workbench. Under @vscode/test-electron it is not set and nobody takes a screenshot.
 */
const SCREENSHOT_DONE = process.env.TOC_E2E_SCREENSHOT_DONE;
export const SCREENSHOT_MARKER = '[toc-e2e] ready for screenshot';
const PROBLEMS_ACTIVE_FILE_ONLY = 'workbench.actions.workbench.panel.markers.view.toggleActiveFile';

export function workbenchTests(): void {
    suite('The workbench as a user sees it', () => {
        test('the model, its problems and the causal map are shown together', async () => {
            await closeAllEditors();
            for (const leftover of ['new', 'exports', 'messy.toc']) {
                const uri = workspaceFile(leftover);
                if (await exists(uri)) {
                    await vscode.workspace.fs.delete(uri, { recursive: true });
                }
            }
            await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
            await vscode.commands.executeCommand('notifications.clearAll');

            const editor = await openModel('keystone-icu.toc');
            const at = positionOf(editor.document, 'outcome PracticesUsed', 1, 'outcome '.length);
            editor.selection = new vscode.Selection(at, at);
            editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
            await waitForDiagnostics(editor.document.uri, 'the six findings', d => d.length === 6);

            await vscode.commands.executeCommand('toc.openDiagramPreview', editor.document.uri);
            const tab = await waitFor('the causal map tab', () => diagramTab('map'));
            await vscode.commands.executeCommand('workbench.actions.view.problems');
            // The Problems panel lists every model in the workspace: show the open one's only.
            if ((await vscode.commands.getCommands(true)).includes(PROBLEMS_ACTIVE_FILE_ONLY)) {
                await vscode.commands.executeCommand(PROBLEMS_ACTIVE_FILE_ONLY);
            }
            await vscode.window.showTextDocument(editor.document, {
                viewColumn: editor.viewColumn,
                preserveFocus: false,
            });

            assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
            assert.ok(tab.group.viewColumn !== editor.viewColumn, 'the preview is beside the model');
            assert.ok(tab.isActive, 'the preview is the visible tab of its group');

            if (SCREENSHOT_DONE) {
                await sleep(2500); // let the webview draw the diagram
                console.log(SCREENSHOT_MARKER);
                await waitFor('the runner to take its screenshot', () => existsSync(SCREENSHOT_DONE), 60_000);
            }
        });
    });
}
