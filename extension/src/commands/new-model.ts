import * as vscode from 'vscode';
import { exists, writeFileAtomic } from '../files.js';
import { starterModel } from '../../../language/src/starter-model.js';

export const NEW_MODEL_COMMAND = 'toc.newModel';

/**
 * Writes a starter model where the user chooses and opens it. An existing file is replaced only
 * after the user confirms.
 */
export function registerNewModelCommand(): vscode.Disposable {
    return vscode.commands.registerCommand(NEW_MODEL_COMMAND, async (target?: vscode.Uri) => {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const uri =
            target ??
            (await vscode.window.showSaveDialog({
                title: 'New theory-of-change model',
                defaultUri: folder ? vscode.Uri.joinPath(folder, 'theory-of-change.toc') : undefined,
                filters: { 'Theory of change': ['toc'] },
                saveLabel: 'Create model',
            }));
        if (!uri) {
            return undefined;
        }
        if (await exists(uri)) {
            const replace = await vscode.window.showWarningMessage(
                `${vscode.workspace.asRelativePath(uri)} already exists. Replace it with a starter model?`,
                { modal: true },
                'Replace',
            );
            if (replace !== 'Replace') {
                return undefined;
            }
        }
        await writeFileAtomic(uri, new TextEncoder().encode(starterModel()));
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        return uri;
    });
}
