import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.ttf': 'font/ttf',
};

/**
 * A static web server on a free local port, as any static host serves a site: `read` gives the
 * body of a path (`/` for the page), or `undefined` for a 404.
 */
export async function serveStatic(
    read: (path: string) => string | Buffer | undefined,
): Promise<{ address: string; close(): Promise<void> }> {
    const server = createServer((request, response) => {
        const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
        const body = read(path);
        const type = TYPES[extname(path)] ?? (path.endsWith('/') ? 'text/html' : 'application/octet-stream');
        response.writeHead(body === undefined ? 404 : 200, { 'content-type': type });
        response.end(body ?? '');
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    return {
        address: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>(done => server.close(() => done())),
    };
}
