import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { EXAMPLES, exampleDataFiles, exampleFiles } from '../support/examples.js';
import {
    answered,
    CLI,
    settled,
    startServer,
    stopServer,
    type RunningServer,
    latestDiagnostics,
} from '../support/language-server.js';

let running: RunningServer | undefined;

afterEach(async () => {
    if (running) {
        await stopServer(running.connection, running.process);
        running = undefined;
    }
});

const uriOf = (folder: string, path: string) => pathToFileURL(join(folder, path)).href;

/** The files a model file imports, directly or not, by path relative to the examples folder. */
function importsOf(path: string, seen = new Set<string>()): Set<string> {
    for (const [, imported] of exampleFiles[path].matchAll(/^import "([^"]+)"/gm)) {
        const target = join(path, '..', imported.endsWith('.toc') ? imported : `${imported}.toc`);
        if (!seen.has(target)) {
            seen.add(target);
            importsOf(target, seen);
        }
    }
    return seen;
}

/** Pairs of example files that import a file in common. */
const sharingPairs = Object.keys(exampleFiles).flatMap((a, i) =>
    Object.keys(exampleFiles)
        .slice(i + 1)
        .filter(b => [...importsOf(a)].some(shared => importsOf(b).has(shared)))
        .map(b => [a, b] as const),
);

/**
 * Publications since `from`, per URI. One round of rebuilding publishes each file at most once;
 * more means the server rebuilt files it had just built.
 */
function publicationsSince(server: RunningServer, from: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { uri } of server.published.slice(from)) {
        counts.set(uri, (counts.get(uri) ?? 0) + 1);
    }
    return counts;
}

/** Every custom request answers within 5 s, about the model of the file asked about. */
async function expectRequestsAnswer(server: RunningServer, uri: string, text: string): Promise<void> {
    const title = /^programme\s+\w+\s+"([^"]*)"/m.exec(text)?.[1];
    for (const view of ['map', 'driver'] as const) {
        const diagram = await answered<{ graph: { view: string; title?: string; nodes: unknown[] }; svg?: string }>(
            server,
            'toc/diagram',
            { uri, view },
        );
        expect(diagram.graph.view).toBe(view);
        expect(diagram.svg).toContain('<svg');
        if (title) {
            expect(diagram.graph.title).toBe(title);
        }
        for (const format of ['svg', 'dot', 'mermaid']) {
            expect(await answered<string>(server, 'toc/diagramExport', { uri, view, format })).toBeTruthy();
        }
    }
    const scorecard = await answered<{ markdown: string }>(server, 'toc/scorecard', { uri });
    expect(scorecard.markdown).toContain('# Challenge scorecard');
    // The Measures view: every measure of the file's model, charted where it has data.
    const charts = await answered<{
        title?: string;
        charts: Array<{ measure: string; svg?: string; missing?: string }>;
    }>(server, 'toc/measureCharts', { uri });
    if (title) {
        expect(charts.title).toBe(title);
    }
    for (const chart of charts.charts) {
        expect(chart.svg ?? chart.missing, chart.measure).toBeTruthy();
    }
}

describe('the language server settles in a workspace of models that share files', () => {
    test('the examples include programmes that share imported files', () => {
        expect(sharingPairs).toContainEqual([
            'safer-patients-initiative/spi1.toc',
            'safer-patients-initiative/spi2.toc',
        ]);
    });

    test('every example opened in turn: one round of diagnostics, then quiet, and every request answers', async () => {
        running = await startServer(pathToFileURL(EXAMPLES).href);
        // The models, and the data files the server reports on (once each, cleared when they read cleanly).
        const fileCount =
            Object.keys(exampleFiles).length + Object.keys(exampleDataFiles).filter(p => p.endsWith('.csv')).length;
        for (const [path, text] of Object.entries(exampleFiles)) {
            const uri = uriOf(EXAMPLES, path);
            const from = running.published.length;
            running.connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'toc', version: 1, text },
            });
            const sent = performance.now();
            await settled(running, sent);
            const counts = publicationsSince(running, from);
            expect(counts.get(uri), `${path} got its diagnostics`).toBe(1);
            expect(Math.max(...counts.values()), `opening ${path} published a file more than once`).toBe(1);
            expect(counts.size).toBeLessThanOrEqual(fileCount);
            await expectRequestsAnswer(running, uri, text);
        }
        // Each file shows what `toc check` reports for it, the findings on measures' data included.
        const checked = JSON.parse(
            spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: EXAMPLES, encoding: 'utf8' })
                .stdout,
        ) as { files: Array<{ path: string; findings: Array<{ rule: string; line: number }> }> };
        for (const path of Object.keys(exampleFiles)) {
            const expected = checked.files.find(file => file.path === path)?.findings ?? [];
            const shown = latestDiagnostics(running.published, uriOf(EXAMPLES, path)) ?? [];
            const key = (rule: string | undefined, line: number) => `${rule}@${line}`;
            expect(shown.map(d => key(d.code, d.range.start.line + 1)).sort(), path).toEqual(
                expected.map(f => key(f.rule, f.line)).sort(),
            );
        }
        expect(checked.files.flatMap(f => f.findings).map(f => f.rule)).toContain('too-few-points');
    }, 120_000);

    test.each(sharingPairs)(
        '%s and %s open together, each edited in turn, settle after every change',
        async (a, b) => {
            running = await startServer(pathToFileURL(EXAMPLES).href);
            // While the workspace loads, a shared file is checked again as each programme importing it
            // loads: one round per change holds once it has loaded, which an unrelated file shows.
            const unrelated = Object.keys(exampleFiles).find(
                path => path !== a && path !== b && !sharingPairs.some(pair => pair.includes(path)),
            )!;
            running.connection.sendNotification('textDocument/didOpen', {
                textDocument: {
                    uri: uriOf(EXAMPLES, unrelated),
                    languageId: 'toc',
                    version: 1,
                    text: exampleFiles[unrelated],
                },
            });
            await settled(running, performance.now());
            let version = 1;
            for (const path of [a, b, a, b]) {
                const uri = uriOf(EXAMPLES, path);
                const from = running.published.length;
                if (version <= 2) {
                    running.connection.sendNotification('textDocument/didOpen', {
                        textDocument: { uri, languageId: 'toc', version: 1, text: exampleFiles[path] },
                    });
                } else {
                    const text = `${exampleFiles[path]}\n// edited ${version}\n`;
                    running.connection.sendNotification('textDocument/didChange', {
                        textDocument: { uri, version },
                        contentChanges: [{ text }],
                    });
                }
                const sent = performance.now();
                version++;
                await settled(running, sent);
                const counts = publicationsSince(running, from);
                expect(counts.get(uri), `step ${version - 1}, ${path}: ${JSON.stringify([...counts])}`).toBe(1);
                expect(
                    Math.max(...counts.values()),
                    `step ${version - 1}, ${path}: ${JSON.stringify([...counts])}`,
                ).toBe(1);
                await expectRequestsAnswer(running, uri, exampleFiles[path]);
            }
        },
        120_000,
    );
});

describe('after every change to how files relate, the server shows what the checker shows', () => {
    const files: Record<string, string> = {
        'people.toc': 'stakeholder Nurses "Ward nurses" {\n    level frontline\n    role "Run the rounds"\n}\n',
        'measures.toc':
            'import "people"\n\n' +
            [1, 2, 3].map(i => `measure M${i} {\n    kind process\n    owner Nurses\n}\n`).join('\n'),
        'falls.toc':
            'programme Falls "Fewer falls"\n\nimport "measures"\n\nmeasure F1 {\n    kind outcome\n    owner Nurses\n}\n',
        'sepsis.toc': 'programme Sepsis "Sepsis screening"\n\nimport "people"\n',
        'ward.toc': 'import "people"\n',
    };
    /** Each step rewrites one file; several change which files import which, or which declare a programme. */
    const steps: Array<[string, string]> = [
        ['sepsis.toc', 'programme Sepsis "Sepsis screening"\n\nimport "measures"\n'],
        [
            'ward.toc',
            'programme Ward "Ward safety"\n\nimport "people"\n\nmeasure W1 {\n    kind process\n    owner Nurses\n}\n',
        ],
        ['measures.toc', files['measures.toc'] + '\nmeasure M4 {\n    kind process\n    owner Nurses\n}\n'],
        ['falls.toc', 'programme Falls "Fewer falls"\n\nimport "measures"\nimport "ward"\n'],
        ['people.toc', files['people.toc'].replace('frontline', 'executive')],
        ['sepsis.toc', 'import "measures"\n'],
        ['falls.toc', 'programme Falls "Fewer falls"\n'],
    ];

    function checkerFindings(folder: string): Map<string, string[]> {
        const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], {
            cwd: folder,
            encoding: 'utf8',
        });
        const report = JSON.parse(cli.stdout) as {
            files: Array<{
                path: string;
                findings: Array<{ rule: string; line: number; column: number; message: string }>;
            }>;
        };
        return new Map(
            report.files.map(file => [
                uriOf(folder, file.path),
                file.findings.map(f => `${f.line}:${f.column} ${f.rule} ${f.message}`).sort(),
            ]),
        );
    }

    function serverFindings(server: RunningServer, uri: string): string[] | undefined {
        return latestDiagnostics(server.published, uri)
            ?.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)
            .sort();
    }

    test('programmes gaining and losing imports and declarations', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-relations-'));
        for (const [path, text] of Object.entries(files)) {
            writeFileSync(join(folder, path), text);
        }
        running = await startServer(pathToFileURL(folder).href);
        const versions = new Map<string, number>();
        for (const path of Object.keys(files)) {
            versions.set(path, 1);
            running.connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: uriOf(folder, path), languageId: 'toc', version: 1, text: files[path] },
            });
        }
        await settled(running, performance.now());
        const compare = (step: string) => {
            for (const [uri, findings] of checkerFindings(folder)) {
                expect(serverFindings(running!, uri), `${step}: ${uri}`).toEqual(findings);
            }
        };
        compare('opened');
        for (const [path, text] of steps) {
            const version = versions.get(path)! + 1;
            versions.set(path, version);
            writeFileSync(join(folder, path), text);
            const from = running.published.length;
            running.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uriOf(folder, path), version },
                contentChanges: [{ text }],
            });
            const sent = performance.now();
            await settled(running, sent);
            expect(Math.max(...publicationsSince(running, from).values())).toBe(1);
            compare(`after rewriting ${path}`);
        }
    }, 120_000);
});

describe('a workspace larger than one batch of loading', () => {
    test('a file opened while the workspace loads is checked with its imports, then stays quiet, and no file outside its model is checked', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-batches-'));
        // 600 files load in three batches; the shared file sorts last, after the programme.
        for (let i = 0; i < 600; i++) {
            writeFileSync(join(folder, `a${String(i).padStart(4, '0')}.toc`), `outcome O${i} { horizon short }\n`);
        }
        const plan = 'import "zz-shared"\n\nprogramme Plan "A plan"\n\nlink Train -> Safer\n';
        writeFileSync(join(folder, 'b-plan.toc'), plan);
        writeFileSync(
            join(folder, 'zz-shared.toc'),
            'activity Train { owner Team }\noutcome Safer { horizon short }\nstakeholder Team { role "trainers" }\n',
        );
        running = await startServer(pathToFileURL(folder).href);
        const uri = uriOf(folder, 'b-plan.toc');
        running.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text: plan },
        });
        const sent = performance.now();
        await settled(running, sent);
        const codes = latestDiagnostics(running.published, uri)?.map(d => d.code) ?? [];
        expect(codes).not.toContain('unresolved-reference');
        expect(codes).not.toContain('unresolved-import');
        expect(codes.length).toBeGreaterThan(0); // the programme's rule findings
        expect(Math.max(...publicationsSince(running, 0).values())).toBeLessThanOrEqual(2);
        // Only the open model's files are checked: the 600 loaded behind it are not, as they load or after an edit.
        running.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: `${plan}\n` }],
        });
        await settled(running, performance.now());
        expect([...publicationsSince(running, 0).keys()].sort()).toEqual([uri, uriOf(folder, 'zz-shared.toc')]);
    }, 120_000);
});
