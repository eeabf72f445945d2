/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser, hence the DOM types.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serveStatic } from '../../scripts/serve-static.mjs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exampleDataFiles, exampleFiles, examplePrograms } from '../support/examples.js';
import { loadWorkspace, ROOT } from '../support/workspace.js';

const WORKER = fileURLToPath(new URL('../../dist/browser/server-worker.js', import.meta.url));
const MODEL = 'safer-patients-initiative/spi2.toc';
const uriOf = (path: string) => `file://${ROOT}/${path}`;

/** A page that starts the worker and speaks JSON-RPC to it, as any browser client does. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>worker</title><script>
const worker = new Worker('server-worker.js');
const pending = new Map();
let nextId = 1;
window.published = {};
window.workerErrors = [];
worker.onerror = event => window.workerErrors.push(String(event.message));
worker.onmessage = ({ data }) => {
    if (data.id !== undefined && pending.has(data.id)) {
        pending.get(data.id)(data);
        pending.delete(data.id);
    } else if (data.method === 'textDocument/publishDiagnostics') {
        (window.published[data.params.uri] ??= []).push(data.params.diagnostics);
    } else if (data.id !== undefined && data.method) {
        worker.postMessage({ jsonrpc: '2.0', id: data.id, result: null });
    }
};
window.request = (method, params) =>
    new Promise(done => {
        const id = nextId++;
        pending.set(id, done);
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

/** What the page gives the tests, on its window. */
declare global {
    interface Window {
        /** Every publish of diagnostics, by document URI, in order. */
        published: Record<string, Diagnostic[][]>;
        workerErrors: string[];
        request(method: string, params: unknown): Promise<{ result?: unknown; error?: { message: string } }>;
        notify(method: string, params: unknown): void;
    }
}

let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

/** The diagnostics last published for a file, once `count` publishes have arrived for it. */
async function published(path: string, count = 1): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    await page.waitForFunction(([u, n]) => window.published[u]?.length >= n, [uri, count] as const);
    return page.evaluate(u => window.published[u][window.published[u].length - 1], uri);
}

const summary = (diagnostics: Diagnostic[]) =>
    diagnostics
        .map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`)
        .sort((a, b) => a.localeCompare(b));

beforeAll(async () => {
    const files: Record<string, string> = { '/': PAGE, '/server-worker.js': readFileSync(WORKER, 'utf8') };
    site = await serveStatic(path => files[path]);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(site.address);
    const folder = uriOf('').replace(/\/$/, '');
    await page.evaluate(async root => {
        await window.request('initialize', {
            processId: null,
            rootUri: root,
            workspaceFolders: [{ uri: root, name: 'workspace' }],
            capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
        });
        window.notify('initialized', {});
    }, folder);
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await site?.close();
});

describe('the language server in a web worker', () => {
    test('checks a multi-file model with shared imports, its configuration and its data as the server in Node does', async () => {
        const all = { ...exampleFiles, ...exampleDataFiles };
        await page.evaluate(
            files => window.notify('toc/writeFiles', { files }),
            Object.entries(all).map(([path, text]) => ({ uri: uriOf(path), text })),
        );
        await page.evaluate(
            ([uri, text]) =>
                window.notify('textDocument/didOpen', {
                    textDocument: { uri, languageId: 'toc', version: 1, text },
                }),
            [uriOf(MODEL), all[MODEL]] as const,
        );
        const inBrowser = await published(MODEL);
        const inNode = await loadWorkspace(all, [MODEL]);
        expect(summary(inBrowser)).toEqual(summary(inNode.diagnostics(MODEL)));
        // The example's data give findings, so the data and the configuration's check date were read.
        expect(inBrowser.map(d => d.code)).toContain('concern-signal');
        expect(await page.evaluate(() => window.workerErrors)).toEqual([]);
    });

    test('every bundled model, the multi-file ones too, gets the findings the server in Node gives it', async () => {
        const all = { ...exampleFiles, ...exampleDataFiles };
        for (const path of examplePrograms.filter(path => path !== MODEL)) {
            await page.evaluate(
                ([uri, text]) =>
                    window.notify('textDocument/didOpen', {
                        textDocument: { uri, languageId: 'toc', version: 1, text },
                    }),
                [uriOf(path), all[path]] as const,
            );
            const inNode = await loadWorkspace(all, [path]);
            expect(summary(await published(path)), path).toEqual(summary(inNode.diagnostics(path)));
        }
        expect(examplePrograms.length).toBeGreaterThan(2);
    });

    test('answers a hover and draws the causal map with Graphviz, in the browser', async () => {
        const text = exampleFiles[MODEL];
        // The name of the first measure declared.
        const offset = /^measure /m.exec(text)!.index + 'measure '.length;
        const line = text.slice(0, offset).split('\n').length - 1;
        const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
        const hover = await page.evaluate(
            ([uri, position]) => window.request('textDocument/hover', { textDocument: { uri }, position }),
            [uriOf(MODEL), { line, character }] as const,
        );
        const name = /^measure (\w+)/m.exec(text)![1];
        expect(JSON.stringify(hover.result)).toContain(name);
        const diagram = await page.evaluate(uri => window.request('toc/diagram', { uri, view: 'map' }), uriOf(MODEL));
        expect(diagram.error).toBeUndefined();
        expect((diagram.result as { svg?: string }).svg).toMatch(/<svg /);
    });

    test('a data file written again is read again, and the findings follow', async () => {
        const before = await published(MODEL);
        const path = Object.keys(exampleDataFiles).find(
            p => p.startsWith('safer-patients-initiative/') && p.endsWith('.csv'),
        )!;
        const count = await page.evaluate(u => window.published[u].length, uriOf(MODEL));
        await page.evaluate(
            ([uri]) => window.notify('toc/writeFiles', { files: [{ uri, text: 'date,value\n2008-01-01,n/a\n' }] }),
            [uriOf(path)] as const,
        );
        const after = await published(MODEL, count + 1);
        expect(after.map(d => d.code)).toContain('data-unreadable');
        expect(before.map(d => d.code)).not.toContain('data-unreadable');
    });
});
