import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';

export type ProblemsScope = 'openFiles' | 'workspace';

export function problemsScope(): ProblemsScope {
    return vscode.workspace.getConfiguration('toc').get<ProblemsScope>('problems.scope') === 'workspace'
        ? 'workspace'
        : 'openFiles';
}

/** The files shown in an editor tab. */
function openInTabs(): Set<string> {
    return new Set(
        vscode.window.tabGroups.all
            .flatMap(group => group.tabs)
            .flatMap(tab =>
                tab.input instanceof vscode.TabInputText
                    ? [tab.input.uri.toString()]
                    : tab.input instanceof vscode.TabInputTextDiff
                      ? [tab.input.original.toString(), tab.input.modified.toString()]
                      : [],
            ),
    );
}

/**
 * Which files' findings the Problems panel lists. `openFiles` (the default, as for TypeScript and
 * ESLint): the files open in tabs, so that opening one model does not list every finding of the
 * files it imports; a file's findings appear when it is opened and go when its last tab closes.
 * `workspace`: every file, which the server then checks as the workspace loads.
 */
export class ProblemsFilter implements vscode.Disposable {
    /** What the server last sent for each file, shown or not. */
    private readonly latest = new Map<string, vscode.Diagnostic[]>();
    /** Kept as tabs open and close, rather than gathered for every publication. */
    private open = openInTabs();
    /** Read when it changes, rather than for every publication. */
    private scope = problemsScope();
    private readonly disposables: vscode.Disposable[];

    constructor(private readonly client: () => BaseLanguageClient | undefined) {
        this.disposables = [
            vscode.window.tabGroups.onDidChangeTabs(() => this.refresh()),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('toc.problems.scope')) {
                    this.scope = problemsScope();
                }
            }),
        ];
    }

    readonly middleware: Middleware = {
        handleDiagnostics: (uri, diagnostics, next) => {
            this.latest.set(uri.toString(), diagnostics);
            next(uri, this.shows(uri.toString()) ? diagnostics : []);
        },
    };

    /** A data file's problems are always listed: few, and only there when a model reads the file. */
    private shows(uri: string): boolean {
        return this.scope === 'workspace' || this.open.has(uri) || !uri.endsWith('.toc');
    }

    /** Shows the findings of files just opened and takes down those of files just closed. */
    private refresh(): void {
        this.open = openInTabs();
        const collection = this.client()?.diagnostics;
        if (!collection) {
            return;
        }
        for (const [uri, diagnostics] of this.latest) {
            const parsed = vscode.Uri.parse(uri);
            if (this.shows(uri)) {
                if (diagnostics.length > 0 && (collection.get(parsed)?.length ?? 0) === 0) {
                    collection.set(parsed, diagnostics);
                }
            } else if ((collection.get(parsed)?.length ?? 0) > 0) {
                collection.delete(parsed);
            }
        }
    }

    dispose(): void {
        this.disposables.forEach(disposable => disposable.dispose());
    }
}
