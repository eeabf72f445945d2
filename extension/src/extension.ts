import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activate.js';

let client: BaseLanguageClient | undefined;

/** VS Code on the desktop: the language server runs as a Node process beside it. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = await activateWith(
        context,
        (context, clientOptions) => {
            const serverModule = context.asAbsolutePath('dist/server.js');
            const serverOptions: ServerOptions = {
                run: { module: serverModule, transport: TransportKind.ipc },
                debug: {
                    module: serverModule,
                    transport: TransportKind.ipc,
                    options: { execArgv: ['--nolazy', '--inspect=6009'] },
                },
            };
            return new LanguageClient('toc', 'Theory of Change', serverOptions, clientOptions);
        },
        {
            synchronize: {
                // Imports and renames span files: tell the server when .toc files change on disk.
                fileEvents: [
                    vscode.workspace.createFileSystemWatcher('**/*.toc'),
                    vscode.workspace.createFileSystemWatcher('**/toc.config.json'),
                    // Measures' data files: a change checks the models that read them again.
                    vscode.workspace.createFileSystemWatcher('**/*.csv'),
                ],
            },
        },
    );
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
