/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, hence the DOM types.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { serveStatic } from '../support/static-server.js';
import { loadWorkspace } from '../support/workspace.js';
import { exampleDataFiles, exampleFiles } from '../support/examples.js';

const SITE = fileURLToPath(new URL('../../dist/playground/', import.meta.url));
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

/** The playground as a user opens it: the page served as any static host serves it. */
async function openPlayground(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', error => problems.push(error.message));
    page.on('console', message => {
        if (message.type() === 'error') {
            problems.push(message.text());
        }
    });
    await page.goto(site.address);
    return { page, problems };
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
    site = await serveStatic(path => {
        const file = normalize(join(SITE, path.endsWith('/') ? `${path}index.html` : path));
        return file.startsWith(SITE) && existsSync(file) ? readFileSync(file) : undefined;
    });
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
});
