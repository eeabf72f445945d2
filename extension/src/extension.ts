import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerNewModelCommand } from './commands/new-model.js';
import { registerScorecardCommand } from './commands/scorecard.js';
import { DiagramPreview, registerDiagramCommands } from './commands/diagram-preview.js';
import { registerExportDiagramCommand } from './commands/export-diagram.js';
import type { TocInitializationOptions } from '../../language/src/protocol.js';
import { ModelInFocus } from './model-in-focus.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const previews = {
        map: new DiagramPreview(context, () => client, 'map'),
        driver: new DiagramPreview(context, () => client, 'driver'),
    };
    const models = new ModelInFocus();
    context.subscriptions.push(
        models,
        registerNewModelCommand(),
        registerScorecardCommand(() => client, models),
        previews.map,
        previews.driver,
        registerDiagramCommands(previews, models),
        registerExportDiagramCommand(() => client, previews, models),
    );
    client = startLanguageClient(context);
    // Trusting the workspace lifts the server's confinement of imports to the workspace folder.
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: ['--nolazy', '--inspect=6009'] },
        },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'toc' }],
        // Read again at every start, so a restart after the user grants trust sees it.
        initializationOptions: (): TocInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
        synchronize: {
            // Imports and renames span files: tell the server when .toc files change on disk.
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.toc'),
                vscode.workspace.createFileSystemWatcher('**/toc.config.json'),
            ],
        },
    };
    return new LanguageClient('toc', 'Theory of Change', serverOptions, clientOptions);
}
