import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerNewModelCommand } from './commands/new-model.js';
import { registerScorecardCommand } from './commands/scorecard.js';
import { DiagramPreview, registerDiagramCommands } from './commands/diagram-preview.js';
import { registerExportDiagramCommand } from './commands/export-diagram.js';
import type { TocInitializationOptions } from '../../language/src/protocol.js';
import { ModelInFocus } from './model-in-focus.js';
import { registerOpenExampleCommand, registerRulePages } from './commands/bundled-pages.js';
import { ProblemsFilter, problemsScope } from './problems-scope.js';
import { withoutKeywordsTemplatesCover } from './completion-filter.js';

/** Makes the language client for where the extension runs: the server as a Node process, or a web worker. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

/**
 * The extension, wherever it runs (VS Code on the desktop, or VS Code for the Web): its commands,
 * previews and the language client, made by `makeClient` with the options both share.
 */
export async function activateWith(
    context: vscode.ExtensionContext,
    makeClient: ClientFactory,
    extraOptions: Partial<LanguageClientOptions> = {},
): Promise<BaseLanguageClient> {
    // The commands and previews are made before the client, whose options need the problems filter.
    const made: { client?: BaseLanguageClient } = {};
    const current = () => made.client;
    const previews = {
        map: new DiagramPreview(context, current, 'map'),
        driver: new DiagramPreview(context, current, 'driver'),
        measures: new DiagramPreview(context, current, 'measures'),
    };
    const models = new ModelInFocus();
    const problems = new ProblemsFilter(current);
    context.subscriptions.push(
        models,
        problems,
        registerNewModelCommand(),
        registerOpenExampleCommand(context),
        registerRulePages(context),
        registerScorecardCommand(current, models),
        previews.map,
        previews.driver,
        previews.measures,
        registerDiagramCommands(previews, models),
        registerExportDiagramCommand(current, previews, models),
    );
    const client = makeClient(context, {
        documentSelector: [{ language: 'toc' }],
        // Read again at every start, so a restart after the user grants trust sees it.
        initializationOptions: (): TocInitializationOptions => ({
            workspaceTrusted: vscode.workspace.isTrusted,
            checkWholeWorkspace: problemsScope() === 'workspace',
        }),
        middleware: { ...problems.middleware, ...withoutKeywordsTemplatesCover },
        ...extraOptions,
    });
    context.subscriptions.push(
        // Trusting the workspace lifts the server's confinement of imports to the workspace folder.
        vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(client)),
        // Checking the whole workspace, or no longer, is decided as the server loads it.
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('toc.problems.scope')) {
                void restart(client);
            }
        }),
    );
    made.client = client;
    await client.start();
    return client;
}

/** Starts the server again, so that it reads what it is told at the start (trust, scope) anew. */
async function restart(client: BaseLanguageClient): Promise<void> {
    if (client.isRunning()) {
        await client.stop();
    }
    await client.start();
}
