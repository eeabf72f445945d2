import * as vscode from 'vscode';
import { base64ToBytes, bytesToBase64 } from '../../../language/src/utils/base64.js';
import type { ModelInFocus } from '../model-in-focus.js';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DiagramLocation } from '../../../language/src/diagram/diagram-model.js';
import type { DiagramView } from '../../../language/src/diagram/registry.js';
import { DIAGRAM_VIEWS } from '../../../language/src/diagram/registry.js';
import { elementId, iconsShown } from '../../../language/src/diagram/dot.js';
import { previewNode } from '../../../language/src/diagram/preview-node.js';
import {
    DiagramRequest,
    MeasureChartsRequest,
    type FromPreview,
    type ToPreview,
} from '../../../language/src/protocol.js';
import { diagramPageHtml } from '../webview/page.js';

export const OPEN_PREVIEW_COMMAND = 'toc.openDiagramPreview';
export const OPEN_DRIVER_COMMAND = 'toc.openDriverDiagram';
export const OPEN_MEASURES_COMMAND = 'toc.openMeasures';

/** What a preview shows: one of the diagrams, or the Measures view (the model's charts). */
export type PreviewView = DiagramView | 'measures';

const PREVIEW_TITLES: { readonly [View in PreviewView]: string } = {
    map: DIAGRAM_VIEWS.map.title,
    driver: DIAGRAM_VIEWS.driver.title,
    measures: 'Measures',
};

/** What the preview page drew, as `show` and the open commands report it. */
export interface DrawnDiagram {
    /** The URI of the model drawn. */
    model: string;
    title?: string;
    /** The boxes of a diagram, or the measures of the Measures view. */
    nodes: number;
    /** What the page put on screen: charts drawn, and reading badges shown. */
    charts?: number;
    badges?: number;
    /** Why nothing, or not everything, could be drawn. */
    error?: string;
}

const UPDATE_DELAY_MS = 300;
/** How long the preview waits for the server before saying it did not answer. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One preview panel per view (causal map, driver diagram, measures), beside the editor. It follows
 * the active `.toc` editor, redraws while the user types (debounced), reveals a declaration when an
 * element is clicked, and highlights the element under the cursor.
 */
export class DiagramPreview implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private modelUri: vscode.Uri | undefined;
    /** What the page shows: its title, how many things, and where each is declared, by its id on the page. */
    private shown: { title?: string; count: number; elements: Array<{ id: string; location?: DiagramLocation }> } = {
        count: 0,
        elements: [],
    };
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;
    /** The model whose drawing the page shows, if any. */
    private drawnModel: string | undefined;
    private request: vscode.CancellationTokenSource | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    /** PNG requests waiting for the webview, by id. */
    private readonly pendingPngs = new Map<number, (result: { data?: string; error?: string }) => void>();
    private nextPngId = 0;
    /** Callers of `show` waiting for the page to draw. */
    private readonly drawnWaiters: Array<(drawn: DrawnDiagram) => void> = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: () => BaseLanguageClient | undefined,
        readonly view: PreviewView,
    ) {
        this.disposables.push(
            vscode.workspace.onDidChangeTextDocument(event => {
                if (this.panel && event.document.languageId === 'toc') {
                    this.scheduleUpdate();
                }
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (
                    this.panel &&
                    editor?.document.languageId === 'toc' &&
                    editor.document.uri.toString() !== this.modelUri?.toString()
                ) {
                    this.modelUri = editor.document.uri;
                    this.panel.title = this.titleFor(this.modelUri);
                    this.scheduleUpdate(0);
                }
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.highlightAt(event.textEditor)),
            // The server checks the model again when something it reads changes on disk (an
            // imported file, a measure's data): new findings for the model mean a new picture.
            vscode.languages.onDidChangeDiagnostics(event => {
                const model = this.modelUri?.toString();
                if (this.panel && event.uris.some(uri => uri.toString() === model)) {
                    this.scheduleUpdate();
                }
            }),
        );
    }

    get isOpen(): boolean {
        return this.panel !== undefined;
    }

    /**
     * Opens (or shows) the preview for a model. Resolves once the page has drawn it (or said why it
     * could not), with what it drew.
     */
    show(uri: vscode.Uri): Promise<DrawnDiagram> {
        this.modelUri = uri;
        const title = this.titleFor(uri);
        if (this.panel) {
            this.panel.title = title;
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        } else {
            const webviewRoot = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
            this.panel = vscode.window.createWebviewPanel(
                `toc.diagram.${this.view}`,
                title,
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                {
                    enableScripts: true,
                    localResourceRoots: [webviewRoot],
                    retainContextWhenHidden: true,
                },
            );
            const webview = this.panel.webview;
            webview.html = diagramPageHtml({
                cspSource: webview.cspSource,
                nonce: nonce(),
                scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'webview.js')).toString(),
                styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'webview-style.css')).toString(),
                title,
            });
            webview.onDidReceiveMessage((message: FromPreview) => this.onMessage(message), undefined, this.disposables);
            this.panel.onDidDispose(
                () => {
                    this.panel = undefined;
                    this.drawnModel = undefined;
                    this.resolveDrawn({ model: uri.toString(), nodes: 0, error: 'The preview was closed.' });
                    // PNG requests still waiting are answered now, not when they time out.
                    for (const id of [...this.pendingPngs.keys()]) {
                        this.answerPng(id, { error: 'the preview was closed' });
                    }
                },
                undefined,
                this.disposables,
            );
        }
        const drawn = new Promise<DrawnDiagram>(resolve => this.drawnWaiters.push(resolve));
        this.scheduleUpdate(0);
        return drawn;
    }

    private resolveDrawn(drawn: DrawnDiagram): void {
        for (const resolve of this.drawnWaiters.splice(0)) {
            resolve(drawn);
        }
    }

    /** The current drawing as PNG bytes, painted by the webview. */
    async png(): Promise<Uint8Array> {
        if (!this.panel) {
            throw new Error('The diagram preview is not open.');
        }
        const id = this.nextPngId++;
        const result = await new Promise<{ data?: string; error?: string }>(resolve => {
            const timer = setTimeout(
                () =>
                    this.answerPng(id, {
                        error: `the preview did not paint the image within ${REQUEST_TIMEOUT_MS / 1000} s`,
                    }),
                REQUEST_TIMEOUT_MS,
            );
            this.pendingPngs.set(id, answer => {
                clearTimeout(timer);
                resolve(answer);
            });
            void this.post({ type: 'png', id });
        });
        if (!result.data) {
            throw new Error(result.error ?? 'The preview did not produce an image.');
        }
        return base64ToBytes(result.data.replace(/^data:image\/png;base64,/, ''));
    }

    private scheduleUpdate(delay = UPDATE_DELAY_MS): void {
        if (this.timer) {
            clearTimeout(this.timer);
        }
        this.timer = setTimeout(() => void this.update(), delay);
    }

    /**
     * Asks the server for the drawing and shows it. Until the answer comes the page says it is
     * updating; a picture of another model is taken down at once, so the panel never shows one
     * model's drawing under another's title. A request the server does not answer in time is
     * given up with a message, and a newer update cancels an older one.
     */
    private async update(): Promise<void> {
        const client = this.client();
        if (!this.panel || !this.modelUri) {
            return;
        }
        if (!client) {
            await this.post({ type: 'update', error: 'The language server is not running.', findings: [] });
            return;
        }
        const generation = ++this.generation;
        const model = this.modelUri.toString();
        const otherModel = model !== this.drawnModel;
        if (otherModel) {
            this.shown = { count: 0, elements: [] };
            this.drawnModel = undefined;
        }
        this.request?.cancel();
        const request = (this.request = new vscode.CancellationTokenSource());
        const timer = setTimeout(() => request.cancel(), REQUEST_TIMEOUT_MS);
        await this.post({ type: 'updating', clear: otherModel });
        let message: ToPreview;
        try {
            const answer = await this.ask(client, model, request.token);
            if (generation !== this.generation || !this.panel) {
                return; // A newer update is on its way.
            }
            this.shown = answer.shown ?? { count: 0, elements: [] };
            this.drawnModel = answer.shown ? model : undefined;
            message = answer.message;
        } catch (error) {
            if (generation !== this.generation || !this.panel) {
                return;
            }
            const reason = request.token.isCancellationRequested
                ? `the language server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s. Edit the model or reopen the preview to try again; the Output panel (Theory of Change) may say why`
                : error instanceof Error
                  ? error.message
                  : String(error);
            message = { type: 'update', error: `The ${this.noun()} could not be updated: ${reason}.`, findings: [] };
        } finally {
            clearTimeout(timer);
            request.dispose();
            if (this.request === request) {
                this.request = undefined;
            }
        }
        await this.post(message);
    }

    private noun(): string {
        return this.view === 'measures' ? 'charts' : 'diagram';
    }

    /** Asks the server for what this view shows: the message for the page, and what it will show. */
    private async ask(
        client: BaseLanguageClient,
        model: string,
        token: vscode.CancellationToken,
    ): Promise<{ message: ToPreview; shown?: DiagramPreview['shown'] }> {
        const notLoaded = 'This file is not loaded as a model yet.';
        if (this.view === 'measures') {
            const result = await client.sendRequest(MeasureChartsRequest.type, { uri: model }, token);
            if (!result) {
                return { message: { type: 'charts', charts: [], error: notLoaded, findings: [] } };
            }
            const elements = result.charts.map(chart => ({ id: chart.id, location: chart.location }));
            const shown = { title: result.title, count: result.charts.length, elements };
            const focus = this.elementUnderCursor(elements);
            return {
                message: { type: 'charts', charts: result.charts, findings: [], ...(focus ? { focus } : {}) },
                shown,
            };
        }
        const result = await client.sendRequest(DiagramRequest.type, { uri: model, view: this.view }, token);
        if (!result) {
            return { message: { type: 'update', error: notLoaded, findings: [] } };
        }
        const { graph } = result;
        const elements = [
            ...graph.nodes.map(n => ({ id: elementId('node', n.id), location: n.location })),
            ...graph.edges.map(e => ({ id: elementId('edge', e.id), location: e.location })),
        ];
        return {
            message: {
                type: 'update',
                svg: result.svg,
                error: result.error,
                findings: graph.findings,
                nodes: graph.nodes.map(previewNode),
                focus: this.elementUnderCursor(elements),
                badges: iconsShown(graph),
            },
            shown: { title: graph.title, count: graph.nodes.length, elements },
        };
    }

    private titleFor(uri: vscode.Uri): string {
        return `${PREVIEW_TITLES[this.view]}: ${vscode.workspace.asRelativePath(uri)}`;
    }

    private post(message: ToPreview): Thenable<boolean> | undefined {
        return this.panel?.webview.postMessage(message);
    }

    private answerPng(id: number, answer: { data?: string; error?: string }): void {
        this.pendingPngs.get(id)?.(answer);
        this.pendingPngs.delete(id);
    }

    private onMessage(message: FromPreview): void {
        if (message.type === 'reveal' && message.id) {
            void this.reveal(message.id);
        } else if (message.type === 'png') {
            this.answerPng(message.id, { data: message.data, error: message.error });
        } else if (message.type === 'ready') {
            this.scheduleUpdate(0);
        } else if (message.type === 'drawn') {
            this.resolveDrawn({
                model: this.drawnModel ?? this.modelUri?.toString() ?? '',
                title: this.shown.title,
                nodes: this.shown.count,
                charts: message.charts,
                badges: message.badges,
                error: message.error ?? undefined,
            });
        }
    }

    /** Opens the declaration of a clicked element beside the preview. */
    private async reveal(id: string): Promise<void> {
        const location = this.shown.elements.find(element => element.id === id)?.location;
        if (!location) {
            return;
        }
        const { uri, range } = location;
        const selection = new vscode.Range(
            range.start.line,
            range.start.character,
            range.end.line,
            range.end.character,
        );
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri);
        await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
            selection,
            viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
        });
    }

    /** Highlights the element whose declaration holds the cursor. */
    private highlightAt(editor: vscode.TextEditor): void {
        if (!this.panel || this.shown.elements.length === 0 || editor.document.languageId !== 'toc') {
            return;
        }
        void this.post({ type: 'highlight', id: this.elementAt(editor, this.shown.elements) });
    }

    /** The element under the cursor of the active editor, or of the model's visible one. */
    private elementUnderCursor(elements: DiagramPreview['shown']['elements']): string | undefined {
        const model = this.modelUri?.toString();
        const active = vscode.window.activeTextEditor;
        const editor =
            active?.document.languageId === 'toc'
                ? active
                : vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === model);
        return editor ? this.elementAt(editor, elements) : undefined;
    }

    /** The page id of the first element whose declaration holds the editor's cursor. */
    private elementAt(editor: vscode.TextEditor, elements: DiagramPreview['shown']['elements']): string | undefined {
        const uri = editor.document.uri.toString();
        const line = editor.selection.active.line;
        return elements.find(
            ({ location }) =>
                location?.uri === uri && location.range.start.line <= line && line <= location.range.end.line,
        )?.id;
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(d => d.dispose());
    }
}

function nonce(): string {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return bytesToBase64(bytes);
}

export function registerDiagramCommands(
    previews: Record<PreviewView, DiagramPreview>,
    models: ModelInFocus,
): vscode.Disposable {
    const open =
        (view: PreviewView) =>
        (target?: vscode.Uri): Promise<DrawnDiagram> | undefined => {
            const uri = target ?? models.current;
            if (!uri) {
                void vscode.window.showInformationMessage(
                    `Open a .toc model to see its ${view === 'measures' ? 'measures' : 'diagram'}.`,
                );
                return undefined;
            }
            return previews[view].show(uri);
        };
    return vscode.Disposable.from(
        vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, open('map')),
        vscode.commands.registerCommand(OPEN_DRIVER_COMMAND, open('driver')),
        vscode.commands.registerCommand(OPEN_MEASURES_COMMAND, open('measures')),
    );
}
