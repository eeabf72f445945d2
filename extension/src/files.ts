import * as vscode from 'vscode';

/** Whether a file exists, through VS Code's file system (so remote workspaces work too). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/**
 * Writes a file so that a failure part-way (a full disk, a lost connection to a remote
 * workspace) leaves the file as it was: the content goes to a temporary file beside it, which is
 * then renamed over it. A symbolic link is written through, not replaced by a file.
 */
export async function writeFileAtomic(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const stat = await vscode.workspace.fs.stat(uri).then(
        found => found,
        () => undefined,
    );
    if (stat && (stat.permissions ?? 0) & vscode.FilePermission.Readonly) {
        throw new Error('the file is read-only');
    }
    if (stat && stat.type & vscode.FileType.SymbolicLink) {
        await vscode.workspace.fs.writeFile(uri, content);
        return;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const temporary = vscode.Uri.joinPath(uri, '..', `.${name}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
        await vscode.workspace.fs.writeFile(temporary, content);
        await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        throw error;
    }
}

/** Whether a file is a model: the tools read models, so nothing they export is written over one. */
export function isModelFile(uri: vscode.Uri): boolean {
    return /\.toc$/i.test(uri.path);
}
