/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, hence the DOM types.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import { renderSvg } from '../../language/src/diagram/svg.js';
import { diagramPageHtml } from '../../extension/src/webview/page.js';
import { BASE } from '../support/variants.js';
import { loadModel } from '../support/workspace.js';

const WEBVIEW = fileURLToPath(new URL('../../dist/webview/', import.meta.url));
const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];

const HOSTILE = BASE.replace('"Hourly intentional rounding"', '"<script>alert(1)</script>"').replace(
    '"Fewer inpatient falls"',
    '"\\"><img src=x onerror=alert(1)>"',
);

let browser: Awaited<ReturnType<typeof chromium.launch>>;
let pageUrl: string;
let svg: string;

beforeAll(async () => {
    const model = await loadModel(HOSTILE);
    svg = await renderSvg(diagramOf(model.services, model.document('model.toc'), 'map'));
    // The page as VS Code would serve it, with files in place of webview resources.
    const folder = mkdtempSync(join(tmpdir(), 'toc-webview-'));
    copyFileSync(join(WEBVIEW, 'webview.js'), join(folder, 'webview.js'));
    copyFileSync(join(WEBVIEW, 'webview-style.css'), join(folder, 'webview-style.css'));
    writeFileSync(
        join(folder, 'index.html'),
        diagramPageHtml({
            cspSource: 'file:',
            nonce: 'test-nonce',
            scriptUri: 'webview.js',
            styleUri: 'webview-style.css',
            title: 'Causal map: <b>plan</b>',
        }),
    );
    pageUrl = pathToFileURL(join(folder, 'index.html')).href;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

async function openPage() {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const problems: string[] = [];
    page.on('dialog', dialog => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    page.on('pageerror', error => problems.push(`error: ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') {
            problems.push(`console: ${message.text()}`);
        }
    });
    await page.addInitScript(() => {
        const posted: unknown[] = [];
        (window as unknown as { __posted: unknown[] }).__posted = posted;
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => posted.push(message),
            getState: () => undefined,
            setState: () => undefined,
        });
    });
    await page.goto(pageUrl);
    const posted = () =>
        page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; id?: string }> }).__posted);
    const send = (message: unknown) => page.evaluate(m => window.postMessage(m, '*'), message);
    return { page, problems, posted, send };
}

describe('the diagram preview page, in Chromium', () => {
    test('draws every node, renders markup in labels as text, and runs nothing from the model', async () => {
        const { page, problems, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send({
            type: 'update',
            svg,
            findings: [{ rule: 'no-context', severity: 'warning', message: '<img src=x onerror=alert(2)> no context' }],
        });
        await page.waitForSelector('#stage svg g.node');
        expect(await page.locator('#stage g.toc-node').count()).toBe(3);
        expect(await page.locator('#stage g.toc-edge').count()).toBe(2);
        const text = await page.locator('#stage').textContent();
        expect(text).toContain('<script>alert(1)</script>');
        expect(text).toContain('"><img src=x onerror=alert(1)>');
        expect(await page.locator('#model-findings li').textContent()).toBe(
            '<img src=x onerror=alert(2)> no context (no-context)',
        );
        expect(await page.locator('script:not([nonce]), img, #stage foreignObject').count()).toBe(0);
        expect(await page.title()).toBe('Causal map: <b>plan</b>');
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);

    test('answers a click on a node with a reveal message, and highlights what the editor asks for', async () => {
        const { page, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send({ type: 'update', svg, findings: [] });
        await page.locator('#stage g.node').first().waitFor();
        await page.locator('#node-RoundsDone').click();
        await expect.poll(posted).toContainEqual({ type: 'reveal', id: 'node-RoundsDone' });
        await send({ type: 'highlight', id: 'node-FewerFalls' });
        await expect.poll(() => page.locator('#node-FewerFalls').getAttribute('class')).toContain('highlighted');
        await page.close();
    }, 30_000);

    test("says it is updating while the server works, and takes down another model's drawing at once", async () => {
        const { page, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send({
            type: 'update',
            svg,
            findings: [{ rule: 'no-context', severity: 'warning', message: 'no context' }],
        });
        await page.locator('#stage svg').waitFor();
        // An edit to the same model: the drawing stays, dimmed, until the new one comes.
        await send({ type: 'updating', clear: false });
        await expect.poll(() => page.locator('#status').textContent()).toBe('Updating…');
        expect(await page.locator('#stage svg').count()).toBe(1);
        expect(await page.evaluate(() => document.body.classList.contains('updating'))).toBe(true);
        await send({ type: 'update', svg, findings: [] });
        await expect.poll(() => page.locator('#status').textContent()).toBe('');
        expect(await page.evaluate(() => document.body.classList.contains('updating'))).toBe(false);
        // Another model: nothing of the old one is left on show, and a failure says so.
        await send({ type: 'updating', clear: true });
        await expect.poll(() => page.locator('#stage svg').count()).toBe(0);
        expect(await page.locator('#model-findings li').count()).toBe(0);
        await send({
            type: 'update',
            error: 'The diagram could not be updated: the language server did not answer within 10 s.',
            findings: [],
        });
        await expect.poll(() => page.locator('#status').textContent()).toContain('did not answer within 10 s');
        expect(await page.locator('#stage svg').count()).toBe(0);
        await page.close();
    }, 30_000);

    test('keeps zoom and pan across updates', async () => {
        const { page, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send({ type: 'update', svg, findings: [] });
        await page.locator('#stage svg').waitFor();
        await page.click('button[data-action="zoom-in"]');
        const zoomed = await page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform);
        await send({ type: 'update', svg, findings: [] });
        await expect
            .poll(() => page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform))
            .toBe(zoomed);
        await page.click('button[data-action="fit"]');
        expect(await page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform)).not.toBe(
            zoomed,
        );
        await page.close();
    }, 30_000);
});
