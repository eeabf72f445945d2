import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ScorecardRequest } from '../../../language/src/protocol.js';
import type { ModelInFocus } from '../model-in-focus.js';

export const SCORECARD_COMMAND = 'toc.scorecard';
const SCHEME = 'toc-scorecard';
/** One page, whose preview follows the model in focus as the diagram previews do. */
const PAGE_NAME = 'Challenge scorecard';
const PAGE = vscode.Uri.from({ scheme: SCHEME, path: `/${PAGE_NAME}.md` });

/**
 * "Theory of Change: Challenge Scorecard": the model in focus against the ten challenges, shown
 * as a read-only Markdown preview beside the editor. While it is open it follows the model in focus.
 */
export function registerScorecardCommand(
    client: () => BaseLanguageClient | undefined,
    models: ModelInFocus,
): vscode.Disposable {
    let page = '';
    const changed = new vscode.EventEmitter<vscode.Uri>();
    const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: changed.event,
        provideTextDocumentContent: () => page,
    });

    /** The scorecard of a model as the page's text, or why there is none. */
    const scorecardOf = async (uri: vscode.Uri) => {
        const languageClient = client();
        const result = languageClient
            ? await languageClient.sendRequest(ScorecardRequest.type, { uri: uri.toString() })
            : null;
        page = result
            ? result.markdown
            : `# ${PAGE_NAME}\n\n${vscode.workspace.asRelativePath(uri)} is not loaded as a model.\n`;
        changed.fire(PAGE);
        return result;
    };

    const command = vscode.commands.registerCommand(SCORECARD_COMMAND, async (target?: vscode.Uri) => {
        const uri = target ?? models.current;
        if (!uri || !client()) {
            void vscode.window.showInformationMessage('Open a .toc model to see its challenge scorecard.');
            return undefined;
        }
        const result = await scorecardOf(uri);
        if (!result) {
            void vscode.window.showWarningMessage(
                `No scorecard for ${vscode.workspace.asRelativePath(uri)}: it is not loaded as a model.`,
            );
            return undefined;
        }
        await vscode.commands.executeCommand('markdown.showPreviewToSide', PAGE);
        return result.scorecard;
    });

    const follow = models.onDidChange(uri => {
        if (isShown()) {
            void scorecardOf(uri);
        }
    });
    return vscode.Disposable.from(provider, command, changed, follow);
}

/** Whether the scorecard's preview is open in a tab. */
function isShown(): boolean {
    return vscode.window.tabGroups.all.some(group =>
        group.tabs.some(tab => tab.input instanceof vscode.TabInputWebview && tab.label.includes(PAGE_NAME)),
    );
}
