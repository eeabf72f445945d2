// Measures with data: a cold `toc check` of a model of 100 measures, each reading a CSV of 1,000
// points, against the same model with no data; and `toc chart` of all 100 charts as SVG. Every run
// is a fresh process. Not part of the tests; run with `npm run bench`, or on its own with
// `node bench/measures-data.mjs` after a build.
//
// Then the same two models in the language server over stdio, as an editor uses them: the median
// time from a one-character edit to the diagnostics it brings.
//
// Environment: BENCH_RUNS (runs per measurement, default 5), BENCH_EDITS (edits timed in the
// server, default 30).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { measureRuns, median, ms, printTable, ratio, requireBuilt, stdioServer, verdict } from './common.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const EDITS = Math.max(2, Number(process.env.BENCH_EDITS) || 30);
const MEASURES = 100;
const POINTS = 1000;
const TARGETS = {
    dataRatio: 1.3, // the check with data within 1.3x of the check without
    chartsMs: 1000, // all 100 charts as SVG within 1 s (beyond the start of the process)
};

const cli = resolve('dist/cli.js');
const server = resolve('dist/server.js');
const folder = resolve('.bench/measures-data');
requireBuilt(cli);
mkdirSync(join(folder, 'data'), { recursive: true });

/** Daily points from 2023-01-01: a level, a step down where the work starts, some noise (deterministic). */
function series(seed) {
    const rows = ['date,value,denominator'];
    const start = Date.UTC(2023, 0, 1);
    let noise = seed;
    for (let i = 0; i < POINTS; i++) {
        noise = (noise * 1103515245 + 12345) % 2 ** 31;
        const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
        const level = i < 500 ? 30 : 24;
        rows.push(`${date},${level + (noise % 9) - 4},${400 + (noise % 50)}`);
    }
    return rows.join('\n') + '\n';
}

const CHARTS = ['run', 'xmr', 'p', 'u'];
function model(withData) {
    const lines = [
        'programme Bench "Measures with data" { period 2023-01-01 to 2025-12-31 aim Better }',
        'activity Work "The change" { starts 2024-05-15 }',
        'outcome Better "The outcome" { horizon long }',
        'link Work -> Better { mechanism "It works" }',
    ];
    for (let i = 0; i < MEASURES; i++) {
        const data = withData ? ` data "data/m${i}.csv" chart ${CHARTS[i % CHARTS.length]}` : '';
        lines.push(
            `measure M${i} "Measure ${i}" { kind process measures Better direction decrease frequency daily target reach 20${data} }`,
        );
    }
    return lines.join('\n') + '\n';
}

for (let i = 0; i < MEASURES; i++) {
    writeFileSync(join(folder, 'data', `m${i}.csv`), series(i + 1));
}
writeFileSync(join(folder, 'with-data.toc'), model(true));
writeFileSync(join(folder, 'without-data.toc'), model(false));
writeFileSync(join(folder, 'toc.config.json'), '{ "asOf": "2025-10-01" }');

const notes = [];
const options = { runs: RUNS, slowRunMs: 60_000, timeoutMs: 10 * 60_000, notes, exitCodes: [0, 1] };
const run = (label, args) => measureRuns(label, process.execPath, [cli, ...args], options);

const floor = measureRuns('node --version', process.execPath, ['--version'], options);
const without = run('toc check, 100 measures, no data', ['check', join(folder, 'without-data.toc')]);
const withData = run(`toc check, 100 measures of ${POINTS} points`, ['check', join(folder, 'with-data.toc')]);
const charts = run('toc chart, 100 charts as SVG', [
    'chart',
    join(folder, 'with-data.toc'),
    '-o',
    join(folder, 'charts.svg'),
]);
const checkOnly = run('toc check of the same model (the load)', ['check', join(folder, 'with-data.toc')]);

/**
 * The language server with one model open: the median time from a one-character edit (in the
 * programme's title, alternately typed and deleted) to the diagnostics it brings.
 */
async function editToDiagnostics(path) {
    const uri = pathToFileURL(path).href;
    const { connection, nextPublish: published } = stdioServer(server, uri, 60_000);
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
        capabilities: { workspace: { configuration: true } },
    });
    connection.sendNotification('initialized', {});
    const original = readFileSync(path, 'utf8');
    const opened = published();
    connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'toc', version: 1, text: original },
    });
    await opened;
    const times = [];
    for (let version = 2; version < EDITS + 2; version++) {
        // Typed into the title and deleted again, so the model stays as it was every other edit.
        const text = version % 2 === 0 ? original.replace('"Measures with data"', '"Measures with data!"') : original;
        const next = published();
        const sent = performance.now();
        connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ text }],
        });
        times.push((await next) - sent);
    }
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    connection.dispose();
    return median(times);
}

const editWithout = await editToDiagnostics(join(folder, 'without-data.toc'));
const editWith = await editToDiagnostics(join(folder, 'with-data.toc'));

const dataRatio = withData.median / without.median;
// The charts cost what `toc chart` takes beyond loading and checking the model.
const chartsMs = charts.median - checkOnly.median;
printTable(`Measures with data (medians of ${RUNS} runs, fresh processes)`, [
    ['measurement', 'median ms', 'min', 'max'],
    ...[floor, without, withData, charts, checkOnly].map(r => [r.label, ms(r.median), ms(r.min), ms(r.max)]),
]);
printTable(`In the language server (median of ${EDITS} edits, edit to diagnostics)`, [
    ['model', 'median ms'],
    ['100 measures, no data', ms(editWithout)],
    [`100 measures of ${POINTS} points`, ms(editWith)],
    ['ratio', ratio(editWith / editWithout)],
]);
printTable('Targets', [
    ['target', 'figure', 'verdict'],
    [
        `check with data within ${TARGETS.dataRatio}x of without`,
        ratio(dataRatio),
        verdict(dataRatio <= TARGETS.dataRatio),
    ],
    [
        `100 charts as SVG within ${TARGETS.chartsMs} ms (beyond the load)`,
        `${ms(chartsMs)} ms`,
        verdict(chartsMs <= TARGETS.chartsMs),
    ],
]);
notes.forEach(note => console.log(`note: ${note}`));
