/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, hence the DOM types.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';
import type { DiagramGraph } from '../../language/src/diagram/diagram-model.js';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import { previewNode } from '../../language/src/diagram/preview-node.js';
import { renderSvg } from '../../language/src/diagram/svg.js';
import { iconsShown } from '../../language/src/diagram/dot.js';
import type { PreviewChart, ToPreview } from '../../language/src/protocol.js';
import { previewCharts } from '../../language/src/charts/measure-charts.js';
import { diagramPageHtml } from '../../extension/src/webview/page.js';
import { exampleDataFiles, exampleFiles } from '../support/examples.js';
import { BASE } from '../support/variants.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';

const WEBVIEW = fileURLToPath(new URL('../../dist/webview/', import.meta.url));

const HOSTILE = BASE.replace('"Hourly intentional rounding"', '"<script>alert(1)</script>"')
    .replace('"Fewer inpatient falls"', '"\\"><img src=x onerror=alert(1)>"')
    .replace(
        'source "Incident reporting system"\n    frequency',
        'source "Incident reporting system"\n    method routine-data\n    frequency',
    );

let browser: Awaited<ReturnType<typeof launchChromium>>;
let pageUrl: string;
let svg: string;
/** The hostile model's map as the extension sends it, with the boxes for the hover card. */
let hostile: Extract<ToPreview, { type: 'update' }>;
let keystone: Extract<ToPreview, { type: 'update' }>;
let keystoneDriver: Extract<ToPreview, { type: 'update' }>;
/** Keystone's Measures view, its data loaded. */
let keystoneCharts: PreviewChart[];

async function updateOf(graph: DiagramGraph): Promise<Extract<ToPreview, { type: 'update' }>> {
    return {
        type: 'update',
        svg: await renderSvg(graph),
        findings: graph.findings,
        nodes: graph.nodes.map(previewNode),
        badges: iconsShown(graph),
    };
}

beforeAll(async () => {
    const model = await loadModel(HOSTILE);
    hostile = await updateOf(diagramOf(model.services, model.document('model.toc'), 'map'));
    svg = hostile.svg!;
    const workspace = await loadWorkspace({ ...exampleFiles, ...exampleDataFiles }, ['keystone-icu.toc']);
    keystone = await updateOf(diagramOf(workspace.services, workspace.document('keystone-icu.toc'), 'map'));
    keystoneDriver = await updateOf(diagramOf(workspace.services, workspace.document('keystone-icu.toc'), 'driver'));
    keystoneCharts = previewCharts(workspace.services, workspace.document('keystone-icu.toc')).charts;
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
    browser = await launchChromium();
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

/** The page in a browser, as VS Code shows it; `saved` is the state VS Code kept for it, if any. */
async function openPage(options: { width?: number; height?: number; saved?: unknown } = {}) {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 800 } });
    // A step that cannot be done fails with its reason before the test's own timeout.
    page.setDefaultTimeout(10_000);
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
    await page.addInitScript(saved => {
        const posted: unknown[] = [];
        const states: unknown[] = [];
        Object.assign(window, { __posted: posted, __states: states });
        // VS Code posts the messages and keeps the state by cloning them: what cannot be cloned fails.
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => posted.push(structuredClone(message)),
            getState: () => saved ?? undefined,
            setState: (state: unknown) => states.push(structuredClone(state)),
        });
        // What VS Code's webview host does with a click on a link (pre/index.html, handleInnerClick):
        // it posts the link's href to the workbench. For an SVG <a>, href is an SVGAnimatedString.
        window.addEventListener('click', event => {
            for (const node of event.composedPath() as Array<Element & { href?: { baseVal?: string } }>) {
                if (node.tagName?.toLowerCase() === 'a' && node.href) {
                    window.postMessage({ type: 'did-click-link', uri: node.href.baseVal || node.href }, '*');
                    event.preventDefault();
                    return;
                }
            }
        });
    }, options.saved ?? null);
    await page.goto(pageUrl);
    const posted = () =>
        page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; id?: string }> }).__posted);
    const send = (message: unknown) => page.evaluate(m => window.postMessage(m, '*'), message);
    const states = () =>
        page.evaluate(() => (window as unknown as { __states: Array<Record<string, unknown>> }).__states);
    return { page, problems, posted, send, states };
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
        await page.waitForSelector('#stage svg g.toc-node');
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
        await page.locator('#stage g.toc-node').first().waitFor();
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

    /** The on-screen size (CSS px) of node titles: their font size times the drawing's scale. */
    const titlePx = (page: import('playwright-core').Page) =>
        page.evaluate(() => {
            const drawing = document.querySelector<SVGSVGElement>('#stage svg')!;
            const title = drawing.querySelector('g.toc-node text[font-weight="bold"]')!;
            const scale = drawing.getBoundingClientRect().width / drawing.viewBox.baseVal.width;
            return Number(title.getAttribute('font-size')) * scale;
        });

    /** Whether an element is drawn wholly inside the visible stage. */
    const inView = (page: import('playwright-core').Page, selector: string) =>
        page.evaluate(selector => {
            const stage = document.getElementById('stage')!.getBoundingClientRect();
            const box = document.querySelector(selector)!.getBoundingClientRect();
            return (
                box.left >= stage.left && box.right <= stage.right && box.top >= stage.top && box.bottom <= stage.bottom
            );
        }, selector);

    test('opens the Keystone map with titles readable, on the aim; Fit shows it whole on demand', async () => {
        // A panel beside the editor.
        const { page, problems, posted, send, states } = await openPage({ width: 700, height: 800 });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        expect(await titlePx(page)).toBeGreaterThanOrEqual(11);
        const titleHeight = await page
            .locator('#node-FewerCrbsi text[font-weight="bold"]')
            .evaluate(text => text.getBoundingClientRect().height);
        expect(titleHeight).toBeGreaterThanOrEqual(11);
        expect(await inView(page, '#node-FewerCrbsi')).toBe(true);
        // Not all of it fits at that size: the rest is reached by panning, or by Fit.
        expect(await inView(page, '#node-ScienceOfSafety')).toBe(false);
        expect((await states()).at(-1)).toMatchObject({ fitted: false, placed: true, legend: true });
        await page.click('button[data-action="fit"]');
        expect(await titlePx(page)).toBeLessThan(11);
        expect(await inView(page, '#node-ScienceOfSafety')).toBe(true);
        expect((await states()).at(-1)).toMatchObject({ fitted: true });
        // Fitted stays fitted as the model changes.
        const fitted = await page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform);
        await send(keystone);
        await expect
            .poll(() => page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform))
            .toBe(fitted);
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);

    test('opens on the element under the cursor when the editor names one, and the F key fits', async () => {
        const { page, posted, send } = await openPage({ width: 700, height: 800 });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send({ ...keystone, focus: 'node-ScienceOfSafety' });
        await page.locator('#stage svg').waitFor();
        expect(await inView(page, '#node-ScienceOfSafety')).toBe(true);
        expect(await inView(page, '#node-FewerCrbsi')).toBe(false);
        expect(await page.locator('#node-ScienceOfSafety').getAttribute('class')).toContain('highlighted');
        expect(await titlePx(page)).toBeGreaterThanOrEqual(11);
        await page.keyboard.press('f');
        expect(await titlePx(page)).toBeLessThan(11);
        await page.close();
    }, 30_000);

    test('a small drawing opens whole; a state VS Code kept is used as it is', async () => {
        const small = await openPage();
        await expect.poll(small.posted).toContainEqual({ type: 'ready' });
        await small.send(hostile);
        await small.page.locator('#stage svg').waitFor();
        for (const id of ['#node-Rounding', '#node-RoundsDone', '#node-FewerFalls']) {
            expect(await inView(small.page, id)).toBe(true);
        }
        expect(await titlePx(small.page)).toBeGreaterThanOrEqual(11);
        await small.page.close();

        const saved = { scale: 0.5, x: 10, y: 20, fitted: false, placed: true, legend: false };
        const { page, posted, send } = await openPage({ saved });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        expect(await page.locator('#stage svg').evaluate(element => (element as HTMLElement).style.transform)).toBe(
            'translate(10px, 20px) scale(0.5)',
        );
        expect(await page.locator('#legend-box').isVisible()).toBe(false);
        await page.close();
    }, 30_000);

    test('the legend is small, in a corner clear of the top of the map, and its toggle hides and shows it', async () => {
        const { page, posted, send, states } = await openPage({ width: 700, height: 800 });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        const legend = page.locator('#legend-box');
        expect(await legend.isVisible()).toBe(true);
        expect(await legend.textContent()).toContain('weak, contested or none');
        const stage = (await page.locator('#stage').boundingBox())!;
        const box = (await legend.boundingBox())!;
        // Clear of the top half of the map, and a small part of it.
        expect(box.y).toBeGreaterThan(stage.y + stage.height / 2);
        expect(box.width * box.height).toBeLessThan((stage.width * stage.height) / 10);
        // The drawing's own legend is for exports: the preview shows one only.
        expect(await page.locator('#stage #legend').isVisible()).toBe(false);
        await page.click('button[data-action="legend"]');
        expect(await legend.isVisible()).toBe(false);
        expect(await page.getAttribute('button[data-action="legend"]', 'aria-pressed')).toBe('false');
        expect((await states()).at(-1)).toMatchObject({ legend: false });
        await page.keyboard.press('l');
        expect(await legend.isVisible()).toBe(true);
        expect((await states()).at(-1)).toMatchObject({ legend: true });
        await page.close();
    }, 30_000);

    test('the driver diagram has its four column headings, and opens with the aim and its heading in view', async () => {
        const { page, posted, send } = await openPage({ width: 900, height: 700 });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystoneDriver);
        await page.locator('#stage svg').waitFor();
        expect((await page.locator('#stage g.toc-heading').allTextContents()).map(text => text.trim())).toEqual([
            'Aim',
            'Primary drivers',
            'Secondary drivers',
            'Change ideas',
        ]);
        expect(await inView(page, '#node-FewerCrbsi')).toBe(true);
        expect(await inView(page, '#heading-0')).toBe(true);
        expect(await titlePx(page)).toBeGreaterThanOrEqual(11);
        await page.close();
    }, 30_000);

    test("hovering a box shows its card: kind, title, measures and findings, the model's text as text", async () => {
        const { page, problems, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(hostile);
        await page.locator('#stage svg').waitFor();
        const card = page.locator('#card');
        expect(await card.isVisible()).toBe(false);
        await page.locator('#node-FewerFalls').hover();
        await expect.poll(() => card.isVisible()).toBe(true);
        expect(await card.locator('.card-kind').textContent()).toBe('aim · long term · reduce 25% by 2026-03-31');
        expect(await card.locator('.card-title').textContent()).toBe('"><img src=x onerror=alert(1)>');
        expect(await card.locator('.card-measures li').allTextContents()).toEqual([
            'FallsRate (outcome, by routine-data)',
        ]);
        expect(await card.textContent()).toContain('No findings');
        await page.locator('#node-RoundsDone').hover();
        await expect.poll(() => card.locator('.card-title').textContent()).toBe('Patients are checked every hour');
        expect(await card.locator('.card-name').textContent()).toBe('RoundsDone');
        await page.locator('#node-Rounding').hover();
        await expect.poll(() => card.locator('.card-title').textContent()).toBe('<script>alert(1)</script>');
        expect(await page.locator('#card *').evaluateAll(elements => elements.map(e => e.localName))).not.toContain(
            'img',
        );
        expect(await page.locator('img, script:not([nonce])').count()).toBe(0);
        // Off the boxes, no card; and no tooltip of the browser's own on a box.
        await page.mouse.move(2, 790);
        await expect.poll(() => card.isVisible()).toBe(false);
        expect(await page.locator('#stage g.toc-node title, #stage a').count()).toBe(0);
        // A link keeps its tooltip: mechanism, evidence and assumptions.
        expect(await page.locator('#stage g.toc-edge > title').first().textContent()).toMatch(
            /^Rounding -> RoundsDone\nmechanism: .*\nevidence: moderate/,
        );
        // A box with a finding, and one without a measure.
        await send(keystone);
        await page.keyboard.press('f');
        await page.locator('#node-PracticesUsed').hover();
        await expect
            .poll(() => card.locator('.card-title').textContent())
            .toBe('The five practices are used at every insertion');
        expect(await card.locator('.card-kind').textContent()).toBe('outcome · short term');
        expect(await card.textContent()).toContain('No measures');
        expect(await card.textContent()).toContain('1 finding');
        expect(await card.locator('.card-findings li').allTextContents()).toEqual([
            expect.stringMatching(/^warning: Outcome `PracticesUsed` has no measure.*\(unmeasured-outcome\)$/),
        ]);
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);

    test('a click on a box or a link logs no error', async () => {
        const { page, problems, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        await page.locator('#node-FewerCrbsi').click();
        await expect.poll(posted).toContainEqual({ type: 'reveal', id: 'node-FewerCrbsi' });
        // A link, by its arrowhead, with the whole drawing in view.
        await page.keyboard.press('f');
        const edge = page.locator('#stage g.toc-edge').first();
        const id = await edge.getAttribute('id');
        await edge.locator('polygon').first().click();
        await expect.poll(posted).toContainEqual({ type: 'reveal', id });
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);

    test("shows a measure's reading as a badge under its box, explained in the legend and the card", async () => {
        const { page, problems, posted, send } = await openPage();
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        // LinesInUse's illustrative data show a special cause of improvement.
        const badges = page.locator('#stage [id^="a_badge-"]');
        expect(await badges.count()).toBe(1);
        expect(await badges.first().getAttribute('id')).toBe('a_badge-UnneededLinesOut-LinesInUse-improvement');
        expect(await badges.first().textContent()).toContain('+');
        await expect.poll(posted).toContainEqual({ type: 'drawn', badges: 1 });
        expect(await page.locator('#legend-data').textContent()).toBe('Data+special cause: improvement');
        await page.keyboard.press('f');
        await page.locator('#node-UnneededLinesOut').hover();
        await expect
            .poll(() => page.locator('#card .card-reading').textContent())
            .toMatch(/^latest \d+(\.\d+)? on 2005-\d\d-\d\d · special cause improvement · \d+ points, xmr chart$/);
        // A model without data shows no badge and no data legend.
        await send(hostile);
        await expect.poll(() => page.locator('#stage [id^="a_badge-"]').count()).toBe(0);
        expect(await page.locator('#legend-data').textContent()).toBe('');
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);

    test('the Measures view charts each measure from the aim down, and a click on a heading opens it', async () => {
        const { page, problems, posted, send } = await openPage({ width: 900 });
        await expect.poll(posted).toContainEqual({ type: 'ready' });
        await send(keystone);
        await page.locator('#stage svg').waitFor();
        await send({ type: 'charts', charts: keystoneCharts, findings: [] });
        const figures = page.locator('#stage figure.chart');
        await expect.poll(() => figures.count()).toBe(keystoneCharts.length);
        // The aim's measures first; those with data are charts, the others say how to add data.
        const names = await page.locator('#stage .chart-name').allTextContents();
        expect(names.slice(0, 2)).toEqual([
            expect.stringMatching(/^CrbsiRateMean/),
            expect.stringMatching(/^CrbsiRateMedian/),
        ]);
        const charted = keystoneCharts.filter(chart => chart.svg).length;
        expect(charted).toBe(2);
        expect(await page.locator('#stage figure.chart svg g.toc-chart').count()).toBe(charted);
        expect(await page.locator('#stage .chart-missing').first().textContent()).toContain('No data yet');
        await expect.poll(posted).toContainEqual({ type: 'drawn', charts: charted, badges: 1 });
        const lines = page.locator('#chart-LinesInUse');
        expect(await lines.locator('.badge').allTextContents()).toEqual(['+']);
        expect(await lines.locator('.chart-reading').textContent()).toContain('special cause improvement');
        expect(await page.locator('#chart-CrbsiRateMean .chart-findings').textContent()).toContain('too-few-points');
        // Small multiples: two charts side by side at this width, scrolled like a page.
        const [first, second] = await Promise.all([figures.nth(0).boundingBox(), figures.nth(1).boundingBox()]);
        expect(second!.y).toBe(first!.y);
        expect(await page.locator('.toolbar button[data-action="fit"]').isVisible()).toBe(false);
        await lines.locator('.chart-heading').click();
        await expect.poll(posted).toContainEqual({ type: 'reveal', id: 'chart-LinesInUse' });
        await send({ type: 'highlight', id: 'chart-SafetyClimate' });
        await expect.poll(() => page.locator('#chart-SafetyClimate').getAttribute('class')).toContain('highlighted');
        // Back to a diagram: the page zooms and pans again.
        await send(keystone);
        await expect.poll(() => page.locator('#stage figure').count()).toBe(0);
        expect(await page.locator('.toolbar button[data-action="fit"]').isVisible()).toBe(true);
        expect(problems).toEqual([]);
        await page.close();
    }, 30_000);
});
