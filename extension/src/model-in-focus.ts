import * as vscode from 'vscode';

/** A context key for `when` clauses: true while there is a model for the commands to act on. */
export const MODEL_IN_FOCUS_CONTEXT = 'toc.modelInFocus';

/**
 * The model the commands act on: the one in the active editor or, while a view with no text
 * editor has focus (a diagram preview, the scorecard), the model last active, which is the one
 * the previews follow and show. Nothing while another kind of file is being edited.
 */
export class ModelInFocus implements vscode.Disposable {
    private last: vscode.Uri | undefined;
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    /** Fires when another model becomes the one in focus. */
    readonly onDidChange = this.changed.event;
    private readonly disposables: vscode.Disposable[];

    constructor() {
        this.disposables = [
            this.changed,
            vscode.window.onDidChangeActiveTextEditor(() => this.update()),
            vscode.workspace.onDidCloseTextDocument(document => {
                if (document.uri.toString() === this.last?.toString()) {
                    this.last = undefined;
                }
                this.update();
            }),
        ];
        this.update();
    }

    get current(): vscode.Uri | undefined {
        const document = vscode.window.activeTextEditor?.document;
        if (document) {
            return document.languageId === 'toc' ? document.uri : undefined;
        }
        return this.last;
    }

    private update(): void {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId === 'toc' && document.uri.toString() !== this.last?.toString()) {
            this.last = document.uri;
            this.changed.fire(document.uri);
        }
        void vscode.commands.executeCommand('setContext', MODEL_IN_FOCUS_CONTEXT, this.current !== undefined);
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
    }
}
