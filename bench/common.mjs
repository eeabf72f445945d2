// What the benchmarks share: statistics, tables, progress lines, timing fresh processes, and
// installing the peer tools they compare against.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints rows as an aligned table; the first row is the header. */
export function printTable(title, rows) {
    const widths = rows[0].map((_, column) => Math.max(...rows.map(row => String(row[column]).length)));
    const line = row => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
    console.log(`\n${title}`);
    console.log(line(rows[0]));
    console.log(widths.map(width => '-'.repeat(width)).join('  '));
    rows.slice(1).forEach(row => console.log(line(row)));
}

/** Runs npm, for installing the peer tools the benchmarks compare against. */
export function npm(args, env) {
    // Under `npm run`, npm_execpath is npm's own script; otherwise use the npm on the PATH.
    const execPath = process.env.npm_execpath;
    const [command, prefix] = execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
    return spawnSync(command, [...prefix, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 10 * 60_000,
    });
}

/** Installs npm packages into a scratch folder; returns why it failed (npm's own error code and first message), if it did. */
export function npmInstall(prefix, packages, env) {
    mkdirSync(prefix, { recursive: true });
    const result = npm(
        ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', ...packages],
        env,
    );
    if (!result.error && result.status === 0) {
        return undefined;
    }
    const lines = `${result.stderr ?? ''}`
        .split('\n')
        .filter(line => line.startsWith('npm error') && !/^npm error\s+at /.test(line));
    const code = lines.find(line => line.startsWith('npm error code '))?.slice('npm error code '.length);
    const message = lines.find(line => !/^npm error (code|syscall|errno) /.test(line))?.slice('npm error '.length);
    const summary = [code, message].filter(Boolean).join(': ');
    return `npm install failed (${result.error?.message ?? `exit code ${result.status}`})${summary ? `: ${summary}` : ''}`;
}

/** The version of an installed package, or undefined when it is not installed. */
export function installedVersion(packageFolder) {
    try {
        return JSON.parse(readFileSync(`${packageFolder}/package.json`, 'utf8')).version;
    } catch {
        return undefined;
    }
}

/** Node counts from an environment variable such as BENCH_SIZES=200,2000. */
export function sizesFrom(value, fallback) {
    return (value ?? fallback)
        .split(',')
        .map(Number)
        .filter(n => n > 0);
}

/** Stops with a clear message when the bundles the benchmark runs have not been built. */
export function requireBuilt(path) {
    if (!existsSync(path)) {
        console.error(`${path} is missing: build first (npm run build:prod).`);
        process.exit(1);
    }
}

export const progress = message => process.stderr.write(`  ${message}\n`);
export const ms = value => (value === undefined ? '-' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const ratio = value =>
    value === undefined || !Number.isFinite(value) ? '-' : `${value.toFixed(value >= 10 ? 0 : 1)}x`;
export const verdict = ok => (ok === undefined ? '-' : ok ? 'met' : 'NOT MET');
export const plural = n => n.toLocaleString('en-GB');

/** The line of a failed run's output that says what went wrong: its first error message, else its last line. */
export function errorLine(output) {
    const lines = output
        .split('\n')
        .map(line => line.trim())
        .filter(line => line && !line.startsWith('at '));
    return lines.find(line => /error|abort|out of memory|could not|failed/i.test(line)) ?? lines.at(-1);
}

/**
 * Times `command args` in a fresh process, `runs` times (at most 3 when the first run takes over
 * `slowRunMs`, with a note saying so). A run succeeds when it exits with one of `exitCodes` and
 * `accept(result)` returns no reason against it; a failed run stops the measurement.
 * `before()` runs untimed before each run.
 */
export function measureRuns(
    label,
    command,
    args,
    { runs, slowRunMs, timeoutMs, notes, exitCodes = [0], accept = () => undefined, before = () => {}, env },
) {
    const samples = [];
    const planned = runs;
    const capped = Math.min(3, runs);
    let last;
    for (let i = 0; i < runs; i++) {
        before();
        const begin = performance.now();
        const result = spawnSync(command, args, {
            encoding: 'utf8',
            maxBuffer: 512 * 1024 * 1024,
            timeout: timeoutMs,
            env: env ? { ...process.env, ...env } : undefined,
        });
        const elapsed = performance.now() - begin;
        const why = result.error
            ? result.error.message
            : result.signal
              ? `killed by ${result.signal}`
              : !exitCodes.includes(result.status)
                ? `exit code ${result.status}`
                : accept(result);
        if (why) {
            const detail = errorLine(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
            progress(`${label}: FAILED (${why})`);
            return { label, failed: detail ? `${why}: ${detail}` : why };
        }
        samples.push(elapsed);
        last = result;
        if (i === 0 && elapsed > slowRunMs && runs > capped) {
            runs = capped;
            notes.push(
                `${label}: the first run took ${(elapsed / 1000).toFixed(0)} s, so it was run ${capped} times instead of ${planned}.`,
            );
        }
        progress(`${label}: run ${i + 1}/${runs} ${ms(elapsed)} ms`);
    }
    return {
        label,
        median: median(samples),
        min: Math.min(...samples),
        max: Math.max(...samples),
        runs: samples.length,
        result: last,
    };
}

/**
 * The bundled language server started over stdio, answering the requests a server makes of an
 * editor as an editor with no settings does; `nextPublish()` resolves with the time
 * (`performance.now()`) of the next publish of diagnostics for `uri`.
 */
export function stdioServer(server, uri, timeoutMs = 120_000) {
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
    );
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        if (params.uri === uri) {
            waiters.shift()?.(performance.now());
        }
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest(() => null);
    connection.onNotification(() => undefined);
    connection.listen();
    const nextPublish = () =>
        new Promise((done, fail) => {
            const timer = setTimeout(
                () => fail(new Error(`no diagnostics for ${uri} within ${timeoutMs / 1000} s`)),
                timeoutMs,
            );
            timer.unref();
            waiters.push(at => {
                clearTimeout(timer);
                done(at);
            });
        });
    return { child, connection, nextPublish };
}
