import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import {
    EXTENSION_ID,
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

/** Asks the runner for a picture of the workbench as it is now (docs/images/<name>.png), and waits for it. */
async function screenshot(name: string): Promise<void> {
    if (!SCREENSHOT_DONE) {
        return;
    }
    rmSync(SCREENSHOT_DONE, { force: true });
    await sleep(2500); // let webviews draw
    console.log(`${SCREENSHOT_MARKER} ${name}`);
    await waitFor(
        `the runner to take its screenshot ${name}`,
        () => (existsSync(SCREENSHOT_DONE) && readFileSync(SCREENSHOT_DONE, 'utf8').trim() === name ? true : undefined),
        60_000,
    );
}
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
            await waitForDiagnostics(editor.document.uri, 'the eight findings', d => d.length === 8);

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

            await screenshot('workbench-e2e');
        });

        test('the getting-started walkthrough opens, and every button in it runs', async () => {
            await closeAllEditors();
            const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.walkthroughs as
                Array<{ id: string; steps: Array<{ description: string }> }> | undefined;
            const [walkthrough] = walkthroughs ?? [];
            assert.ok(walkthrough, 'the extension contributes a walkthrough');
            await vscode.commands.executeCommand(
                'workbench.action.openWalkthrough',
                `${EXTENSION_ID}#${walkthrough.id}`,
            );
            await screenshot('walkthrough');
            // Commands that ask where or which are given the answer a user would pick.
            const answers: Record<string, unknown[]> = {
                'toc.openExample': ['keystone-icu.toc'],
                'toc.newModel': [workspaceFile('new', 'from-the-walkthrough.toc')],
            };
            const buttons = walkthrough.steps.flatMap(step =>
                [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map(match => match[1]),
            );
            assert.ok(buttons.length >= 7, buttons.join(', '));
            for (const command of buttons) {
                const result = await vscode.commands.executeCommand(command, ...(answers[command] ?? []));
                if (command.startsWith('toc.')) {
                    assert.ok(result, `${command} did what its button says`);
                }
            }
            assert.ok(await exists(workspaceFile('new', 'from-the-walkthrough.toc')));
            await vscode.workspace.fs.delete(workspaceFile('new'), { recursive: true });
        });

        test('the driver diagram opens beside the model', async () => {
            await closeAllEditors();
            await vscode.commands.executeCommand('notifications.clearAll');
            const editor = await openModel('keystone-icu.toc');
            await waitForDiagnostics(editor.document.uri, 'the eight findings', d => d.length === 8);
            // Room for the whole height of the diagram, headings included, as a reader would make it.
            await vscode.commands.executeCommand('workbench.action.closePanel');
            await vscode.commands.executeCommand('workbench.action.closeSidebar');
            const drawn = await vscode.commands.executeCommand<{ nodes: number }>(
                'toc.openDriverDiagram',
                editor.document.uri,
            );
            assert.ok(drawn && drawn.nodes > 0, JSON.stringify(drawn));
            await screenshot('driver-diagram');
        });

        test("the Measures view shows the model's charts beside it", async () => {
            await closeAllEditors();
            await vscode.commands.executeCommand('notifications.clearAll');
            const editor = await openModel('keystone-icu.toc');
            const at = positionOf(editor.document, 'measure LinesInUse', 1, 'measure '.length);
            editor.selection = new vscode.Selection(at, at);
            editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
            await waitForDiagnostics(editor.document.uri, 'the eight findings', d => d.length === 8);
            await vscode.commands.executeCommand('workbench.action.closePanel');
            await vscode.commands.executeCommand('workbench.action.closeSidebar');
            const drawn = await vscode.commands.executeCommand<{ charts?: number }>(
                'toc.openMeasures',
                editor.document.uri,
            );
            assert.equal(drawn?.charts, 2, JSON.stringify(drawn));
            await screenshot('measures-view');
        });
    });
}
