/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, hence the DOM types.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { loadWorkspace } from '../support/workspace.js';
import { exampleDataFiles, exampleFiles } from '../support/examples.js';

const SITE = fileURLToPath(new URL('../../dist/playground/', import.meta.url));
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

/** The playground as a user opens it: the page served as any static host serves it. */
async function openPlayground(
    address = site.address,
): Promise<{ page: Page; problems: string[]; requests: Array<{ url: string; body: string }> }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', error => problems.push(error.message));
    page.on('console', message => {
        if (message.type() === 'error') {
            problems.push(message.text());
        }
    });
    const requests: Array<{ url: string; body: string }> = [];
    page.on('request', request => requests.push({ url: request.url(), body: request.postData() ?? '' }));
    await page.goto(address);
    return { page, problems, requests };
}

/** What a click on a download button saves, and under what name. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) {
        chunks.push(chunk as Buffer);
    }
    return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

async function downloaded(page: Page, button: string): Promise<Buffer> {
    return (await download(page, button)).bytes;
}

/** The findings the page reports, once it reports some. */
async function findings(page: Page, not?: string): Promise<string> {
    await page.waitForFunction(previous => {
        const text = document.getElementById('status')?.textContent ?? '';
        return /\d+ findings?/.test(text) && text !== previous;
    }, not ?? '');
    return (await page.textContent('#status'))!;
}

beforeAll(async () => {
    site = await serveStatic(SITE);
    browser = await launchChromium();
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await site?.close();
});

describe('the playground', () => {
    test('opens on Keystone with its findings, as the checker gives them, and draws its causal map', async () => {
        const { page, problems } = await openPlayground();
        const inNode = await loadWorkspace({ ...exampleFiles, ...exampleDataFiles }, ['keystone-icu.toc']);
        const expected = inNode.diagnostics('keystone-icu.toc').length;
        expect(await findings(page)).toBe(`${expected} findings`);
        await page.waitForSelector('#diagram svg');
        expect(await page.locator('#diagram svg .node').count()).toBeGreaterThan(10);
        expect(problems).toEqual([]);
        await page.close();
    });

    test('typing changes the findings and the map follows', async () => {
        const { page } = await openPlayground();
        const before = await findings(page);
        const drawn = await page.getAttribute('#diagram', 'data-drawn');
        // A new activity with no link: it is drawn, and it adds findings of its own.
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\nactivity Huddles "Daily safety huddles"\n');
        const after = await findings(page, before);
        expect(Number.parseInt(after, 10)).toBeGreaterThan(Number.parseInt(before, 10));
        await page.waitForFunction(previous => document.getElementById('diagram')?.dataset.drawn !== previous, drawn);
        await page.waitForFunction(() =>
            document.getElementById('diagram')?.textContent?.includes('Daily safety huddles'),
        );
        await page.close();
    });

    test('keywords are highlighted, those with hyphens whole, and names are not', async () => {
        const { page } = await openPlayground();
        await findings(page);
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+Home');
        await page.keyboard.type('measure Audit "Audit" { method routine-data }\n');
        const classOf = (text: string) =>
            page.evaluate(
                word =>
                    [...document.querySelectorAll('.monaco-editor .view-line span span')].find(
                        // Monaco writes spaces as no-break spaces, and may join a space to a word.
                        span => span.textContent?.replace(/\u00a0/g, ' ').trim() === word,
                    )?.className,
                text,
            );
        await page.waitForFunction(() =>
            [...document.querySelectorAll('.monaco-editor .view-line span span')].some(
                span => span.textContent === 'routine-data',
            ),
        );
        expect(await classOf('routine-data')).toBeDefined();
        expect(await classOf('routine-data')).toBe(await classOf('method'));
        expect(await classOf('routine-data')).not.toBe(await classOf('Audit'));
        await page.close();
    });

    test('the example picker opens a multi-file example, whose imports the worker reads', async () => {
        const { page, problems } = await openPlayground();
        await findings(page);
        const first = await page.textContent('#status');
        await page.selectOption('#example', 'safer-patients-initiative/spi2.toc');
        const inNode = await loadWorkspace({ ...exampleFiles, ...exampleDataFiles }, [
            'safer-patients-initiative/spi2.toc',
        ]);
        const expected = inNode.diagnostics('safer-patients-initiative/spi2.toc').length;
        expect(await findings(page, first!)).toBe(`${expected} findings`);
        expect(inNode.errors('safer-patients-initiative/spi2.toc')).toEqual([]);
        expect(problems).toEqual([]);
        await page.close();
    });

    test('a share link opened in a new page reproduces the model, and carries it only in its fragment', async () => {
        const { page } = await openPlayground();
        await findings(page);
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\nactivity Huddles "Daily safety huddles"\n');
        await page.click('#share');
        await page.waitForFunction(() => location.hash.includes('model='));
        const link = page.url();
        expect(new URL(link).search).toBe('');
        const typed = await downloaded(page, '#download-toc');
        expect(typed.toString()).toContain('activity Huddles "Daily safety huddles"');
        await page.close();

        const { page: other, problems, requests } = await openPlayground(link);
        await findings(other);
        await other.waitForFunction(() =>
            document.querySelector('#diagram')?.textContent?.includes('Daily safety huddles'),
        );
        expect((await downloaded(other, '#download-toc')).toString()).toBe(typed.toString());
        // The model is in the fragment, which no request carries, and the page sends it nowhere.
        expect(requests.filter(({ url, body }) => url.includes('model=') || body.includes('Huddles'))).toEqual([]);
        expect(problems).toEqual([]);
        await other.close();
    });

    test('the driver diagram and the scorecard are a choice away, and clicking a box selects its declaration', async () => {
        const { page } = await openPlayground();
        await findings(page);
        await page.waitForSelector('#diagram svg g.toc-node');
        await page.locator('#diagram svg g.toc-node').first().click();
        await page.waitForFunction(() => document.querySelector('.monaco-editor .selected-text') !== null);

        await page.selectOption('#view', 'driver');
        await page.waitForFunction(() => document.getElementById('diagram')?.dataset.view === 'driver');
        await page.waitForSelector('#diagram svg g.toc-node');

        await page.selectOption('#view', 'scorecard');
        await page.waitForFunction(() => document.getElementById('diagram')?.dataset.view === 'scorecard');
        const headings = await page.locator('#diagram .scorecard article h3').allTextContents();
        expect(headings).toHaveLength(11);
        expect(headings[0]).toBe('Challenge 1: Convincing people that there is a problem');
        expect(headings[10]).toBe('Improvement methods');
        await page.close();
    });

    test('the model, the diagram as SVG and as PNG download as files', async () => {
        const { page } = await openPlayground();
        await findings(page);
        await page.waitForSelector('#diagram svg');
        const files = [];
        for (const button of ['#download-toc', '#download-svg', '#download-png']) {
            files.push(await download(page, button));
        }
        const [toc, svg, png] = files.map(file => file.bytes);
        expect(toc.toString()).toBe(exampleFiles['keystone-icu.toc']);
        expect(svg.toString()).toMatch(/^<svg |<svg /);
        expect(svg.toString()).toContain('CRBSIs eliminated');
        // A PNG: its signature, and a picture of some size.
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.length).toBeGreaterThan(10_000);
        expect(files.map(file => file.name)).toEqual([
            'keystone-icu.toc',
            'keystone-icu-map.svg',
            'keystone-icu-map.png',
        ]);
        await page.close();
    });

    test('the editor hovers, completes, fixes and formats, with the language server in the worker', async () => {
        const { page, problems } = await openPlayground();
        const before = await findings(page);

        // A box of the map with no measure: a click selects its declaration, where its finding is.
        await page.locator('#diagram svg g.toc-node', { hasText: 'Nurses challenge' }).click();
        await page.keyboard.press('Control+k');
        await page.keyboard.press('Control+i');
        await page.waitForSelector('.monaco-hover-content', { state: 'visible' });
        expect(await page.textContent('.monaco-hover-content')).toMatch(/outcome/i);
        await page.keyboard.press('Escape');

        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add a measure of' });
        await fix.first().waitFor();
        await fix.first().click();
        const fixed = await findings(page, before);
        expect(Number.parseInt(fixed, 10)).toBeLessThan(Number.parseInt(before, 10));
        expect((await downloaded(page, '#download-toc')).toString().match(/^measure /gm)?.length).toBe(
            exampleFiles['keystone-icu.toc'].match(/^measure /gm)!.length + 1,
        );

        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\nactivity   Briefing    "Morning briefing"\nlink Briefing -> ');
        // Asked as a user asks: again if the first answer came before the edit was checked.
        const offered = page.locator('.suggest-widget .monaco-list-row', { hasText: 'FewerCrbsi' });
        await expect
            .poll(async () => {
                await page.keyboard.press('Escape');
                await page.keyboard.press('Control+Space');
                return offered
                    .first()
                    .waitFor({ timeout: 2000 })
                    .then(() => true)
                    .catch(() => false);
            })
            .toBe(true);
        await page.keyboard.press('Escape');
        await page.keyboard.type('FewerCrbsi\n');

        // Format Document, from the editor's command palette.
        await page.keyboard.press('F1');
        await page.keyboard.type('Format Document');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Format Document' }).first().waitFor();
        await page.keyboard.press('Enter');
        await expect
            .poll(async () => (await downloaded(page, '#download-toc')).toString())
            .toContain('activity Briefing "Morning briefing"');
        expect(problems).toEqual([]);
        await page.close();
    });
});
