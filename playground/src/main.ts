/**
 * The playground: a theory-of-change model in Monaco, checked as the user types by the language
 * server in a web worker (the same services as the extension's), with the causal map beside it.
 * Nothing leaves the browser: the examples come with the page, and the worker holds the workspace.
 */
import * as monaco from 'monaco-editor';
import type { DiagramResult, WorkspaceFile } from '../../language/src/protocol.js';
import monarch from './generated/toc-monarch.js';
import './style.css';

const LANGUAGE = 'toc';
const WORKSPACE = 'file:///workspace/';

/** The bundled examples, as the build writes them beside the page. */
interface Examples {
    /** Every file of every example (models, imports, configuration, data), by path. */
    files: Record<string, string>;
    /** The models to offer, first the default. */
    models: Array<{ path: string; title: string }>;
}

// Monaco's own worker (word suggestions, links): a file beside the page.
globalThis.MonacoEnvironment = {
    getWorker: () => new Worker(new URL('editor.worker.js', import.meta.url), { type: 'module' }),
};

/**
 * The language server's worker, shared by Monaco's language client and the playground's own
 * requests (the diagram). The client sees every message but the answers to the playground's
 * requests, whose ids are its own; the workspace's files are written once the server is initialized.
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

async function start(): Promise<void> {
    const examples = (await (await fetch('examples.json')).json()) as Examples;
    const status = document.getElementById('status')!;
    const picker = document.getElementById('example') as HTMLSelectElement;
    const diagram = document.getElementById('diagram')!;

    monaco.languages.register({ id: LANGUAGE, extensions: ['.toc'], aliases: ['Theory of change'] });
    monaco.languages.setMonarchTokensProvider(LANGUAGE, monarch as monaco.languages.IMonarchLanguage);
    monaco.languages.setLanguageConfiguration(LANGUAGE, {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}']],
        autoClosingPairs: [
            { open: '{', close: '}' },
            { open: '"', close: '"' },
        ],
    });

    const worker = new Worker('server-worker.js');
    const workspaceFiles = () =>
        Object.entries(examples.files).map(([path, text]) => ({ uri: `${WORKSPACE}${path}`, text }));
    const server = new ServerChannel(worker, workspaceFiles);
    new monaco.lsp.MonacoLspClient(monaco.lsp.createTransportToWorker(server as unknown as Worker));

    const editor = monaco.editor.create(document.getElementById('editor')!, {
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        wordWrap: 'on',
    });

    for (const { path, title } of examples.models) {
        picker.add(new Option(title, path));
    }
    const open = (path: string) => {
        const uri = monaco.Uri.parse(`${WORKSPACE}${path}`);
        const model =
            monaco.editor.getModel(uri) ?? monaco.editor.createModel(examples.files[path] ?? '', LANGUAGE, uri);
        editor.setModel(model);
    };
    picker.addEventListener('change', () => open(picker.value));
    open(examples.models[0].path);

    // Findings arrive as markers; the map is drawn again when they change, as the model did.
    let drawing = 0;
    monaco.editor.onDidChangeMarkers(async uris => {
        const model = editor.getModel();
        if (!model || !uris.some(uri => uri.toString() === model.uri.toString())) {
            return;
        }
        const markers = monaco.editor.getModelMarkers({ resource: model.uri });
        status.textContent = `${markers.length} ${markers.length === 1 ? 'finding' : 'findings'}`;
        const ticket = ++drawing;
        try {
            const result = await server.request<DiagramResult | null>('toc/diagram', {
                uri: model.uri.toString(),
                view: 'map',
            });
            if (ticket === drawing) {
                diagram.innerHTML = result?.svg ?? '';
                diagram.dataset.drawn = String(ticket);
            }
        } catch (error) {
            diagram.textContent = `The map cannot be drawn: ${error instanceof Error ? error.message : String(error)}`;
        }
    });
}

void start();
