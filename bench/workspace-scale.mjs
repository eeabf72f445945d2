// Workspace scale: does the cost of working on one model follow that model, or the workspace?
// Generated folders of 0, 100, 1,000 and 10,000 small programmes (generateSmallModel: five causal
// nodes, about 1.3 KB each, unrelated to one another), plus one 10-node model (generateTocModel(10))
// that the editor opens and edits. For each folder, in a fresh server over stdio:
//   1. first diagnostics: from `initialized` (sent with the didOpen of the model straight after, as
//      an editor restores its open files) to the model's publishDiagnostics;
//   2. workspace loaded: until the server's CPU time stops growing (100 ms samples, 1 s still),
//      which is when every file of the folder has been read, parsed and linked;
//   3. edit-to-diagnostics: median and 95th percentile of one-character edits in the model,
//      once the workspace is loaded;
//   4. memory: the server's resident memory after the edits.
// Then `toc check` of the same folder in a fresh process (median of BENCH_RUNS runs), and its cost
// per file.
// Environment: BENCH_WORKSPACE_SIZES (default 0,100,1000,10000), BENCH_EDITS (default 40),
// BENCH_RUNS (default 3).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateSmallModel, generateTocModel } from './generate-models.mjs';
import {
    measureRuns,
    median,
    ms,
    plural,
    printTable,
    progress,
    ratio,
    requireBuilt,
    stdioServer,
    verdict,
} from './common.mjs';

const SIZES = (process.env.BENCH_WORKSPACE_SIZES ?? '0,100,1000,10000')
    .split(',')
    .map(Number)
    .filter(n => n >= 0);
const EDITS = Math.max(5, Number(process.env.BENCH_EDITS ?? 40));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGETS = { editRatio: 2, editMs: 50, firstDiagnosticsMs: 10_000, checkMs: 10_000, perFileGrowth: 1.5 };

const server = resolve('dist/server.js');
const cli = resolve('dist/cli.js');
// Outside the repository: the checker skips what .gitignore lists, .bench/ included.
const root = join(tmpdir(), 'toc-bench-workspaces');
requireBuilt(server);
requireBuilt(cli);

const sleep = delay => new Promise(done => setTimeout(done, delay));
const percentile = (values, p) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** A folder of `count` small programmes and the model the editor works on; reused when present. */
function prepareFolder(count) {
    const folder = join(root, String(count));
    const marker = join(folder, '.complete');
    if (!existsSync(marker)) {
        rmSync(folder, { recursive: true, force: true });
        // A hundred files to a folder, as a large organisation might file its programmes.
        for (let i = 0; i < count; i++) {
            const sub = join(folder, 'programmes', `group-${String(Math.floor(i / 100)).padStart(3, '0')}`);
            if (i % 100 === 0) {
                mkdirSync(sub, { recursive: true });
            }
            writeFileSync(join(sub, `ward-${i}.toc`), generateSmallModel(i));
        }
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'model.toc'), generateTocModel(10));
        writeFileSync(marker, '');
    }
    return folder;
}

function cpuTicks(pid) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function rssMb(pid) {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

async function measureServer(folder) {
    const path = join(folder, 'model.toc');
    const uri = pathToFileURL(path).href;
    let text = readFileSync(path, 'utf8');
    const { child, connection, nextPublish } = stdioServer(server, uri);
    const folderUri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'bench' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    const first = nextPublish();
    const started = performance.now();
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'toc', version: 1, text } });
    const firstMs = (await first) - started;

    // Loaded: the server's CPU time stands still for a second.
    let ticks = cpuTicks(child.pid);
    let stillSince = performance.now();
    while (performance.now() - stillSince < 1000) {
        await sleep(100);
        const now = cpuTicks(child.pid);
        if (now !== ticks) {
            ticks = now;
            stillSince = performance.now();
        }
    }
    const loadedMs = stillSince - started;

    // Edits: one character typed into a description, then deleted, so the model stays as it was.
    const offset = text.indexOf('description "') + 'description "'.length + 3;
    const position = (() => {
        const before = text.slice(0, offset).split('\n');
        return { line: before.length - 1, character: before.at(-1).length };
    })();
    const samples = [];
    for (let i = 0; i < EDITS; i++) {
        const insert = i % 2 === 0;
        text = insert
            ? text.slice(0, offset) + 'x' + text.slice(offset)
            : text.slice(0, offset) + text.slice(offset + 1);
        const range = insert
            ? { start: position, end: position }
            : { start: position, end: { line: position.line, character: position.character + 1 } };
        const published = nextPublish();
        const sent = performance.now();
        connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: [{ range, text: insert ? 'x' : '' }],
        });
        samples.push((await published) - sent);
    }
    const memory = rssMb(child.pid);
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    await new Promise(done => child.once('exit', done));
    connection.dispose();
    return { firstMs, loadedMs, editMedian: median(samples), editP95: percentile(samples, 95), memory };
}

const notes = [];
const results = [];
for (const size of SIZES) {
    progress(`${plural(size)} small models: preparing the folder...`);
    const folder = prepareFolder(size);
    progress(`${plural(size)} small models: the server...`);
    const serverResult = await measureServer(folder);
    progress(
        `${plural(size)} small models: first diagnostics ${ms(serverResult.firstMs)} ms, loaded ${ms(serverResult.loadedMs)} ms, edit ${ms(serverResult.editMedian)} ms`,
    );
    const check = measureRuns(
        `toc check, ${plural(size)} models`,
        process.execPath,
        [cli, 'check', folder, '--format', 'json'],
        {
            runs: RUNS,
            slowRunMs: 60_000,
            timeoutMs: 20 * 60_000,
            notes,
            exitCodes: [0, 1],
        },
    );
    results.push({ size, files: size + 1, ...serverResult, check });
}

const empty = results.find(r => r.size === 0);
const at = size => results.find(r => r.size === size);
printTable('Workspace scale: the language server (medians; one fresh server per folder)', [
    [
        'models in the folder',
        'first diagnostics (ms)',
        'whole folder loaded (ms)',
        'edit to diagnostics (ms)',
        'edit p95 (ms)',
        'edit vs empty folder',
        'memory (MB)',
    ],
    ...results.map(r => [
        plural(r.size),
        ms(r.firstMs),
        ms(r.loadedMs),
        ms(r.editMedian),
        ms(r.editP95),
        empty ? ratio(r.editMedian / empty.editMedian) : '-',
        r.memory.toFixed(0),
    ]),
]);
printTable('Workspace scale: toc check of the whole folder (fresh process each run)', [
    ['models in the folder', 'toc check (ms, median)', 'runs', 'per file (ms)'],
    ...results.map(r => [
        plural(r.size),
        r.check.failed ? `FAILED: ${r.check.failed}` : ms(r.check.median),
        r.check.runs ?? 0,
        r.check.failed ? '-' : (r.check.median / r.files).toFixed(2),
    ]),
]);

const largest = at(10_000);
const thousand = at(1_000);
if (largest && empty && thousand && !largest.check.failed && !thousand.check.failed) {
    const editRatio = largest.editMedian / empty.editMedian;
    const growth = largest.check.median / largest.files / (thousand.check.median / thousand.files);
    printTable('Targets', [
        ['target', 'figure', 'verdict'],
        [
            `edit at 10,000 models within ${TARGETS.editRatio}x of an empty folder`,
            ratio(editRatio),
            verdict(editRatio <= TARGETS.editRatio),
        ],
        [
            `edit at 10,000 models under ${TARGETS.editMs} ms`,
            `${ms(largest.editMedian)} ms`,
            verdict(largest.editMedian < TARGETS.editMs),
        ],
        [
            `first diagnostics at 10,000 models within ${TARGETS.firstDiagnosticsMs / 1000} s`,
            `${ms(largest.firstMs)} ms`,
            verdict(largest.firstMs <= TARGETS.firstDiagnosticsMs),
        ],
        [
            `toc check of 10,000 models within ${TARGETS.checkMs / 1000} s`,
            `${ms(largest.check.median)} ms`,
            verdict(largest.check.median <= TARGETS.checkMs),
        ],
        [
            `toc check cost per file at 10,000 within ${TARGETS.perFileGrowth}x of at 1,000`,
            ratio(growth),
            verdict(growth <= TARGETS.perFileGrowth),
        ],
    ]);
}
notes.forEach(note => console.log(`Note: ${note}`));
