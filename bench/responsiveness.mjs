// Editor responsiveness of the bundled language server, as an editor sees it over stdio: on
// generated models of 200, 2,000 and 10,000 causal nodes, each in a fresh server process,
//   1. edit-to-diagnostics: time from sending a one-character `textDocument/didChange` to the
//      `publishDiagnostics` for that document (median and 95th percentile);
//   2. completion: `textDocument/completion` right after `owner ` in an activity (names offered);
//   3. memory: the server's resident memory after the first edit and after 1,000 more edits.
// Environment: BENCH_SIZES (e.g. "200,2000"), BENCH_EDITS (50), BENCH_COMPLETIONS (20),
// BENCH_MEMORY_EDITS (1000), BENCH_MEMORY_WAIT_EVERY (1: send each memory edit on its own and wait
// for its diagnostics; n: send n edits in one notification and wait for its diagnostics; auto
// (default): 1 when that takes at most two minutes at the measured edit latency, else 10),
// BENCH_PROFILE (auto | 0 | 1: profile a few edits at the largest size with `node --cpu-prof` when a
// target is missed, never, always). Progress goes to stderr.
//
// Why not send edits back to back without waiting: the server cancels the build an edit started
// when the next arrives, but only between phases, so most of each build (the parse of the whole
// file) is done anyway; at 2,000 nodes ten edits sent back to back cost about four full builds.
//
// Edits arrive as the server asks (Langium announces incremental sync: a one-character range edit,
// alternately inserting a character into a description string and deleting it, so the model stays
// valid). Langium publishes diagnostics without a version, so an edit is timed to the next publish
// for the document; the client waits for it before the next edit. When the `ws` package can be
// loaded, the servers run with the inspector on (no session until a memory reading: negligible
// cost) and the memory table adds the live heap after a forced full GC, which tells memory the
// server keeps from garbage it has not collected yet.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateTocModel } from './generate-models.mjs';
import { median, printTable } from './common.mjs';

const numberList = (value, fallback) =>
    (value ?? fallback)
        .split(',')
        .map(s => Number(s.trim().replace(/_/g, '')))
        .filter(n => n > 0);
const SIZES = numberList(process.env.BENCH_SIZES, '200,2000,10000');
const EDITS = Math.max(2, Number(process.env.BENCH_EDITS ?? 50));
const COMPLETIONS = Math.max(1, Number(process.env.BENCH_COMPLETIONS ?? 20));
const MEMORY_EDITS = Math.max(0, Number(process.env.BENCH_MEMORY_EDITS ?? 1000));
const WAIT_EVERY =
    process.env.BENCH_MEMORY_WAIT_EVERY && process.env.BENCH_MEMORY_WAIT_EVERY !== 'auto'
        ? Math.max(1, Number(process.env.BENCH_MEMORY_WAIT_EVERY))
        : 'auto';
const PROFILE = process.env.BENCH_PROFILE ?? 'auto';
const TIMEOUT_MS = 300_000;

/** Targets: median edit-to-diagnostics by model size, and memory growth over the edits. */
const EDIT_TARGET_MS = { 2000: 100, 10000: 500 };
const MEMORY_TARGET_RATIO = 1.5;

const server = resolve('dist/server.js');
const serverMain = resolve('dist/server-main.js');
const workDir = resolve('.bench/responsiveness');
const profileDir = resolve('.bench/prof');

const percentile = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = value => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const mb = kb => (kb / 1024).toFixed(1);
const sleep = delay => new Promise(done => setTimeout(done, delay));
const benchStarted = performance.now();
/** A progress line on stderr, so a long run shows where it is. */
const progress = message =>
    process.stderr.write(`  [${((performance.now() - benchStarted) / 1000).toFixed(0)} s] ${message}\n`);
/** A timeout for a race, which does not keep the benchmark alive once the race is won. */
const deadline = delay => new Promise(done => setTimeout(done, delay).unref());
const WebSocketClient = await import('ws').then(module => module.WebSocket ?? module.default).catch(() => undefined);

/** The live V8 heap of a server after a forced full GC, through its inspector (undefined if unavailable). */
async function heapAfterGc(inspectorUrl) {
    if (!WebSocketClient || !inspectorUrl) {
        return undefined;
    }
    const socket = new WebSocketClient(inspectorUrl);
    try {
        await new Promise((done, fail) => {
            socket.once('open', done);
            socket.once('error', fail);
        });
        let id = 0;
        const call = (method, params = {}) =>
            new Promise((done, fail) => {
                const callId = ++id;
                const onMessage = data => {
                    const message = JSON.parse(String(data));
                    if (message.id === callId) {
                        socket.off('message', onMessage);
                        if (message.error) {
                            fail(new Error(message.error.message));
                        } else {
                            done(message.result);
                        }
                    }
                };
                socket.on('message', onMessage);
                socket.send(JSON.stringify({ id: callId, method, params }));
            });
        await call('HeapProfiler.collectGarbage');
        const { usedSize } = await call('Runtime.getHeapUsage');
        return usedSize / 1024; // kB, like /proc
    } catch {
        return undefined;
    } finally {
        socket.close();
    }
}

function memoryOf(pid) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), peak: field('VmHWM') };
}

function loadNote() {
    const [one, five] = loadavg();
    const cores = cpus().length;
    const high = one > cores * 0.75 || five > cores * 0.75;
    return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cores} CPUs${high ? ' -- HIGH: the machine is busy, timings are noisy' : ''}`;
}

/** A model file for `size` nodes on disk, and where to edit it and ask for completion. */
function prepareModel(size) {
    const text = generateTocModel(size);
    mkdirSync(workDir, { recursive: true });
    const path = join(workDir, `model-${size}.toc`);
    writeFileSync(path, text);
    const lines = text.split('\n');
    const middle = lines.length / 2;
    const nearestMiddle = predicate =>
        lines
            .map((line, index) => ({ line, index }))
            .filter(({ line }) => predicate(line))
            .sort((a, b) => Math.abs(a.index - middle) - Math.abs(b.index - middle))[0];
    // The edit: one character inside a description string near the middle of the file.
    const description = nearestMiddle(line => /^\s+description "[^"]{8,}"/.test(line));
    const edit = { line: description.index, character: description.line.indexOf('"') + 5 };
    // Completion: right after `owner ` in the middle activity (before the owner's name).
    const activities = lines.flatMap((line, index) => (line.startsWith('activity ') ? [index] : []));
    const activity = activities[Math.floor(activities.length / 2)];
    const ownerLine = lines.findIndex((line, index) => index > activity && /^\s+owner \w/.test(line));
    const completion = { line: ownerLine, character: lines[ownerLine].indexOf('owner ') + 'owner '.length };
    return { path, uri: pathToFileURL(path).href, text, lines: lines.length, edit, completion };
}

/** Starts a server and opens the model; resolves once the first diagnostics for it have arrived. */
async function startServer(model, argv = [...(WebSocketClient ? ['--inspect=127.0.0.1:0'] : []), server, '--stdio']) {
    const child = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let inspectorUrl;
    child.stderr.on('data', chunk => {
        stderr = (stderr + chunk).slice(-4000);
        inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
    });
    const exited = new Promise(done => child.on('exit', (code, signal) => done({ code, signal })));
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );

    // Publishes for the model, in order: each waiter takes the next one after it was registered.
    const waiters = [];
    let stray = 0;
    let publishes = 0;
    let lastDiagnostics = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        if (params.uri !== model.uri) {
            return;
        }
        const at = performance.now();
        publishes++;
        lastDiagnostics = params.diagnostics;
        const waiter = waiters.shift();
        if (waiter) {
            waiter({ at, params });
        } else {
            stray++;
        }
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest(() => null);
    connection.onNotification(() => undefined);
    connection.listen();

    const nextPublish = () => {
        let timer;
        const promise = new Promise((done, fail) => {
            waiters.push(done);
            timer = setTimeout(
                () =>
                    fail(
                        new Error(
                            `no diagnostics for ${model.uri} within ${TIMEOUT_MS / 1000} s; server stderr:\n${stderr}`,
                        ),
                    ),
                TIMEOUT_MS,
            );
        });
        return promise.finally(() => clearTimeout(timer));
    };

    const initializeResult = await connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'bench/responsiveness' },
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
            textDocument: {
                synchronization: { didSave: false, dynamicRegistration: false },
                publishDiagnostics: {
                    relatedInformation: true,
                    versionSupport: true,
                    codeDescriptionSupport: true,
                    dataSupport: true,
                },
                completion: { completionItem: { snippetSupport: true } },
            },
            workspace: { configuration: true },
        },
    });
    connection.sendNotification('initialized', {});

    const sync = initializeResult.capabilities.textDocumentSync;
    const syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1); // 1 full, 2 incremental
    let version = 1;
    let text = model.text;
    const opened = performance.now();
    const firstPublish = nextPublish();
    connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: model.uri, languageId: 'toc', version, text },
    });
    const openFindings = (await firstPublish).params.diagnostics.length;
    const openMs = performance.now() - opened;

    // Edits type into a description string and then delete what they typed, one character an
    // edit, so the model is valid after every edit and its text never drifts: single edits insert
    // a character and delete it again; `count` edits in one notification (as an editor sends
    // changes it has coalesced, which the server builds once) type `count` characters, and the
    // next notification deletes them. (A notification must change the text: Langium does not
    // reparse, nor publish anything new, for a document whose text is as it was.)
    const lineOffset =
        model.text
            .split('\n')
            .slice(0, model.edit.line)
            .reduce((sum, line) => sum + line.length + 1, 0) + model.edit.character;
    let typed = 0;
    let direction = 1;
    const sendEdit = (count = 1) => {
        const contentChanges = [];
        for (let i = 0; i < count; i++) {
            version++;
            direction = typed === 0 ? 1 : typed >= count ? -1 : direction;
            const { line } = model.edit;
            const character = model.edit.character + typed;
            const offset = lineOffset + typed;
            if (direction > 0) {
                text = text.slice(0, offset) + 'x' + text.slice(offset);
                contentChanges.push({ range: { start: { line, character }, end: { line, character } }, text: 'x' });
                typed++;
            } else {
                text = text.slice(0, offset - 1) + text.slice(offset);
                contentChanges.push({
                    range: { start: { line, character: character - 1 }, end: { line, character } },
                    text: '',
                });
                typed--;
            }
        }
        connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: model.uri, version },
            contentChanges: syncKind === 2 ? contentChanges : [{ text }],
        });
    };
    /** One edit, timed from sending the change to its diagnostics. */
    const timedEdit = async () => {
        const published = nextPublish();
        const sent = performance.now();
        sendEdit();
        const { at } = await published;
        return at - sent;
    };

    const stop = async () => {
        try {
            await Promise.race([connection.sendRequest('shutdown'), deadline(10_000)]);
            connection.sendNotification('exit');
        } catch {
            // The server is gone already.
        }
        const result = await Promise.race([exited, deadline(30_000).then(() => undefined)]);
        if (!result) {
            child.kill();
            await exited;
        }
        connection.dispose();
    };

    return {
        child,
        connection,
        syncKind,
        openMs,
        openFindings,
        nextPublish,
        sendEdit,
        timedEdit,
        stop,
        heapAfterGc: () => heapAfterGc(inspectorUrl),
        get publishes() {
            return publishes;
        },
        get stray() {
            return stray;
        },
        get diagnostics() {
            return lastDiagnostics;
        },
        get stderr() {
            return stderr;
        },
    };
}

async function measure(size) {
    const model = prepareModel(size);
    progress(
        `${size} nodes: starting the server and opening the model (${(model.text.length / 1024).toFixed(0)} KB)...`,
    );
    const session = await startServer(model);
    const { connection, child } = session;
    progress(`${size} nodes: first diagnostics after ${ms(session.openMs)} ms; ${EDITS} timed edits...`);
    // Let the server finish anything it started after the first publish (nothing is expected).
    await sleep(200);

    // 1. Edit to diagnostics.
    const editSamples = [];
    let afterFirst;
    for (let i = 0; i < EDITS; i++) {
        editSamples.push(await session.timedEdit());
        if (i === 0) {
            afterFirst = memoryOf(child.pid);
            afterFirst.heap = await session.heapAfterGc();
        }
    }

    // 2. Completion after `owner `.
    progress(`${size} nodes: edits median ${ms(median(editSamples))} ms; ${COMPLETIONS} completions...`);
    const completionSamples = [];
    let offered = 0;
    for (let i = 0; i < COMPLETIONS; i++) {
        const started = performance.now();
        const result = await connection.sendRequest('textDocument/completion', {
            textDocument: { uri: model.uri },
            position: model.completion,
            context: { triggerKind: 1 },
        });
        completionSamples.push(performance.now() - started);
        offered = Array.isArray(result) ? result.length : (result?.items?.length ?? 0);
    }

    // 3. Memory over many quick edits: wait for the diagnostics of every edit or, where that would
    // take too long, send the edits in notifications of `every` changes and wait for each one's.
    const every = WAIT_EVERY === 'auto' ? (median(editSamples) * MEMORY_EDITS <= 120_000 ? 1 : 10) : WAIT_EVERY;
    const publishesBefore = session.publishes;
    const memoryStarted = performance.now();
    progress(
        `${size} nodes: ${MEMORY_EDITS} memory edits, ${every === 1 ? 'one a notification' : `${every} a notification`}...`,
    );
    for (let done = 0; done < MEMORY_EDITS;) {
        const count = Math.min(every, MEMORY_EDITS - done);
        const published = session.nextPublish();
        session.sendEdit(count);
        await published;
        done += count;
    }
    const memorySeconds = (performance.now() - memoryStarted) / 1000;
    const builds = session.publishes - publishesBefore;
    await sleep(50);
    const afterMany = memoryOf(child.pid);
    afterMany.heap = await session.heapAfterGc();
    const findings = session.diagnostics.length;
    const stray = session.stray;
    await session.stop();

    return {
        size,
        lines: model.lines,
        chars: model.text.length,
        syncKind: session.syncKind,
        openMs: session.openMs,
        openFindings: session.openFindings,
        findings,
        stray,
        edits: editSamples,
        completions: completionSamples,
        offered,
        afterFirst,
        afterMany,
        memorySeconds,
        every,
        builds,
        completionAt: model.completion,
    };
}

/**
 * The server to profile: the production bundle is minified, so when esbuild can, bundle the
 * working tree's sources unminified into .bench/ (names intact, each module marked with a `// path`
 * comment, so time can be put down to the module it is spent in); else profile
 * dist/server-main.js itself. (The timed runs always use dist/server.js.)
 */
async function profiledServer() {
    try {
        const esbuild = await import('esbuild');
        const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
        const outfile = resolve('.bench/server-profiled.js');
        await esbuild.build({
            entryPoints: ['server/src/main.ts'],
            outfile,
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'esm',
            mainFields: ['module', 'main'],
            define: { __TOC_VERSION__: JSON.stringify(version) },
            banner: {
                js: "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);",
            },
            logLevel: 'silent',
        });
        // Where each module starts in the bundle: [line (0-based), module path].
        const modules = [];
        readFileSync(outfile, 'utf8')
            .split('\n')
            .forEach((line, index) => {
                const marker = /^\/\/ ((?:node_modules|language|server)\/\S+)$/.exec(line);
                if (marker) {
                    modules.push([index, marker[1].replace(/^node_modules\//, '')]);
                }
            });
        return {
            path: outfile,
            label: 'server/src/main.ts bundled unminified from the working tree (.bench/server-profiled.js)',
            modules,
        };
    } catch (error) {
        return {
            path: serverMain,
            label: `dist/server-main.js (minified; unminified bundle failed: ${error.message.split('\n')[0]})`,
            modules: [],
        };
    }
}

function moduleAt(modules, line) {
    let low = 0;
    let high = modules.length - 1;
    let found;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (modules[mid][0] <= line) {
            found = modules[mid][1];
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return found;
}

/** One extra run at `size` under `node --cpu-prof`: open, a few timed edits, and where their time goes. */
async function profile(size, edits = 10) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
    const target = await profiledServer();
    const model = prepareModel(size);
    const session = await startServer(model, ['--cpu-prof', '--cpu-prof-dir', profileDir, target.path, '--stdio']);
    await sleep(200);
    // The edit window on the monotonic clock that V8's profile timestamps use (microseconds).
    const from = Number(process.hrtime.bigint() / 1000n);
    const samples = [];
    for (let i = 0; i < edits; i++) {
        samples.push(await session.timedEdit());
    }
    const to = Number(process.hrtime.bigint() / 1000n);
    await session.stop();
    const file = readdirSync(profileDir).find(name => name.endsWith('.cpuprofile'));
    if (!file) {
        console.log(`\nNo CPU profile was written to ${profileDir}.`);
        return;
    }
    const cpuProfile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));
    const byId = new Map(cpuProfile.nodes.map(node => [node.id, node]));
    const tally = onlyWindow => {
        const byFunction = new Map();
        const byModule = new Map();
        let total = 0;
        let time = cpuProfile.startTime;
        for (let i = 0; i < cpuProfile.samples.length; i++) {
            time += cpuProfile.timeDeltas[i];
            const delta = cpuProfile.timeDeltas[i + 1] ?? 0;
            if (onlyWindow && (time < from || time > to)) {
                continue;
            }
            const { callFrame } = byId.get(cpuProfile.samples[i]);
            const inBundle = callFrame.url.endsWith(target.path.replace(/^.*\//, ''));
            const module = inBundle ? moduleAt(target.modules, callFrame.lineNumber) : undefined;
            const where = !callFrame.url
                ? ''
                : module
                  ? `${module} [bundle line ${callFrame.lineNumber + 1}]`
                  : `${callFrame.url.replace(/^.*\//, '')}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
            const key = `${callFrame.functionName || '(anonymous)'}\t${where}`;
            byFunction.set(key, (byFunction.get(key) ?? 0) + delta);
            const group = module ?? (callFrame.url ? callFrame.url.replace(/^.*\//, '') : callFrame.functionName);
            byModule.set(group, (byModule.get(group) ?? 0) + delta);
            total += delta;
        }
        return { byFunction, byModule, total };
    };
    let tallied = tally(true);
    const windowed = tallied.total > 0;
    if (!windowed) {
        tallied = tally(false);
    }
    const { byFunction, byModule, total } = tallied;
    const share = us => `${((100 * us) / total).toFixed(1)}%`;
    const cut = (text, width) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
    console.log(
        `\nWhere the time goes: ${size} nodes, ${edits} edits of ${target.label} under --cpu-prof (median ${ms(median(samples))} ms an edit),` +
            ` ${windowed ? `${(total / 1000).toFixed(0)} ms of samples during the edits` : 'samples of the whole run (the edit window was not found in the profile)'}; profile in ${profileDir.replace(`${resolve('.')}/`, '')}/`,
    );
    printTable('Top 15 functions by self time', [
        ['self ms', 'share', 'function', 'where'],
        ...[...byFunction.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 15)
            .map(([key, us]) => {
                const [name, where] = key.split('\t');
                return [(us / 1000).toFixed(0), share(us), cut(name, 50), cut(where, 100)];
            }),
    ]);
    printTable('Top 10 modules by self time', [
        ['self ms', 'share', 'module'],
        ...[...byModule.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10)
            .map(([module, us]) => [(us / 1000).toFixed(0), share(us), cut(module, 90)]),
    ]);
}

// ---------------------------------------------------------------- run

const started = performance.now();
console.log(
    `\nResponsiveness benchmark: sizes ${SIZES.join(', ')}; ${EDITS} timed edits, ${COMPLETIONS} completions, ${MEMORY_EDITS} memory edits (${WAIT_EVERY === 'auto' ? 'one a notification, or 10 when waiting for each would take over two minutes' : `${WAIT_EVERY} a notification`}, waiting for the diagnostics of each notification).`,
);
console.log(`At start: ${loadNote()}`);

const results = [];
for (const size of SIZES) {
    const result = await measure(size);
    results.push(result);
    console.log(
        `  ${size} nodes: done (open ${ms(result.openMs)} ms, edits median ${ms(median(result.edits))} ms, ${result.memorySeconds.toFixed(1)} s for the memory edits); ${loadNote()}`,
    );
}

const syncName = kind => ({ 0: 'none', 1: 'full', 2: 'incremental' })[kind] ?? String(kind);
printTable(
    `Edit to diagnostics (${EDITS} one-character edits each, ${syncName(results[0].syncKind)} sync; target: median within the limit)`,
    [
        [
            'nodes',
            'lines',
            'KB',
            'findings',
            'open to first diagnostics ms',
            'median ms',
            'p95 ms',
            'min ms',
            'max ms',
            'target median',
            'met',
        ],
        ...results.map(r => {
            const target = EDIT_TARGET_MS[r.size];
            return [
                r.size,
                r.lines,
                (r.chars / 1024).toFixed(0),
                r.findings,
                ms(r.openMs),
                ms(median(r.edits)),
                ms(percentile(r.edits, 95)),
                ms(Math.min(...r.edits)),
                ms(Math.max(...r.edits)),
                target ? `<= ${target} ms` : '-',
                target ? (median(r.edits) <= target ? 'yes' : 'NO') : '-',
            ];
        }),
    ],
);

printTable(`Completion after \`owner \` in an activity (${COMPLETIONS} requests each)`, [
    ['nodes', 'position', 'items offered', 'median ms', 'p95 ms', 'min ms', 'max ms'],
    ...results.map(r => [
        r.size,
        `${r.completionAt.line + 1}:${r.completionAt.character + 1}`,
        r.offered,
        ms(median(r.completions)),
        ms(percentile(r.completions, 95)),
        ms(Math.min(...r.completions)),
        ms(Math.max(...r.completions)),
    ]),
]);

printTable(
    `Server memory (VmRSS) after the first edit and after ${EDITS - 1 + MEMORY_EDITS} more (the last ${MEMORY_EDITS} quickly, waiting for the diagnostics of each notification); target: within ${MEMORY_TARGET_RATIO}x`,
    [
        [
            'nodes',
            'after first edit MB',
            `after ${EDITS + MEMORY_EDITS} edits MB`,
            'ratio',
            'target',
            'met',
            'peak RSS MB',
            ...(WebSocketClient ? ['live heap after GC: first, last MB'] : []),
            'edits a notification',
            'builds published',
            `${MEMORY_EDITS} edits took s`,
        ],
        ...results.map(r => {
            const ratio = r.afterMany.rss / r.afterFirst.rss;
            const heap =
                r.afterFirst.heap && r.afterMany.heap
                    ? `${mb(r.afterFirst.heap)}, ${mb(r.afterMany.heap)} (${(r.afterMany.heap / r.afterFirst.heap).toFixed(2)}x)`
                    : 'n/a';
            return [
                r.size,
                mb(r.afterFirst.rss),
                mb(r.afterMany.rss),
                `${ratio.toFixed(2)}x`,
                `<= ${MEMORY_TARGET_RATIO}x`,
                ratio <= MEMORY_TARGET_RATIO ? 'yes' : 'NO',
                mb(r.afterMany.peak),
                ...(WebSocketClient ? [heap] : []),
                r.every,
                r.builds,
                r.memorySeconds.toFixed(1),
            ];
        }),
    ],
);

const drifted = results.filter(r => r.findings !== r.openFindings);
if (drifted.length > 0) {
    console.log(
        `\nNote: the findings after the edits differ from those on opening (${drifted.map(r => `${r.openFindings} -> ${r.findings} at ${r.size} nodes`).join(', ')}); the edits may not have left the model as it was.`,
    );
}
const strays = results.filter(r => r.stray > 0);
if (strays.length > 0) {
    console.log(
        `\nNote: unrequested diagnostics arrived (${strays.map(r => `${r.stray} at ${r.size} nodes`).join(', ')}); an edit may have been timed against an earlier publish.`,
    );
}

const missed = results.some(
    r =>
        (EDIT_TARGET_MS[r.size] && median(r.edits) > EDIT_TARGET_MS[r.size]) ||
        r.afterMany.rss / r.afterFirst.rss > MEMORY_TARGET_RATIO,
);
if (PROFILE === '1' || (PROFILE === 'auto' && missed)) {
    if (missed) {
        console.log('\nA target was missed; profiling one more run at the largest size.');
    }
    await profile(Math.max(...SIZES));
}

console.log(`\nAt end: ${loadNote()}`);
console.log(`Total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
