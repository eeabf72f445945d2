import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerNewModelCommand } from './commands/new-model.js';
import { registerScorecardCommand } from './commands/scorecard.js';
import { DiagramPreview, registerDiagramCommands } from './commands/diagram-preview.js';
import { registerExportDiagramCommand } from './commands/export-diagram.js';
import type { TocInitializationOptions } from '../../language/src/protocol.js';
import { ModelInFocus } from './model-in-focus.js';
import { registerOpenExampleCommand, registerRulePages } from './commands/bundled-pages.js';
import { ProblemsFilter, problemsScope } from './problems-scope.js';
import { withoutKeywordsTemplatesCover } from './completion-filter.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const previews = {
        map: new DiagramPreview(context, () => client, 'map'),
        driver: new DiagramPreview(context, () => client, 'driver'),
        measures: new DiagramPreview(context, () => client, 'measures'),
    };
    const models = new ModelInFocus();
    const problems = new ProblemsFilter(() => client);
    context.subscriptions.push(
        models,
        problems,
        registerNewModelCommand(),
        registerOpenExampleCommand(context),
        registerRulePages(context),
        registerScorecardCommand(() => client, models),
        previews.map,
        previews.driver,
        previews.measures,
        registerDiagramCommands(previews, models),
        registerExportDiagramCommand(() => client, previews, models),
    );
    client = startLanguageClient(context, problems);
    context.subscriptions.push(
        // Trusting the workspace lifts the server's confinement of imports to the workspace folder.
        vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
        // Checking the whole workspace, or no longer, is decided as the server loads it.
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('toc.problems.scope')) {
                void client?.restart();
            }
        }),
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext, problems: ProblemsFilter): LanguageClient {
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
        initializationOptions: (): TocInitializationOptions => ({
            workspaceTrusted: vscode.workspace.isTrusted,
            checkWholeWorkspace: problemsScope() === 'workspace',
        }),
        middleware: { ...problems.middleware, ...withoutKeywordsTemplatesCover },
        synchronize: {
            // Imports and renames span files: tell the server when .toc files change on disk.
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.toc'),
                vscode.workspace.createFileSystemWatcher('**/toc.config.json'),
                // Measures' data files: a change checks the models that read them again.
                vscode.workspace.createFileSystemWatcher('**/*.csv'),
            ],
        },
    };
    return new LanguageClient('toc', 'Theory of Change', serverOptions, clientOptions);
}
