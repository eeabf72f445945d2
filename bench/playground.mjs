/* global document */
// The playground in headless Chromium (Debian's, at /usr/bin/chromium), served from dist/playground
// by a local static server, as any static host serves it:
//   1. first load: the bytes the page fetches until its first findings, gzipped as a host sends
//      them (each file compressed on its own, at level 9);
//   2. first findings on the largest example (the Safer Patients Initiative's phase 2, with its
//      shared imports and data): milliseconds from the start of the page load, as the page
//      records them (median of fresh pages);
//   3. keystroke to findings in a 200-node model, opened from a share link: the median time from a
//      typed character to the findings the worker sends back for it.
// Not part of the tests; run with `npm run bench`, or on its own with `node bench/playground.mjs`
// after a build. Environment: BENCH_RUNS (fresh pages for 2, default 5), BENCH_EDITS (for 3, 30).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/chromium.mjs';
import { generateTocModel } from './generate-models.mjs';
import { median, printTable, requireBuilt, verdict } from './common.mjs';
import { serveStatic } from '../scripts/serve-static.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const EDITS = Math.max(2, Number(process.env.BENCH_EDITS) || 30);
const TARGETS = { firstLoadBytes: 3 * 1024 * 1024, firstFindingsMs: 1500, keystrokeMs: 100 };
const LARGEST = 'safer-patients-initiative/spi2.toc';

const site = resolve('dist/playground');
requireBuilt(join(site, 'index.html'));
const server = await serveStatic(site);
const address = server.address;
const browser = await launchChromium();

/** A fresh page at `url`, once its first findings are shown, with the files it fetched. */
async function openFresh(url) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const page = await context.newPage();
    const fetched = new Set();
    page.on('requestfinished', request => fetched.add(new URL(request.url()).pathname));
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.firstFindingsMs, null, {
        timeout: 60_000,
    });
    const firstFindingsMs = Number(await page.getAttribute('#status', 'data-first-findings-ms'));
    return { context, page, fetched, firstFindingsMs };
}

// 1 and 2.
const firstFindings = [];
let firstLoad;
for (let run = 0; run < RUNS; run++) {
    const { context, fetched, firstFindingsMs } = await openFresh(`${address}#example=${LARGEST}`);
    firstFindings.push(firstFindingsMs);
    firstLoad ??= [...fetched].map(path => {
        const file = join(site, path === '/' ? 'index.html' : path);
        return { path, gzipped: gzipSync(readFileSync(file), { level: 9 }).length };
    });
    await context.close();
}
const firstLoadBytes = firstLoad.reduce((sum, file) => sum + file.gzipped, 0);

// 3: the model in a share link's fragment, as the page encodes it (deflate-raw, base64url).
const model = generateTocModel(200);
const fragment = new URLSearchParams({
    example: 'keystone-icu.toc',
    model: deflateRawSync(Buffer.from(model)).toString('base64url'),
});
const { context, page } = await openFresh(`${address}#${fragment}`);
await page.click('.monaco-editor .view-lines');
await page.keyboard.press('Control+Home');
const updates = async () => Number(await page.getAttribute('#status', 'data-updates'));
const keystrokes = [];
for (let edit = 0; edit < EDITS; edit++) {
    const before = await updates();
    const started = Date.now();
    // Typed at the start of the file and taken away again: a comment line's worth of change.
    await page.keyboard.press(edit % 2 === 0 ? 'Space' : 'Backspace');
    await page.waitForFunction(count => Number(document.getElementById('status').dataset.updates) > count, before);
    keystrokes.push(Date.now() - started);
}
await context.close();
await browser.close();
await server.close();

const kb = bytes => `${(bytes / 1024).toFixed(0)} KB`;
printTable('Playground first load (gzipped, level 9, each file on its own)', [
    ['file', 'gzipped'],
    ...firstLoad.sort((a, b) => b.gzipped - a.gzipped).map(file => [file.path, kb(file.gzipped)]),
    ['all', kb(firstLoadBytes)],
]);
printTable(`Playground speed in headless Chromium (medians)`, [
    ['measurement', 'median ms', 'min', 'max'],
    [
        `first findings on ${LARGEST}, from page load (${RUNS} fresh pages)`,
        String(median(firstFindings)),
        String(Math.min(...firstFindings)),
        String(Math.max(...firstFindings)),
    ],
    [
        `keystroke to findings, 200-node model (${EDITS} keystrokes)`,
        String(median(keystrokes)),
        String(Math.min(...keystrokes)),
        String(Math.max(...keystrokes)),
    ],
]);
printTable('Targets', [
    ['target', 'figure', 'verdict'],
    ['first load at most 3 MB gzipped', kb(firstLoadBytes), verdict(firstLoadBytes <= TARGETS.firstLoadBytes)],
    [
        `first findings on the largest example within ${TARGETS.firstFindingsMs} ms`,
        `${median(firstFindings)} ms`,
        verdict(median(firstFindings) <= TARGETS.firstFindingsMs),
    ],
    [
        `keystroke to findings on 200 nodes within ${TARGETS.keystrokeMs} ms`,
        `${median(keystrokes)} ms`,
        verdict(median(keystrokes) <= TARGETS.keystrokeMs),
    ],
]);
