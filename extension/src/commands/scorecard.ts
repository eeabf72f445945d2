import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScorecardRequest } from '../../../language/src/protocol.js';

export const SCORECARD_COMMAND = 'toc.scorecard';
const SCHEME = 'toc-scorecard';

/**
 * "Theory of Change: Challenge Scorecard": the active model against the ten challenges, shown
 * as a read-only Markdown preview beside the editor.
 */
export function registerScorecardCommand(client: () => LanguageClient | undefined): vscode.Disposable {
    const pages = new Map<string, string>();
    const changed = new vscode.EventEmitter<vscode.Uri>();
    const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: changed.event,
        provideTextDocumentContent: uri => pages.get(uri.toString()) ?? '',
    });
    const command = vscode.commands.registerCommand(SCORECARD_COMMAND, async (target?: vscode.Uri) => {
        const uri = target ?? activeModel();
        const languageClient = client();
        if (!uri || !languageClient) {
            void vscode.window.showInformationMessage('Open a .toc model to see its challenge scorecard.');
            return undefined;
        }
        const result = await languageClient.sendRequest(ScorecardRequest.type, { uri: uri.toString() });
        if (!result) {
            void vscode.window.showWarningMessage(
                `No scorecard for ${vscode.workspace.asRelativePath(uri)}: it is not loaded as a model.`,
            );
            return undefined;
        }
        const page = vscode.Uri.from({
            scheme: SCHEME,
            path: `/${result.scorecard.programme ?? 'model'} scorecard.md`,
            query: uri.toString(),
        });
        pages.set(page.toString(), result.markdown);
        changed.fire(page);
        await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
        return result.scorecard;
    });
    return vscode.Disposable.from(provider, command, changed);
}

function activeModel(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'toc' ? document.uri : undefined;
}
