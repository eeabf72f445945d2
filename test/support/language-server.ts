import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection,
} from 'vscode-jsonrpc/node';

export const SERVER = fileURLToPath(new URL('../../dist/server.js', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface PublishDiagnostics {
    uri: string;
    diagnostics: Array<{
        code?: string;
        severity?: number;
        message: string;
        range: { start: { line: number; character: number } };
    }>;
}

/** The diagnostics last published for a URI, if any were. */
export function latestDiagnostics(
    published: PublishDiagnostics[],
    uri: string,
): PublishDiagnostics['diagnostics'] | undefined {
    return published.filter(p => p.uri === uri).at(-1)?.diagnostics;
}

export interface RunningServer {
    connection: MessageConnection;
    process: ChildProcess;
    /** The next diagnostics published for a URI. */
    diagnostics: (uri: string) => Promise<PublishDiagnostics>;
    /** Every publication so far, in order. */
    published: PublishDiagnostics[];
    /** When the last publication arrived (`performance.now()`), or when the server started. */
    lastPublished: () => number;
}

/** The bundled server, started as an editor would start it, spoken to in plain JSON-RPC. */
export async function startServer(
    rootUri: string | null = null,
    initializationOptions?: unknown,
    nodeArguments: string[] = [],
): Promise<RunningServer> {
    const child = spawn(process.execPath, [...nodeArguments, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout!),
        new StreamMessageWriter(child.stdin!),
    );
    const waiting = new Map<string, (params: PublishDiagnostics) => void>();
    const published: PublishDiagnostics[] = [];
    let last = performance.now();
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnostics) => {
        published.push(params);
        last = performance.now();
        waiting.get(params.uri)?.(params);
        waiting.delete(params.uri);
    });
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        capabilities: {},
        initializationOptions,
        workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
    });
    connection.sendNotification('initialized', {});
    return {
        connection,
        process: child,
        diagnostics: uri => new Promise(resolve => waiting.set(uri, resolve)),
        published,
        lastPublished: () => last,
    };
}

/**
 * Ends a server as an editor does (shutdown, then exit) and waits for it to go, so that nothing
 * it asked the client in its last moments is answered into a closed pipe.
 */
export async function stopServer(connection: MessageConnection, child: ChildProcess): Promise<void> {
    const exited = new Promise(resolve => child.once('exit', resolve));
    if (child.exitCode === null) {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5_000)).then(() => child.kill())]);
    }
    connection.dispose();
}

/**
 * Waits until the server has published nothing for `quietMs` since the later of its last
 * publication and `since` (when the last change was sent), and fails if that has not happened
 * within `withinMs`: a server that keeps publishing has not settled.
 */
export async function settled(server: RunningServer, since: number, quietMs = 2_000, withinMs = 20_000): Promise<void> {
    for (;;) {
        const now = performance.now();
        const quietFor = now - Math.max(server.lastPublished(), since);
        if (quietFor >= quietMs) {
            return;
        }
        if (now - since > withinMs) {
            throw new Error(
                `The server was still publishing diagnostics ${withinMs} ms after the last change (${server.published.length} publications so far).`,
            );
        }
        await new Promise(resolve => setTimeout(resolve, Math.min(200, quietMs - quietFor + 10)));
    }
}

/** Sends a request and fails if it is not answered within `withinMs`. */
export async function answered<T>(
    server: RunningServer,
    method: string,
    params: unknown,
    withinMs = 5_000,
): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${method} was not answered within ${withinMs} ms.`)), withinMs);
    });
    try {
        return await Promise.race([server.connection.sendRequest<T>(method, params), timeout]);
    } finally {
        clearTimeout(timer);
    }
}
