import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { hugeMap } from '../support/variants.js';
import {
    answered,
    CLI,
    SERVER,
    startServer,
    stopServer,
    type RunningServer,
    latestDiagnostics,
    settled,
} from '../support/language-server.js';

let running: RunningServer | undefined;

afterEach(async () => {
    if (running) {
        await stopServer(running.connection, running.process);
        running = undefined;
    }
});

describe('the bundled language server over stdio', () => {
    test('answers initialize with its capabilities, and exits with 0 on shutdown and exit', async () => {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!),
        );
        connection.listen();
        const result = (await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: null,
            capabilities: {},
        })) as { capabilities: Record<string, unknown> };
        expect(result.capabilities).toMatchObject({
            hoverProvider: true,
            definitionProvider: true,
            referencesProvider: true,
            documentSymbolProvider: true,
            documentFormattingProvider: true,
            foldingRangeProvider: true,
        });
        expect(result.capabilities.completionProvider).toBeDefined();
        expect(result.capabilities.renameProvider).toBeTruthy();
        expect(result.capabilities.semanticTokensProvider).toBeDefined();
        await stopServer(connection, child);
        expect(child.exitCode).toBe(0);
    });

    test('publishes diagnostics for a broken document, then clears them when it is fixed', async () => {
        running = await startServer();
        const uri = 'file:///virtual/plan.toc';
        const first = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: {
                uri,
                languageId: 'toc',
                version: 1,
                text: 'outcome A { horizon short\noutcome B { horizon long }\nlink A -> Nowhere\n',
            },
        });
        const broken = await first;
        expect(broken.diagnostics.filter(d => d.severity === 1).map(d => [d.code, d.range.start.line])).toEqual([
            ['syntax-error', 1],
            ['unresolved-reference', 2],
        ]);

        const second = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: 'outcome A { horizon short }\noutcome B { horizon long }\nlink A -> B\n' }],
        });
        expect((await second).diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });

    test('answers hover and go to definition', async () => {
        running = await startServer();
        const uri = 'file:///virtual/plan.toc';
        const published = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: {
                uri,
                languageId: 'toc',
                version: 1,
                text: 'outcome Safer "Safer wards" { horizon long }\nactivity Train\nlink Train -> Safer\n',
            },
        });
        await published;
        const hover = (await running.connection.sendRequest('textDocument/hover', {
            textDocument: { uri },
            position: { line: 2, character: 16 },
        })) as { contents: { value: string } };
        expect(hover.contents.value).toContain('**outcome** `Safer` — Safer wards');
        const definition = (await running.connection.sendRequest('textDocument/definition', {
            textDocument: { uri },
            position: { line: 2, character: 16 },
        })) as Array<{ targetUri: string; targetSelectionRange: { start: { line: number; character: number } } }>;
        expect(definition[0]).toMatchObject({
            targetUri: uri,
            targetSelectionRange: { start: { line: 0, character: 8 } },
        });
    });

    test('loads an imported file from disk when no workspace folder is open', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-server-'));
        writeFileSync(join(folder, 'people.toc'), 'stakeholder Nurses { level frontline }\n');
        const text = 'import "people"\nactivity Rounding { owner Nurses }\n';
        writeFileSync(join(folder, 'plan.toc'), text);
        running = await startServer();
        const uri = pathToFileURL(join(folder, 'plan.toc')).href;
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text },
        });
        await expect
            .poll(() => latestDiagnostics(running!.published, uri)?.map(d => d.code), { timeout: 10_000 })
            .toEqual(['activity-leads-nowhere']);
    });

    test('applies a changed toc.config.json to open models', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-config-'));
        const text = 'outcome Safer { horizon long }\n';
        writeFileSync(join(folder, 'plan.toc'), text);
        running = await startServer();
        const uri = pathToFileURL(join(folder, 'plan.toc')).href;
        const codes = () =>
            latestDiagnostics(running!.published, uri)
                ?.map(d => d.code)
                .sort();
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text },
        });
        await expect.poll(codes, { timeout: 10_000 }).toEqual(['outcome-unreachable', 'unmeasured-outcome']);

        const config = join(folder, 'toc.config.json');
        writeFileSync(config, '{ "rules": { "unmeasured-outcome": "off" } }');
        running.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: pathToFileURL(config).href, type: 1 }],
        });
        await expect.poll(codes, { timeout: 10_000 }).toEqual(['outcome-unreachable']);
    });

    test("reports a data file's problems on the model and on the file itself, and follows the file when it changes", async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-data-'));
        const text = 'measure FallsRate {\n    kind process\n    data "falls.csv"\n}\n';
        writeFileSync(join(folder, 'plan.toc'), text);
        const csv = join(folder, 'falls.csv');
        writeFileSync(csv, 'date,value\n2025-01-01,3\n2025-02-01,n/a\n');
        running = await startServer();
        const uri = pathToFileURL(join(folder, 'plan.toc')).href;
        const csvUri = pathToFileURL(csv).href;
        const unreadable = () =>
            latestDiagnostics(running!.published, uri)
                ?.filter(d => d.code === 'data-unreadable')
                .map(d => d.message);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text },
        });
        await expect
            .poll(unreadable, { timeout: 10_000 })
            .toEqual([
                'The data file `falls.csv` of measure `FallsRate` cannot be used: row 3, column `value`: "n/a" is not a number.',
            ]);
        await expect
            .poll(() => latestDiagnostics(running!.published, csvUri), { timeout: 10_000 })
            .toEqual([
                expect.objectContaining({
                    severity: 1,
                    message: 'Row 3, column `value`: "n/a" is not a number.',
                    range: expect.objectContaining({ start: { line: 2, character: 0 } }),
                }),
            ]);

        writeFileSync(csv, 'date,value\n2025-01-01,3\n2025-02-01,4\n');
        running.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: csvUri, type: 2 }],
        });
        await expect.poll(unreadable, { timeout: 10_000 }).toEqual([]);
        await expect.poll(() => latestDiagnostics(running!.published, csvUri), { timeout: 10_000 }).toEqual([]);
    });

    test('answers the scorecard request', async () => {
        running = await startServer();
        const uri = 'file:///virtual/plan.toc';
        const published = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: 'programme P\noutcome Safer { horizon long }\n' },
        });
        await published;
        const result = (await running.connection.sendRequest('toc/scorecard', { uri })) as {
            markdown: string;
            scorecard: { entries: Array<{ findings: Array<{ rule: string }> }> };
        };
        expect(result.markdown).toContain('# Challenge scorecard: P');
        expect(result.scorecard.entries[2].findings.map(f => f.rule)).toEqual(['unmeasured-outcome']);
    });

    test('an unknown view or export format is refused with the ones there are, not drawn as another', async () => {
        running = await startServer();
        const uri = 'file:///virtual/plan.toc';
        const published = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: 'outcome Safer { horizon short }\n' },
        });
        await published;
        await expect(running.connection.sendRequest('toc/diagram', { uri, view: 'sideways' })).rejects.toThrow(
            "Unknown diagram view 'sideways': one of map, driver.",
        );
        await expect(
            running.connection.sendRequest('toc/diagramExport', { uri, view: 'map', format: 'pdf' }),
        ).rejects.toThrow("Unknown diagram format 'pdf': one of svg, mermaid, dot.");
        expect(
            await running.connection.sendRequest('toc/diagramExport', { uri, view: 'driver', format: 'mermaid' }),
        ).toMatch(/^flowchart/m);
    });

    test('a causal map too large to lay out is answered at once with why, and the server stays responsive', async () => {
        running = await startServer();
        const uri = 'file:///virtual/huge.toc';
        const published = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: hugeMap(2_600) },
        });
        await published;
        const diagram = await answered<{ graph: { nodes: unknown[] }; svg?: string; error?: string }>(
            running,
            'toc/diagram',
            { uri, view: 'map' },
        );
        expect(diagram.svg).toBeUndefined();
        expect(diagram.graph.nodes).toHaveLength(2_601);
        expect(diagram.error).toBe(
            'The diagram has 2,601 boxes, more than the 2,500 that can be laid out here in reasonable time. Export it as DOT or Mermaid instead.',
        );
        expect(await answered<string>(running, 'toc/diagramExport', { uri, view: 'map', format: 'dot' })).toMatch(
            /^digraph/,
        );
        expect(
            await answered(running, 'textDocument/hover', {
                textDocument: { uri },
                position: { line: 0, character: 10 },
            }),
        ).toBeTruthy();
    });

    test('reports the same findings for the examples as the command-line checker', async () => {
        const examples = fileURLToPath(new URL('../../examples', import.meta.url));
        const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json'], {
            cwd: examples,
            encoding: 'utf8',
        });
        const expected = (
            JSON.parse(cli.stdout) as {
                files: Array<{
                    path: string;
                    findings: Array<{ rule: string; line: number; column: number; message: string }>;
                }>;
            }
        ).files.map(
            entry =>
                [
                    pathToFileURL(join(examples, entry.path)).href,
                    entry.findings.map(f => `${f.line}:${f.column} ${f.rule} ${f.message}`).sort(),
                ] as const,
        );
        expect(expected.flatMap(([, findings]) => findings).length).toBeGreaterThan(30);

        running = await startServer(pathToFileURL(examples).href);
        for (const [uri, findings] of expected) {
            const text = readFileSync(fileURLToPath(uri), 'utf8');
            running.connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'toc', version: 1, text },
            });
            const published = () =>
                latestDiagnostics(running!.published, uri)
                    ?.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)
                    .sort();
            await expect.poll(published, { timeout: 10_000 }).toEqual(findings);
        }
    });

    test("a file that a programme starts importing shows that model's findings", async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-members-'));
        const people = 'stakeholder Nurses "Ward nurses" {\n    level frontline\n    role "Run the rounds"\n}\n';
        const measures = [1, 2, 3, 4].map(i => `measure M${i} {\n    kind process\n    owner Nurses\n}\n`).join('\n');
        writeFileSync(join(folder, 'people.toc'), people);
        const plan = `programme Falls\n\n${measures}`;
        writeFileSync(join(folder, 'plan.toc'), plan);
        running = await startServer(pathToFileURL(folder).href);
        const peopleUri = pathToFileURL(join(folder, 'people.toc')).href;
        const planUri = pathToFileURL(join(folder, 'plan.toc')).href;
        const codes = (uri: string) => () => latestDiagnostics(running!.published, uri)?.map(d => d.code);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: peopleUri, languageId: 'toc', version: 1, text: people },
        });
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: planUri, languageId: 'toc', version: 1, text: plan },
        });
        await expect.poll(codes(peopleUri), { timeout: 10_000 }).toEqual([]);
        await expect.poll(codes(planUri), { timeout: 10_000 }).toContain('unresolved-reference');

        running.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: planUri, version: 2 },
            contentChanges: [{ text: `import "people"\n${plan}` }],
        });
        await expect.poll(codes(planUri), { timeout: 10_000 }).not.toContain('unresolved-reference');
        await expect.poll(codes(peopleUri), { timeout: 10_000 }).toEqual(['measurement-burden']);

        // An edit elsewhere in the model clears the finding again.
        running.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: planUri, version: 3 },
            contentChanges: [{ text: `import "people"\n${plan.replace(/measure M4[^}]*}/, '')}` }],
        });
        await expect.poll(codes(peopleUri), { timeout: 10_000 }).toEqual([]);
    });

    test('leaves a file above the size limit unanalysed, says so on line 1, and stays quick to edit', async () => {
        const uri = 'file:///virtual/huge.toc';
        const text = `outcome Huge "${'y'.repeat(5_000_000)}" { horizon short }\nlink Huge -> Nowhere\n`;
        running = await startServer();
        const published = running.diagnostics(uri);
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text },
        });
        const { diagnostics } = await published;
        expect(diagnostics).toMatchObject([
            { code: 'file-too-large', severity: 2, range: { start: { line: 0, character: 0 } } },
        ]);
        expect(diagnostics[0].message).toContain('toc.maxFileSizeMB');
        expect(diagnostics[0].message).toContain('toc check');
        // An edit is answered at once, and formatting proposes nothing: the text is the user's.
        const edited = running.diagnostics(uri);
        const sent = performance.now();
        running.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text + ' ' }],
        });
        expect((await edited).diagnostics.map(d => d.code)).toEqual(['file-too-large']);
        expect(performance.now() - sent).toBeLessThan(2_000);
        const edits = (await running.connection.sendRequest('textDocument/formatting', {
            textDocument: { uri },
            options: { tabSize: 4, insertSpaces: true },
        })) as unknown[] | null;
        expect(edits ?? []).toEqual([]);
        // Raising the limit analyses it.
        running.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { toc: { maxFileSizeMB: 0 } },
        });
        await expect
            .poll(() => latestDiagnostics(running!.published, uri)?.map(d => d.code), { timeout: 30_000 })
            .toContain('unresolved-reference');
    }, 60_000);

    test('in a workspace the user has not trusted, imports reach nothing outside its folder', async () => {
        const outside = mkdtempSync(join(tmpdir(), 'toc-outside-'));
        writeFileSync(join(outside, 'people.toc'), 'stakeholder Nurses "Ward nurses" {\n    level frontline\n}\n');
        const folder = mkdtempSync(join(tmpdir(), 'toc-untrusted-'));
        writeFileSync(join(folder, 'local.toc'), 'stakeholder Doctors "Ward doctors" {\n    level frontline\n}\n');
        const plan = `import "${join(outside, 'people.toc')}"\nimport "local"\noutcome Safer { horizon short }\n`;
        writeFileSync(join(folder, 'plan.toc'), plan);
        const uri = pathToFileURL(join(folder, 'plan.toc')).href;
        const errorsOf = (server: RunningServer) => () =>
            latestDiagnostics(server.published, uri)
                ?.filter(d => d.severity === 1)
                .map(d => d.message);

        running = await startServer(pathToFileURL(folder).href, { workspaceTrusted: false });
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: plan },
        });
        await expect
            .poll(errorsOf(running), { timeout: 10_000 })
            .toEqual([
                expect.stringContaining('This workspace is not trusted, so files outside its folder are not read'),
            ]);
        await stopServer(running.connection, running.process);

        // Trusted (or a client that says nothing of trust): the same import is read.
        running = await startServer(pathToFileURL(folder).href, { workspaceTrusted: true });
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: plan },
        });
        await expect.poll(errorsOf(running), { timeout: 10_000 }).toEqual([]);
    }, 60_000);

    test('asked to check the whole workspace, it publishes the findings of files nobody opened; otherwise it does not', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-whole-'));
        writeFileSync(join(folder, 'a.toc'), 'programme A\noutcome Safer { horizon short }\n');
        writeFileSync(join(folder, 'b.toc'), 'programme B\noutcome Kinder { horizon short }\n');
        const uri = pathToFileURL(join(folder, 'b.toc')).href;
        running = await startServer(pathToFileURL(folder).href, { checkWholeWorkspace: true });
        await expect
            .poll(() => latestDiagnostics(running!.published, uri)?.map(d => d.code), { timeout: 10_000 })
            .toContain('unmeasured-outcome');
        await stopServer(running.connection, running.process);

        running = await startServer(pathToFileURL(folder).href);
        await settled(running, performance.now());
        expect(latestDiagnostics(running.published, uri)).toBeUndefined();
    }, 60_000);

    test('refuses to start without a transport, with a usage message', async () => {
        const child = spawn(process.execPath, [SERVER], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', chunk => {
            stderr += chunk;
        });
        const code = await new Promise(resolve => child.on('exit', resolve));
        expect(code).toBe(2);
        expect(stderr).toContain('toc-language-server --stdio');
    });
});
