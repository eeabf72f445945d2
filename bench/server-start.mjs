// Time from starting the bundled language server to the first diagnostics of the largest example,
// as an editor sees it: spawn, initialize with the examples folder as workspace, open the file.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median, printTable } from './common.mjs';

const RUNS = 5;
const examples = resolve('examples');
const server = resolve('dist/server.js');

function tocFiles(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? tocFiles(path) : entry.name.endsWith('.toc') ? [path] : [];
    });
}

const largest = tocFiles(examples).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const text = readFileSync(largest, 'utf8');
const uri = pathToFileURL(largest).href;

async function once() {
    const started = performance.now();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    const published = new Promise(done =>
        connection.onNotification('textDocument/publishDiagnostics', params => {
            if (params.uri === uri) {
                done(params);
            }
        }),
    );
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        capabilities: {},
        rootUri: pathToFileURL(examples).href,
        workspaceFolders: [{ uri: pathToFileURL(examples).href, name: 'examples' }],
    });
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'toc', version: 1, text } });
    const { diagnostics } = await published;
    const elapsed = performance.now() - started;
    connection.dispose();
    const exited = new Promise(done => child.once('exit', done));
    child.kill();
    await exited;
    return { elapsed, findings: diagnostics.length };
}

const samples = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
    const result = await once();
    samples.push(result.elapsed);
    findings = result.findings;
}
printTable(`Server start to first diagnostics (${RUNS} runs)`, [
    ['file', 'lines', 'findings', 'median ms', 'min ms', 'max ms'],
    [
        largest.replace(`${examples}/`, 'examples/'),
        text.split('\n').length,
        findings,
        median(samples).toFixed(0),
        Math.min(...samples).toFixed(0),
        Math.max(...samples).toFixed(0),
    ],
]);
// Every server has exited, yet under Node 20 the disposed JSON-RPC streams sometimes keep the
// process waiting for ever: end it explicitly.
process.exit(0);
