/**
 * The playground: a theory-of-change model in Monaco, checked as the user types by the language
 * server in a web worker (the same services as the extension's), with its causal map, driver
 * diagram or scorecard beside it. Nothing leaves the browser: the examples come with the page, the
 * worker holds the workspace, and a share link carries the model in its fragment.
 */
import * as monaco from 'monaco-editor';
import type { DiagramResult, ScorecardResult, WorkspaceFile } from '../../language/src/protocol.js';
import type { DiagramLocation } from '../../language/src/diagram/diagram-model.js';
import { elementId } from '../../language/src/diagram/dot.js';
import { download, pngOf } from './downloads.js';
import { tocMonarch } from './highlighting.js';
import type { FindingPlace } from './scorecard.js';
import { scorecardElement } from './scorecard.js';
import { shareFragment, sharedIn } from './share.js';
import './style.css';

const LANGUAGE = 'toc';
const WORKSPACE = 'file:///workspace/';
/** How long the user pauses before the diagram follows an edit. */
const REDRAW_DELAY_MS = 200;

/** The bundled examples, as the build writes them beside the page. */
interface Examples {
    /** Every file of every example (models, imports, configuration, data), by path. */
    files: Record<string, string>;
    /** The models to offer, first the default. */
    models: Array<{ path: string; title: string }>;
}

type View = 'map' | 'driver' | 'scorecard';

// Monaco's own worker (word suggestions, links): a file beside the page.
globalThis.MonacoEnvironment = {
    getWorker: () => new Worker(new URL('editor.worker.js', import.meta.url), { type: 'module' }),
};

/**
 * The language server's worker, shared by Monaco's language client and the playground's own
 * requests (diagrams, scorecard). The client sees every message but the answers to the
 * playground's requests, whose ids are its own; the workspace's files are written once the server
 * is initialized, before the client opens any model.
 */
class ServerChannel extends EventTarget {
    private nextId = 1;
    private readonly pending = new Map<string, (message: { result?: unknown; error?: { message: string } }) => void>();

    constructor(
        private readonly worker: Worker,
        private readonly files: () => WorkspaceFile[],
    ) {
        super();
        worker.addEventListener('message', ({ data }) => {
            const answer = typeof data?.id === 'string' ? this.pending.get(data.id) : undefined;
            if (answer) {
                this.pending.delete(data.id);
                answer(data);
                return;
            }
            this.dispatchEvent(new MessageEvent('message', { data }));
        });
    }

    /** From the language client. */
    postMessage(message: { method?: string }): void {
        this.worker.postMessage(message);
        if (message.method === 'initialized') {
            this.notify('toc/writeFiles', { files: this.files() });
        }
    }

    notify(method: string, params: unknown): void {
        this.worker.postMessage({ jsonrpc: '2.0', method, params });
    }

    request<T>(method: string, params: unknown): Promise<T> {
        const id = `playground:${this.nextId++}`;
        return new Promise((resolve, reject) => {
            this.pending.set(id, message =>
                message.error ? reject(new Error(message.error.message)) : resolve(message.result as T),
            );
            this.worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
    }
}

function registerLanguage(): void {
    monaco.languages.register({ id: LANGUAGE, extensions: ['.toc'], aliases: ['Theory of change'] });
    monaco.languages.setMonarchTokensProvider(LANGUAGE, tocMonarch());
    monaco.languages.setLanguageConfiguration(LANGUAGE, {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}']],
        autoClosingPairs: [
            { open: '{', close: '}' },
            { open: '"', close: '"' },
        ],
    });
}

async function start(): Promise<void> {
    const examples = (await (await fetch('examples.json')).json()) as Examples;
    const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    const status = byId('status');
    const picker = byId<HTMLSelectElement>('example');
    const viewPicker = byId<HTMLSelectElement>('view');
    const panel = byId('diagram');

    registerLanguage();
    const server = new ServerChannel(new Worker('server-worker.js'), () =>
        Object.entries(examples.files).map(([path, text]) => ({ uri: `${WORKSPACE}${path}`, text })),
    );
    new monaco.lsp.MonacoLspClient(monaco.lsp.createTransportToWorker(server as unknown as Worker));

    const editor = monaco.editor.create(byId('editor'), {
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        wordWrap: 'on',
    });

    for (const { path, title } of examples.models) {
        picker.add(new Option(title, path));
    }
    let example = examples.models[0].path;
    /** Shows a file of the workspace, with `text` in place of what it holds when given. */
    const open = (path: string, text?: string) => {
        const uri = monaco.Uri.parse(`${WORKSPACE}${path}`);
        const model =
            monaco.editor.getModel(uri) ?? monaco.editor.createModel(examples.files[path] ?? '', LANGUAGE, uri);
        if (text !== undefined && model.getValue() !== text) {
            model.setValue(text);
        }
        editor.setModel(model);
    };
    const openExample = (path: string, text?: string) => {
        example = path;
        picker.value = path;
        open(path, text);
    };
    picker.addEventListener('change', () => openExample(picker.value));

    /** Selects a place in the workspace, opening its file when it is another. */
    const reveal = (uri: string, range: monaco.IRange) => {
        if (uri !== editor.getModel()?.uri.toString()) {
            open(uri.slice(WORKSPACE.length));
        }
        editor.setSelection(range);
        editor.revealRangeInCenter(range);
        editor.focus();
    };
    const revealLocation = ({ uri, range }: DiagramLocation) =>
        reveal(uri, {
            startLineNumber: range.start.line + 1,
            startColumn: range.start.character + 1,
            endLineNumber: range.end.line + 1,
            endColumn: range.end.character + 1,
        });
    const revealFinding = ({ uri, line }: FindingPlace) =>
        reveal(uri, { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 });

    // What the panel shows: the diagram's SVG and where each of its elements is declared.
    let shown: { svg?: string; places: Map<string, DiagramLocation> } = { places: new Map() };
    let drawing = 0;
    const draw = async () => {
        const model = editor.getModel();
        if (!model) {
            return;
        }
        const ticket = ++drawing;
        const view = viewPicker.value as View;
        try {
            if (view === 'scorecard') {
                const result = await server.request<ScorecardResult | null>('toc/scorecard', {
                    uri: model.uri.toString(),
                });
                if (ticket === drawing) {
                    shown = { places: new Map() };
                    panel.replaceChildren(result ? scorecardElement(result.scorecard, revealFinding) : '');
                }
            } else {
                const result = await server.request<DiagramResult | null>('toc/diagram', {
                    uri: model.uri.toString(),
                    view,
                });
                if (ticket === drawing) {
                    const graph = result?.graph;
                    shown = {
                        svg: result?.svg,
                        places: new Map(
                            [
                                ...(graph?.nodes ?? []).map(n => [elementId('node', n.id), n.location] as const),
                                ...(graph?.edges ?? []).map(e => [elementId('edge', e.id), e.location] as const),
                            ].filter((entry): entry is [string, DiagramLocation] => entry[1] !== undefined),
                        ),
                    };
                    // Graphviz's SVG of the server's own DOT, whose every text is escaped.
                    panel.innerHTML = result?.svg ?? '';
                    if (!result?.svg && result?.error) {
                        panel.textContent = `The diagram cannot be drawn: ${result.error}`;
                    }
                }
            }
            if (ticket === drawing) {
                panel.dataset.drawn = String(ticket);
                panel.dataset.view = view;
            }
        } catch (error) {
            panel.textContent = `The ${view} cannot be shown: ${error instanceof Error ? error.message : String(error)}`;
        }
    };
    viewPicker.addEventListener('change', () => void draw());
    panel.addEventListener('click', event => {
        const clicked = (event.target as Element).closest('g.toc-node, g.toc-edge');
        const place = clicked && shown.places.get(clicked.id);
        if (place) {
            revealLocation(place);
        }
    });

    let redraw: ReturnType<typeof setTimeout> | undefined;
    // Findings arrive as markers; the panel is drawn again when they change, as the model did.
    monaco.editor.onDidChangeMarkers(uris => {
        const model = editor.getModel();
        if (!model || !uris.some(uri => uri.toString() === model.uri.toString())) {
            return;
        }
        const markers = monaco.editor.getModelMarkers({ resource: model.uri });
        status.textContent = `${markers.length} ${markers.length === 1 ? 'finding' : 'findings'}`;
        // For tests and benchmarks: how many times the findings came, and when they first came.
        status.dataset.updates = String(Number(status.dataset.updates ?? 0) + 1);
        status.dataset.firstFindingsMs ??= String(Math.round(performance.now()));
        // While the user types, the diagram is laid out again once they pause, not at every key:
        // the worker that lays it out is the one that checks the next keystroke.
        clearTimeout(redraw);
        redraw = setTimeout(() => void draw(), REDRAW_DELAY_MS);
    });
    editor.onDidChangeModel(() => void draw());

    const fileName = () =>
        editor
            .getModel()
            ?.uri.path.split('/')
            .pop()
            ?.replace(/\.toc$/, '') ?? 'model';
    byId('share').addEventListener('click', async () => {
        const fragment = await shareFragment({ example, text: editor.getValue() });
        history.replaceState(null, '', fragment);
        await navigator.clipboard?.writeText(location.href).catch(() => undefined);
        status.textContent = 'Link copied: it holds the model itself, and nothing was sent anywhere';
    });
    byId('download-toc').addEventListener('click', () =>
        download(`${fileName()}.toc`, new Blob([editor.getValue()], { type: 'text/plain' })),
    );
    byId('download-svg').addEventListener('click', () => {
        if (shown.svg) {
            download(`${fileName()}-${viewPicker.value}.svg`, new Blob([shown.svg], { type: 'image/svg+xml' }));
        }
    });
    byId('download-png').addEventListener('click', async () => {
        if (shown.svg) {
            download(`${fileName()}-${viewPicker.value}.png`, await pngOf(shown.svg));
        }
    });

    // A link may name an example to open (`#example=…`), with its model's text (a share link).
    const shared = await sharedIn(location.hash);
    const named = new URLSearchParams(location.hash.slice(1)).get('example');
    if (shared && shared.example in examples.files) {
        openExample(shared.example, shared.text);
    } else if (named && examples.models.some(model => model.path === named)) {
        openExample(named);
    } else {
        openExample(example);
    }
}

void start();
