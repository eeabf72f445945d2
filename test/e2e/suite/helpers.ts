// Helpers for the tests that run inside VS Code (the extension host): the workspace, waiting for
// the language server, and positions found by text rather than by hard-coded columns.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'toc-lang.theory-of-change';

/** The workspace folder: a temporary copy of `examples/`, made by the runner. */
export function workspaceFolder(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'VS Code was started with a workspace folder (a copy of examples/)');
    return folder;
}

export function workspaceFile(...path: string[]): vscode.Uri {
    return vscode.Uri.joinPath(workspaceFolder(), ...path);
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Polls until `probe` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
    what: string,
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 30_000,
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false) {
                return value;
            }
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
        }
        await sleep(100);
    }
}

/** A diagnostic's rule id: the server sends it as `code`, with a link to the rule's page. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) {
        return undefined;
    }
    return String(typeof code === 'object' ? code.value : code);
}

export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri);
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export async function waitForDiagnostics(
    uri: vscode.Uri,
    what: string,
    accept: (diagnostics: vscode.Diagnostic[]) => boolean,
    timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
    try {
        return await waitFor(
            `diagnostics of ${vscode.workspace.asRelativePath(uri)}: ${what}`,
            () => {
                const current = diagnostics(uri);
                return accept(current) ? current : undefined;
            },
            timeoutMs,
        );
    } catch (error) {
        throw new Error(
            `${error instanceof Error ? error.message : String(error)}; they are:\n${describeDiagnostics(diagnostics(uri))}`,
            { cause: error },
        );
    }
}

/** One line per diagnostic, for assertion messages. */
export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
    return list
        .map(
            d =>
                `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) ?? '-'} ${d.message}`,
        )
        .join('\n');
}

export async function openModel(...path: string[]): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceFile(...path));
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/**
 * The position of the `occurrence`-th match of `text` (1-based) in a document, moved `shift`
 * characters into it.
 */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 1, shift = 0): vscode.Position {
    const content = document.getText();
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = content.indexOf(text, offset + 1);
        assert.ok(offset >= 0, `"${text}" occurs at least ${occurrence} times in ${document.uri.path}`);
    }
    return document.positionAt(offset + shift);
}

/** The 0-based line of the first line of a document that contains `text`. */
export function lineOf(document: vscode.TextDocument, text: string, occurrence = 1): number {
    return positionOf(document, text, occurrence).line;
}

/** Location or LocationLink, as providers return either: the target's URI and name range. */
export function target(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
    return 'targetUri' in location
        ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange }
        : { uri: location.uri, range: location.range };
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers
        .flatMap(hover => hover.contents)
        .map(content => (typeof content === 'string' ? content : content.value))
        .join('\n');
}

export function allTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs);
}

/** The open webview tab of one of the extension's diagram previews ('map' or 'driver'). */
export function diagramTab(view: 'map' | 'driver'): vscode.Tab | undefined {
    return allTabs().find(
        tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(`toc.diagram.${view}`),
    );
}

/**
 * Set by the code-server runner, which can look inside webviews (the suite cannot): the folder it
 * writes its measurements of the diagram previews to. Under @vscode/test-electron it is not set.
 */
const INSPECT_DIR = process.env.TOC_E2E_INSPECT_DIR;
const INSPECT_MARKER = '[toc-e2e] inspect diagrams ';

export const canInspectWebviews = Boolean(INSPECT_DIR);

/** What the runner measured of a diagram preview on screen. */
export interface InspectedDiagram {
    /** The page's title: the tab's, `Causal map: keystone-icu.toc`. */
    page: string;
    scale: number;
    /** Box titles' size on screen, CSS px. */
    titlePx: number;
    titleBoxPx: number;
}

let inspections = 0;

/** Asks the runner to measure the diagram previews on screen, and waits for its answer. */
export async function inspectDiagrams(): Promise<InspectedDiagram[]> {
    assert.ok(INSPECT_DIR, 'the code-server runner looks inside webviews');
    const name = `inspection-${++inspections}`;
    const file = join(INSPECT_DIR, `${name}.json`);
    console.log(`${INSPECT_MARKER}${name}`);
    await waitFor('the runner to measure the diagram previews', () => existsSync(file), 30_000);
    return JSON.parse(readFileSync(file, 'utf8')) as InspectedDiagram[];
}

export async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The extension's own check, so the tests see files as the commands do. */
export { exists } from '../../../extension/src/files.js';

/**
 * Discards unsaved changes in the workspace's open files and closes every editor. Files of the
 * workbench's own (its settings, which it may be writing) are left alone.
 */
export async function closeAllEditors(): Promise<void> {
    const folder = workspaceFolder().toString();
    for (const document of vscode.workspace.textDocuments) {
        if (document.isDirty && document.uri.toString().startsWith(`${folder}/`)) {
            await vscode.window.showTextDocument(document, { preview: false });
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
