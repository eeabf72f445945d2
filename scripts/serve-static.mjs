// A static web server for a built site on the local machine, as any static host serves it: the
// playground for a user (`npm run playground`), the Chromium tests and the benchmarks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.ttf': 'font/ttf',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
};

/**
 * Serves a folder's files (or, given a function, whatever it gives for a path: a body, or
 * `undefined` for 404) on 127.0.0.1 at `port` (0: any free port).
 */
export async function serveStatic(source, port = 0) {
    const folder = typeof source === 'string' ? resolve(source) : undefined;
    const read =
        typeof source === 'function'
            ? source
            : path => {
                  const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
                  return file.startsWith(folder) && existsSync(file) && statSync(file).isFile()
                      ? readFileSync(file)
                      : undefined;
              };
    const server = createServer((request, response) => {
        const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
        const body = read(path);
        const type = TYPES[extname(path)] ?? (path.endsWith('/') ? TYPES['.html'] : 'application/octet-stream');
        response.writeHead(body === undefined ? 404 : 200, { 'content-type': type });
        response.end(body ?? '');
    });
    await new Promise((done, fail) => server.listen(port, '127.0.0.1', done).once('error', fail));
    return {
        address: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise(done => server.close(() => done())),
    };
}

// `node scripts/serve-static.mjs <folder> [port]`: serve until stopped.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const [folder = 'dist/playground', port = '8080'] = process.argv.slice(2);
    if (!existsSync(join(folder, 'index.html'))) {
        console.error(`${folder}/index.html is missing: build first (npm run build).`);
        process.exit(1);
    }
    const { address } = await serveStatic(folder, Number(port));
    console.log(`Serving ${folder} at ${address} (Ctrl+C to stop)`);
}
