/**
 * VS Code for the Web (vscode.dev, github.dev, code-server in a browser): the language server runs
 * in a web worker, the same worker as the playground's. It has no disk: the extension reads the
 * workspace's models, `toc.config.json` files and measure data through `vscode.workspace.fs`,
 * whatever the workspace's scheme, and writes them to the server, then each change as it happens.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, State } from 'vscode-languageclient/browser';
import { WriteFilesNotification } from '../../language/src/protocol.js';
import type { WorkspaceFile } from '../../language/src/protocol.js';
import { activateWith } from './activate.js';

/** The files the server reads: models, their configuration, and measures' data. */
const WORKSPACE_FILES = '**/{*.toc,*.csv,toc.config.json}';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = await activateWith(
        context,
        (context, clientOptions) =>
            new LanguageClient(
                'toc',
                'Theory of Change',
                // Transports rather than the worker itself: the client tells a worker by
                // `instanceof Worker`, which a host's own Worker (code-server's) does not pass.
                async () => {
                    const worker = await startWorker(context);
                    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
                },
                clientOptions,
            ),
    );
    const started = client;
    const write = (files: WorkspaceFile[]) => started.sendNotification(WriteFilesNotification.type, { files });
    const watcher = vscode.workspace.createFileSystemWatcher(WORKSPACE_FILES);
    context.subscriptions.push(
        watcher,
        watcher.onDidCreate(async uri => write([await read(uri)])),
        watcher.onDidChange(async uri => write([await read(uri)])),
        watcher.onDidDelete(uri => write([{ uri: uri.toString(), text: null }])),
    );
    // The workspace as it is now, for each server started (a restart starts a worker with nothing
    // in it); read in the background, so that activation does not wait for the whole workspace.
    const writeWorkspace = async () => {
        const found = await vscode.workspace.findFiles(WORKSPACE_FILES, '**/node_modules/**');
        await write(await Promise.all(found.map(read)));
    };
    context.subscriptions.push(
        started.onDidChangeState(({ newState }) => {
            if (newState === State.Running) {
                void writeWorkspace();
            }
        }),
    );
    void writeWorkspace();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/**
 * The language server's worker. Some hosts will not start a worker from where an extension is
 * installed (code-server: "Creating workers from remote extensions is currently not supported"):
 * there it is started from the script's text, read through the editor.
 */
async function startWorker(context: vscode.ExtensionContext): Promise<Worker> {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server-worker.js');
    try {
        return new Worker(script.toString(true));
    } catch {
        const text = await vscode.workspace.fs.readFile(script);
        return new Worker(URL.createObjectURL(new Blob([text as BlobPart], { type: 'text/javascript' })));
    }
}

/** A workspace file as the server takes it; one that cannot be read is as if deleted. */
async function read(uri: vscode.Uri): Promise<WorkspaceFile> {
    try {
        return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    } catch {
        return { uri: uri.toString(), text: null };
    }
}
