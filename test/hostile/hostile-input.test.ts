/**
 * Hostile input: the command-line checker and the language server must survive each of these with
 * a clear message, no crash and no hang.
 *
 * - The CLI (`dist/cli.js check`) must exit 0 or 1 for a model (whatever is in it), 2 for a usage
 *   or file problem, print no stack trace, and finish within its time limit.
 * - The server (`dist/server.js --stdio`) must publish diagnostics for a document opened with the
 *   text, stay alive, answer hover and document symbols afterwards, and log no internal error.
 *
 * A problem found here that cannot be fixed at once is written as a `test.fails` naming the file
 * where the fix belongs: it passes while the problem is there, and fails (so that someone turns it
 * into a plain test) once it is fixed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type MessageConnection,
} from 'vscode-jsonrpc/node';

import { CLI, latestDiagnostics, SERVER, type PublishDiagnostics } from '../support/language-server.js';
import { EXAMPLES } from '../support/examples.js';

/** How long one CLI run may take before it counts as a hang. */
const CLI_LIMIT_MS = 10_000;
const FIVE_MB = 5 * 1024 * 1024;

// ------------------------------------------------------------------ inputs

/** A model with one known error: `Nowhere` (line 2, column 15) is not declared. */
const KNOWN = 'outcome Safer { horizon short }\nlink Safer -> Nowhere\n';

/** mulberry32: a small seeded generator, so every run sees the same "random" input. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Random bytes: with `nul` false, none is zero (so the file is not rejected as binary); most are not valid UTF-8. */
function randomBytes(seed: number, length: number, nul: boolean): Buffer {
    const next = random(seed);
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
        bytes[i] = nul ? Math.floor(next() * 256) : 1 + Math.floor(next() * 255);
    }
    return bytes;
}

/** Random valid UTF-8: code points from ASCII (the language's own characters most often) up to emoji, no NUL, no lone surrogates. */
function randomText(seed: number, length: number): string {
    const next = random(seed);
    const pieces = [
        'outcome',
        'measure',
        'measures',
        'link',
        '->',
        'import',
        '{',
        '}',
        '"',
        ',',
        '%',
        ':',
        '/*',
        '*/',
        '//',
        '\n',
        '\r\n',
        ' ',
        'horizon',
        'short',
        '\\',
    ];
    let text = '';
    while (text.length < length) {
        const r = next();
        if (r < 0.3) {
            text += pieces[Math.floor(next() * pieces.length)];
        } else if (r < 0.7) {
            text += String.fromCodePoint(1 + Math.floor(next() * 0x7f));
        } else if (r < 0.95) {
            text += String.fromCodePoint(0x80 + Math.floor(next() * (0xd7ff - 0x80)));
        } else {
            text += String.fromCodePoint(0x1f300 + Math.floor(next() * 0x300));
        }
    }
    return text;
}

// ------------------------------------------------------------------ the CLI

interface CliResult {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    ms: number;
}

function toc(cwd: string, ...args: string[]): CliResult {
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 30_000,
        maxBuffer: 512 * 1024 * 1024,
    });
    return {
        code: result.status,
        signal: result.signal,
        stdout: result.stdout,
        stderr: result.stderr,
        ms: performance.now() - started,
    };
}

/** Finished in time, with one of the expected exit codes, and without a stack trace. */
function expectClean(result: CliResult, codes: number[], limitMs = CLI_LIMIT_MS): void {
    expect(result.signal, `killed after ${Math.round(result.ms)} ms: a hang`).toBeNull();
    expect(codes, `exit code ${result.code}; stderr: ${result.stderr.slice(0, 2000)}`).toContain(result.code);
    expect(result.stderr, 'a stack trace on standard error').not.toMatch(/^ {4}at /m);
    expect(result.stderr).not.toContain('unexpected failure');
    expect(result.ms).toBeLessThan(limitMs);
}

interface Finding {
    rule: string;
    severity: string;
    message: string;
    line: number;
    column: number;
}

function findings(result: CliResult): Finding[] {
    const report = JSON.parse(result.stdout) as { files: Array<{ findings: Finding[] }> };
    return report.files.flatMap(file => file.findings);
}

// ------------------------------------------------------------------ the server

/** Fails with `what` if the promise does not settle within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Server {
    readonly published: PublishDiagnostics[] = [];
    /** Internal errors the server logged (it logs and carries on): each is a bug. */
    readonly errors: string[] = [];
    private readonly waiting = new Map<string, (params: PublishDiagnostics) => void>();

    private constructor(
        readonly process: ChildProcess,
        readonly connection: MessageConnection,
    ) {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnostics) => {
            this.published.push(params);
            this.waiting.get(params.uri)?.(params);
            this.waiting.delete(params.uri);
        });
        connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1 || /Unexpected error|Unhandled rejection|An error occurred/.test(params.message)) {
                this.errors.push(params.message);
            }
        });
        connection.onRequest(() => null);
        connection.listen();
    }

    static async start(root?: string): Promise<Server> {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(
            new StreamMessageReader(child.stdout!),
            new StreamMessageWriter(child.stdin!),
        );
        const server = new Server(child, connection);
        child.stderr!.on('data', (chunk: Buffer) => {
            if (/^ {4}at /m.test(chunk.toString())) {
                server.errors.push(chunk.toString());
            }
        });
        const rootUri = root ? pathToFileURL(root).href : null;
        await within(
            connection.sendRequest('initialize', {
                processId: process.pid,
                rootUri,
                capabilities: {},
                workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
            }),
            10_000,
            'initialize',
        );
        connection.sendNotification('initialized', {});
        // These inputs are for the analysis itself, so the editor's size limit (tested on its own
        // in the stdio tests) is lifted.
        connection.sendNotification('workspace/didChangeConfiguration', { settings: { toc: { maxFileSizeMB: 0 } } });
        return server;
    }

    get alive(): boolean {
        return this.process.exitCode === null && this.process.signalCode === null;
    }

    /** Opens a document and waits for its first diagnostics. */
    open(uri: string, text: string, ms = 15_000): Promise<PublishDiagnostics> {
        const published = new Promise<PublishDiagnostics>(resolve => this.waiting.set(uri, resolve));
        this.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'toc', version: 1, text },
        });
        return within(published, ms, `diagnostics for ${uri}`);
    }

    request<T>(method: string, params: object, ms = 10_000): Promise<T> {
        return within(this.connection.sendRequest(method, params) as Promise<T>, ms, method);
    }

    stop(): void {
        this.connection.dispose();
        this.process.kill();
    }
}

let server: Server | undefined;

afterEach(() => {
    server?.stop();
    server = undefined;
});

/** Diagnostics arrive, and afterwards the server is alive and answers hover and document symbols. */
async function expectServerSurvives(
    text: string,
    options: { uri?: string; root?: string; allowErrors?: boolean; ms?: number } = {},
): Promise<PublishDiagnostics> {
    server ??= await Server.start(options.root);
    const uri = options.uri ?? `file:///virtual/hostile-${Math.random().toString(36).slice(2)}.toc`;
    const published = await server.open(uri, text, options.ms);
    expect(server.alive, 'the server process exited').toBe(true);
    const middle = text.slice(0, Math.floor(text.length / 2)).split(/\r\n|\r|\n/);
    for (const position of [
        { line: 0, character: 0 },
        { line: middle.length - 1, character: middle.at(-1)!.length },
        { line: 10_000, character: 3 },
    ]) {
        await server.request('textDocument/hover', { textDocument: { uri }, position });
    }
    const symbols = await server.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols === null || Array.isArray(symbols)).toBe(true);
    expect(server.alive).toBe(true);
    if (!options.allowErrors) {
        expect(server.errors, 'the server logged internal errors').toEqual([]);
    }
    return published;
}

const errorsOf = (published: PublishDiagnostics) => published.diagnostics.filter(d => d.severity === 1);

// ------------------------------------------------------------------ the cases

let folder: string;

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-hostile-'));
});

afterAll(() => {
    server?.stop();
});

function file(name: string, content: string | Buffer): string {
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
}

describe('empty and nearly empty files', () => {
    test('an empty file', async () => {
        file('empty.toc', '');
        expect(toc(folder, 'check', 'empty.toc')).toMatchObject({ code: 0, stdout: '1 file checked, no problems.\n' });
        expect((await expectServerSurvives('')).diagnostics).toEqual([]);
    });

    test('a byte-order mark only', async () => {
        file('bom-only.toc', '\uFEFF');
        expect(toc(folder, 'check', 'bom-only.toc')).toMatchObject({
            code: 0,
            stdout: '1 file checked, no problems.\n',
        });
        expect((await expectServerSurvives('\uFEFF')).diagnostics).toEqual([]);
    });

    test('a byte-order mark before a model: the finding on line 2 is where it should be', async () => {
        file('bom-model.toc', `\uFEFF${KNOWN}`);
        const result = toc(folder, 'check', 'bom-model.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-reference', line: 2, column: 15 },
        ]);
        const published = await expectServerSurvives(`\uFEFF${KNOWN}`);
        expect(errorsOf(published).map(d => [d.code, d.range.start.line, d.range.start.character])).toEqual([
            ['unresolved-reference', 1, 14],
        ]);
    });
});

describe('line endings', () => {
    const cases: Array<[string, string, number]> = [
        ['CRLF', KNOWN.replace(/\n/g, '\r\n'), 2],
        ['CRLF and LF mixed', 'outcome Safer { horizon short }\r\n\nactivity Train\r\nlink Safer -> Nowhere\n', 4],
        ['old Mac CR', 'outcome Safer { horizon short }\r\rlink Safer -> Nowhere\r', 3],
        [
            'CRLF with a multi-line comment and string',
            '/* one\r\n two\n three */\r\noutcome Safer "a\r\ntitle" { horizon short }\r\nlink Safer -> Nowhere\r\n',
            6,
        ],
    ];
    test.each(cases)('%s: findings keep their lines', async (name, text, line) => {
        const path = `line-endings-${name.replace(/\W+/g, '-')}.toc`;
        file(path, text);
        const result = toc(folder, 'check', path, '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-reference', line, column: 15 },
        ]);
        const published = await expectServerSurvives(text);
        expect(errorsOf(published).map(d => [d.code, d.range.start.line, d.range.start.character])).toEqual([
            ['unresolved-reference', line - 1, 14],
        ]);
    });
});

describe('a 5 MB line', () => {
    test('a 5 MB quoted title answers in reasonable time', async () => {
        const text = `outcome Huge "${'x'.repeat(FIVE_MB)}" { horizon short }\nlink Huge -> Nowhere\n`;
        file('huge-string.toc', text);
        const result = toc(folder, 'check', 'huge-string.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-reference', line: 2, column: 14 },
        ]);
        console.log(`toc check on a 5 MB quoted title: ${Math.round(result.ms)} ms`);
        const published = await expectServerSurvives(text, { ms: 20_000 });
        expect(errorsOf(published).map(d => d.code)).toEqual(['unresolved-reference']);
    }, 60_000);

    test('a 5 MB run of names answers in reasonable time', async () => {
        let text = '';
        for (let i = 0; text.length < FIVE_MB; i++) {
            text += `Name${i} `;
        }
        file('huge-names.toc', text);
        const result = toc(folder, 'check', 'huge-names.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).map(f => f.rule)).toContain('syntax-error');
        console.log(`toc check on a 5 MB run of names: ${Math.round(result.ms)} ms`);
        const published = await expectServerSurvives(text, { ms: 20_000 });
        expect(errorsOf(published).map(d => d.code)).toContain('syntax-error');
    }, 60_000);
});

describe('deep nesting', () => {
    const braces = '{'.repeat(2000) + '}'.repeat(2000);
    test.each([
        ['alone', braces],
        ['after a declaration', `outcome A ${braces}`],
        ['inside a block', `outcome A { horizon short ${braces} }\n${KNOWN}`],
        ['unbalanced', `outcome A ${'{'.repeat(2000)}`],
    ])('2,000 nested braces, %s', async (name, text) => {
        const path = `braces-${name.replace(/\W+/g, '-')}.toc`;
        file(path, text);
        const result = toc(folder, 'check', path, '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).map(f => f.rule)).toContain('syntax-error');
        expect(errorsOf(await expectServerSurvives(text)).map(d => d.code)).toContain('syntax-error');
    });
});

describe('random bytes', () => {
    const seeds = [1, 2, 3, 4, 5];

    test('valid UTF-8 text (5 seeds, 64 KB each)', async () => {
        for (const seed of seeds) {
            const text = randomText(seed, 64 * 1024);
            file(`random/utf8-${seed}.toc`, text);
            const result = toc(folder, 'check', `random/utf8-${seed}.toc`, '--format', 'json');
            expectClean(result, [0, 1]);
            await expectServerSurvives(text);
        }
    }, 60_000);

    test('invalid UTF-8 without NUL bytes (5 seeds, 64 KB each): checked as text', async () => {
        for (const seed of seeds) {
            const bytes = randomBytes(seed, 64 * 1024, false);
            file(`random/bytes-${seed}.toc`, bytes);
            const result = toc(folder, 'check', `random/bytes-${seed}.toc`, '--format', 'json');
            expectClean(result, [0, 1]);
            // What an editor would send: the bytes decoded as UTF-8, invalid sequences replaced.
            await expectServerSurvives(bytes.toString('utf8'));
        }
    }, 60_000);

    test('binary (NUL bytes): the CLI refuses it as not text, the server copes', async () => {
        const bytes = randomBytes(42, 64 * 1024, true);
        file('random/binary.toc', bytes);
        const result = toc(folder, 'check', 'random/binary.toc');
        expectClean(result, [2]);
        expect(result.stderr).toBe('toc: random/binary.toc: is not a text file.\n');
        await expectServerSurvives(bytes.toString('utf8'));
    });

    test('a folder of random files in one run', () => {
        for (const seed of [11, 12]) {
            file(`random-folder/utf8-${seed}.toc`, randomText(seed, 16 * 1024));
            file(`random-folder/bytes-${seed}.toc`, randomBytes(seed, 16 * 1024, false));
        }
        const result = toc(join(folder, 'random-folder'), 'check', '--format', 'json');
        expectClean(result, [0, 1]);
        expect((JSON.parse(result.stdout) as { summary: { files: number } }).summary.files).toBe(4);
    });
});

/**
 * Cut points in an example: just after the first occurrence of each piece of text. `broke` says
 * what a cut there used to break (each has a regression test below).
 */
const CUTS: Array<{ example: string; after: string; broke?: string }> = [
    { example: 'keystone-icu.toc', after: '/*' },
    { example: 'keystone-icu.toc', after: 'programme' },
    { example: 'keystone-icu.toc', after: 'programme KeystoneIcu "Keystone' },
    { example: 'keystone-icu.toc', after: 'period 2004-03-01 to' },
    { example: 'keystone-icu.toc', after: 'period 2004-03' },
    { example: 'keystone-icu.toc', after: 'professions medicine,' },
    { example: 'keystone-icu.toc', after: 'figure "Mean CRBSI rate across participating ICUs at baseline" is 7.' },
    { example: 'keystone-icu.toc', after: '// The CUSP' },
    { example: 'keystone-icu.toc', after: 'agreed by' },
    { example: 'keystone-icu.toc', after: 'link FivePracticesTaught:', broke: 'link without a source' },
    { example: 'keystone-icu.toc', after: 'link LineCart -> PracticesUsed {' },
    { example: 'keystone-icu.toc', after: 'link LineCart -> PracticesUsed {\n    mechanism' },
    { example: 'keystone-icu.toc', after: 'evidence strong citing' },
    { example: 'keystone-icu.toc', after: 'target reduce' },
    { example: 'keystone-icu.toc', after: 'sustain' },
    { example: 'keystone-icu.toc', after: 'link LineCart', broke: 'link without a target' },
    { example: 'keystone-icu.toc', after: 'link LineCart ->', broke: 'link without a target' },
    { example: 'keystone-icu.toc', after: '\nlink', broke: 'link without a source' },
    { example: 'safer-patients-initiative/spi1.toc', after: 'import "shared/people"' },
    { example: 'safer-patients-initiative/spi1.toc', after: 'import "shared/pe', broke: 'import without a path' },
    { example: 'safer-patients-initiative/spi1.toc', after: '\nimport', broke: 'import without a path' },
];

function truncated(example: string, after: string): string {
    const text = readFileSync(join(EXAMPLES, example), 'utf8');
    const at = text.indexOf(after);
    if (at < 0) {
        throw new Error(`${after} is not in ${example}`);
    }
    return text.slice(0, at + after.length);
}

describe('a file cut off mid-statement', () => {
    test.each(CUTS.map(cut => [cut.example, cut.after]))('%s cut after %j', async (example, after) => {
        const text = truncated(example, after);
        // Beside copies of the files it imports, so that its imports resolve as they would.
        const copy = file(`cut/${example}`, text);
        for (const imported of ['shared/people.toc', 'shared/evidence.toc']) {
            file(
                `cut/safer-patients-initiative/${imported}`,
                readFileSync(join(EXAMPLES, 'safer-patients-initiative', imported)),
            );
        }
        const result = toc(folder, 'check', copy, '--format', 'json');
        expectClean(result, [0, 1]);
        await expectServerSurvives(text, { uri: pathToFileURL(copy).href });
    });

    test('every tenth of every example', async () => {
        for (const example of ['keystone-icu.toc', 'diabetes-primary-care.toc', 'safer-patients-initiative/spi2.toc']) {
            const text = readFileSync(join(EXAMPLES, example), 'utf8');
            for (let tenth = 1; tenth < 10; tenth++) {
                const cut = text.slice(0, Math.floor((text.length * tenth) / 10));
                const copy = file(`tenths/${tenth}-${example.replace(/\//g, '-')}`, cut);
                expectClean(toc(folder, 'check', copy), [0, 1]);
            }
        }
    }, 60_000);
});

describe('names and text from other scripts', () => {
    const lines = [
        'stakeholder Медсёстры "Медицинские сёстры" { level frontline }',
        'activity Обучение "Formation des équipes, première étape" { owner Медсёстры }',
        'outcome Ασφάλεια "Λιγότερες πτώσεις 🚑👩🏽‍⚕️" { horizon short }',
        'outcome 安全な病棟 "病棟の安全 😀" { horizon long }',
        'link Обучение -> Ασφάλεια { mechanism "Überprüfung der Sturzrisiken 🏥" evidence moderate }',
        'link Ασφάλεια -> 安全な病棟 { mechanism "こんにちは" evidence weak }',
        'outcome Ζωή "🏥🚑 ça va" link Ζωή -> Ωμέγα',
    ];
    const text = `${lines.join('\n')}\n`;
    // Columns count UTF-16 code units, as LSP positions do: the emoji before `Ωμέγα` count two each.
    const column = lines[6].indexOf('Ωμέγα') + 1;

    test('Greek, Cyrillic, accented Latin, CJK names and emoji in strings', async () => {
        file('scripts.toc', text);
        const result = toc(folder, 'check', 'scripts.toc', '--format', 'json');
        expectClean(result, [1]);
        const errors = findings(result).filter(f => f.severity === 'error');
        expect(errors).toMatchObject([{ rule: 'unresolved-reference', line: 7, column }]);
        expect(errors[0].message).toContain('`Ωμέγα` is not declared');
        const stylish = toc(folder, 'check', 'scripts.toc');
        expect(stylish.stdout).toContain(`scripts.toc:7:${column}  error    \`Ωμέγα\` is not declared`);

        const published = await expectServerSurvives(text);
        expect(errorsOf(published).map(d => [d.code, d.range.start.line, d.range.start.character])).toEqual([
            ['unresolved-reference', 6, column - 1],
        ]);
        const hover = await server!.request<{ contents: { value: string } }>('textDocument/hover', {
            textDocument: { uri: published.uri },
            position: { line: 4, character: 'link Обучение -> Ασ'.length },
        });
        expect(hover.contents.value).toContain('`Ασφάλεια` — Λιγότερες πτώσεις 🚑👩🏽‍⚕️');
    });
});

describe('paths that are not model files', () => {
    test('a folder named x.toc', async () => {
        mkdirSync(join(folder, 'folders', 'empty.toc'), { recursive: true });
        expect(toc(join(folder, 'folders'), 'check', 'empty.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: no .toc files found under empty.toc.\n',
        });
        expect(toc(join(folder, 'folders'), 'format', 'empty.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: no .toc files found under empty.toc.\n',
        });
        file('folders/models.toc/plan.toc', KNOWN);
        const inside = toc(join(folder, 'folders'), 'check', 'models.toc');
        expectClean(inside, [1]);
        expect(inside.stdout).toContain('models.toc/plan.toc:2:15');
        // An import of it: the folder is not a model file.
        const published = await expectServerSurvives('import "empty"\noutcome A { horizon short }\n', {
            uri: pathToFileURL(join(folder, 'folders', 'plan.toc')).href,
        });
        expect(errorsOf(published).map(d => d.code)).toEqual(['unresolved-import']);
    });

    test('an unreadable file: a dangling symbolic link, a device, and (when not root) a file without read permission', async () => {
        // The tests run as root in CI, where chmod 000 does not stop reading; a dangling link is the
        // unreadable file we can always make. The permission case runs only for other users.
        symlinkSync(join(folder, 'unreadable', 'gone.toc'), join(folder, 'dangling.toc'));
        expect(toc(folder, 'check', 'dangling.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: dangling.toc: no such file or folder.\n',
        });
        symlinkSync('/dev/zero', join(folder, 'zero.toc'));
        const zero = toc(folder, 'check', 'zero.toc');
        expectClean(zero, [2]);
        expect(zero.stderr).toBe(
            'toc: zero.toc: is not a regular file (a pipe, socket or device); give a .toc file.\n',
        );
        const published = await expectServerSurvives('import "dangling"\noutcome A { horizon short }\n', {
            uri: pathToFileURL(join(folder, 'plan.toc')).href,
        });
        expect(errorsOf(published).map(d => d.code)).toEqual(['unresolved-import']);
    });

    test('a missing path', async () => {
        expect(toc(folder, 'check', 'no/such/plan.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: no/such/plan.toc: no such file or folder.\n',
        });
        const published = await expectServerSurvives('import "no/such/plan"\n');
        expect(errorsOf(published).map(d => d.code)).toEqual(['unresolved-import']);
    });

    test('a symbolic link loop', async () => {
        symlinkSync(join(folder, 'loop-b.toc'), join(folder, 'loop-a.toc'));
        symlinkSync(join(folder, 'loop-a.toc'), join(folder, 'loop-b.toc'));
        expect(toc(folder, 'check', 'loop-a.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: loop-a.toc: the path loops through symbolic links.\n',
        });
        const published = await expectServerSurvives('import "loop-a"\n', {
            uri: pathToFileURL(join(folder, 'loops.toc')).href,
        });
        expect(errorsOf(published).map(d => d.code)).toEqual(['unresolved-import']);
    });
});

describe('imports', () => {
    test('an import cycle, and a file that imports itself', async () => {
        file('cycle/a.toc', 'import "b"\noutcome A { horizon short }\n');
        file('cycle/b.toc', 'import "a"\noutcome B { horizon short }\nlink B -> A\n');
        file('cycle/self.toc', 'import "self"\noutcome C { horizon short }\n');
        const result = toc(join(folder, 'cycle'), 'check', '--format', 'json');
        expectClean(result, [1]);
        const report = JSON.parse(result.stdout) as { files: Array<{ path: string; findings: Finding[] }> };
        expect(
            report.files.map(f => [
                f.path,
                f.findings.filter(x => x.severity === 'error').map(x => `${x.line}:${x.column} ${x.rule}`),
            ]),
        ).toEqual([
            ['a.toc', ['1:8 import-cycle']],
            ['b.toc', ['1:8 import-cycle']],
            ['self.toc', ['1:8 import-cycle']],
        ]);
        const published = await expectServerSurvives(readFileSync(join(folder, 'cycle', 'a.toc'), 'utf8'), {
            uri: pathToFileURL(join(folder, 'cycle', 'a.toc')).href,
        });
        await expect
            .poll(
                () =>
                    latestDiagnostics(server!.published, published.uri)
                        ?.filter(d => d.severity === 1)
                        .map(d => d.code),
                { timeout: 10_000 },
            )
            .toEqual(['import-cycle']);
    });

    test('an import of a 5 MB file', async () => {
        file('imports/huge.toc', `outcome Huge "${'y'.repeat(FIVE_MB)}" { horizon short }\n`);
        file('imports/plan.toc', 'import "huge"\nlink Huge -> Nowhere\n');
        const result = toc(join(folder, 'imports'), 'check', 'plan.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-reference', line: 2, column: 14 },
        ]);
        const published = await expectServerSurvives('import "huge"\nlink Huge -> Nowhere\n', {
            uri: pathToFileURL(join(folder, 'imports', 'plan.toc')).href,
            ms: 20_000,
        });
        await expect
            .poll(
                () =>
                    latestDiagnostics(server!.published, published.uri)
                        ?.filter(d => d.severity === 1)
                        .map(d => d.code),
                { timeout: 20_000 },
            )
            .toEqual(['unresolved-reference']);
    }, 60_000);

    // Each names something other than a local file: a URI (with a fragment that once made the
    // checker load /etc/passwd again and again, forever), a network share, a query.
    test.each([
        ['file:///etc/passwd#.toc', 'is a URI, not a path'],
        ['https://example.org/model.toc', 'is a URI, not a path'],
        ['//host/share/x', 'names a network location'],
        ['\\\\host\\share\\x', 'names a network location'],
        ['shared/people.toc#top', 'cannot contain `#` or `?`'],
        ['shared/people?.toc', 'cannot contain `#` or `?`'],
    ])(
        'an import of `%s`: one clear error, in the CLI and the server',
        async (path, says) => {
            const text = `import "${path.replace(/\\/g, '\\\\')}"\noutcome A { horizon short }\n`;
            const name = `hostile-import-${Math.random().toString(36).slice(2)}.toc`;
            file(`imports/${name}`, text);
            const result = toc(join(folder, 'imports'), 'check', name, '--format', 'json');
            expectClean(result, [1], 5_000);
            const errors = findings(result).filter(f => f.severity === 'error');
            expect(errors).toMatchObject([
                { rule: 'unresolved-import', line: 1, column: 8, message: expect.stringContaining(says) },
            ]);
            const published = await expectServerSurvives(text, {
                uri: pathToFileURL(join(folder, 'imports', name)).href,
            });
            await expect
                .poll(
                    () =>
                        latestDiagnostics(server!.published, published.uri)
                            ?.filter(d => d.severity === 1)
                            .map(d => d.message),
                    { timeout: 10_000 },
                )
                .toEqual([expect.stringContaining(says)]);
        },
        30_000,
    );

    test('an absolute path to a local file is followed', async () => {
        const target = file('imports/absolute-target.toc', 'outcome Far { horizon short }\n');
        file('imports/absolute.toc', `import "${target}"\nlink Far -> Nowhere\n`);
        const result = toc(join(folder, 'imports'), 'check', 'absolute.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-reference', line: 2, column: 13 },
        ]);
    });

    test('an import of a binary file', async () => {
        file('imports/binary.toc', randomBytes(7, 256 * 1024, true));
        file('imports/uses-binary.toc', 'import "binary"\noutcome A { horizon short }\n');
        const result = toc(join(folder, 'imports'), 'check', 'uses-binary.toc', '--format', 'json');
        expectClean(result, [1]);
        expect(findings(result).filter(f => f.severity === 'error')).toMatchObject([
            { rule: 'unresolved-import', line: 1, column: 8, message: expect.stringContaining('is not a text file') },
        ]);
        const published = await expectServerSurvives('import "binary"\noutcome A { horizon short }\n', {
            uri: pathToFileURL(join(folder, 'imports', 'uses-binary.toc')).href,
        });
        await expect
            .poll(
                () =>
                    latestDiagnostics(server!.published, published.uri)
                        ?.filter(d => d.severity === 1)
                        .map(d => d.code),
                { timeout: 20_000 },
            )
            .toEqual(['unresolved-import']);
    }, 30_000);
});

describe('a toc.config.json that is not JSON', () => {
    test('the CLI names the file and the place, and exits 2', async () => {
        const project = join(folder, 'bad-config');
        file('bad-config/plan.toc', KNOWN);
        file('bad-config/toc.config.json', '{ "rules": { "unmeasured-outcome": off }');
        const result = toc(project, 'check');
        expectClean(result, [2]);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^toc: .*toc\.config\.json:1:\d+: the configuration is not valid JSON: /);

        // The server reports the configuration on the model, and keeps going.
        server = await Server.start(project);
        const published = await expectServerSurvives(KNOWN, { uri: pathToFileURL(join(project, 'plan.toc')).href });
        expect(errorsOf(published).map(d => d.code)).toContain('unresolved-reference');
        expect(errorsOf(published).map(d => d.code)).toContain('invalid-config');
    });

    test('a binary toc.config.json', () => {
        file('binary-config/plan.toc', KNOWN);
        file('binary-config/toc.config.json', randomBytes(3, 4096, true));
        const result = toc(join(folder, 'binary-config'), 'check');
        expectClean(result, [2]);
        expect(result.stderr).toMatch(/toc\.config\.json:\d+:\d+: the configuration is not valid JSON/);
    });
});

describe('files cut off mid-statement', () => {
    // Regressions: an `import` recovered without its path used to crash the import resolution
    // (the CLI exited 2 with stack traces).
    test('a file cut off after `import`: the CLI reports a syntax error and exits 1', () => {
        const copy = file('regression/import.toc', truncated('safer-patients-initiative/spi1.toc', '\nimport'));
        expectClean(toc(folder, 'check', copy), [1]);
    });

    test('a file cut off after `import`: the server logs no internal error', async () => {
        await expectServerSurvives('outcome A { horizon short }\nimport');
    });

    // Regressions: a link recovered without one of its ends used to break every check that
    // needed the model ("An error occurred during validation").
    test.each(CUTS.filter(cut => cut.broke?.startsWith('link')).map(cut => [cut.after]))(
        'a file cut off after %j: no internal error in the findings',
        after => {
            const copy = file(
                `regression/${after.trim().replace(/\W+/g, '-')}.toc`,
                truncated('keystone-icu.toc', after),
            );
            const result = toc(folder, 'check', copy, '--format', 'json');
            expectClean(result, [1]);
            expect(
                findings(result)
                    .map(f => f.message)
                    .filter(m => m.startsWith('An error occurred')),
            ).toEqual([]);
        },
    );

    test('a file cut off after `link`: the server logs no internal error', async () => {
        await expectServerSurvives('outcome A { horizon short }\nlink A ->');
    });
});

// ------------------------------------------------------------------ found by this test set

describe('regressions found by this test set', () => {
    // Opening a named pipe blocks until something writes to it: `toc check pipe.toc` never returned.
    test('a named pipe given to toc check: exit 2 at once', () => {
        const path = join(folder, 'pipe.toc');
        const made = spawnSync('mkfifo', [path]);
        expect(made.status).toBe(0);
        const started = performance.now();
        const result = spawnSync(process.execPath, [CLI, 'check', 'pipe.toc'], {
            cwd: folder,
            encoding: 'utf8',
            timeout: 5_000,
        });
        expectClean(
            {
                code: result.status,
                signal: result.signal,
                stdout: result.stdout,
                stderr: result.stderr,
                ms: performance.now() - started,
            },
            [2],
        );
    }, 15_000);

    // The CLI read the byte-order mark as a space: every column on the first line was one more
    // than an editor shows (editors drop the mark).
    test('a byte-order mark: first-line columns are the ones an editor shows', () => {
        file('regression/bom.toc', '\uFEFFoutcome Safer { horizon short }\n');
        const result = toc(folder, 'check', 'regression/bom.toc', '--format', 'json');
        expect(findings(result).map(f => `${f.line}:${f.column}`)).toContain('1:9');
    });

    // A byte-order mark (which Windows editors write) made a valid toc.config.json "not valid
    // JSON: invalid symbol" at 1:1.
    test('a toc.config.json with a byte-order mark is read', () => {
        file('regression/bom-config/plan.toc', KNOWN);
        file('regression/bom-config/toc.config.json', '\uFEFF{ "rules": {} }');
        expectClean(toc(join(folder, 'regression', 'bom-config'), 'check'), [1]);
    });

    // docs/cli.md promises one line on standard error for a configuration problem; a file with
    // several JSON errors gave one line per error.
    test('a toc.config.json with several JSON errors: one line on standard error', () => {
        file('regression/many-errors/plan.toc', KNOWN);
        file('regression/many-errors/toc.config.json', '{ not json');
        const result = toc(join(folder, 'regression', 'many-errors'), 'check');
        expect(result.code).toBe(2);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    // The JSON parser recurses once per level, so 200,000 nested brackets overflowed the stack,
    // and the CLI reported "unexpected failure" instead of naming the configuration file.
    test('a deeply nested toc.config.json: exit 2 naming the file, no stack trace', () => {
        file('regression/deep-config/plan.toc', KNOWN);
        file('regression/deep-config/toc.config.json', '['.repeat(200_000) + ']'.repeat(200_000));
        const result = toc(join(folder, 'regression', 'deep-config'), 'check');
        expectClean(result, [2]);
        expect(result.stderr).toContain('toc.config.json');
        expect(result.stderr).toMatch(
            /toc\.config\.json:1:1: the configuration is nested too deeply to read: .*`toc schema` prints its shape/,
        );
    });

    // When the reader of standard output went away (`toc check | head`), the failed write (EPIPE)
    // printed an unhandled 'error' event with its stack trace.
    test('output piped to a reader that stops early: no stack trace', async () => {
        file('regression/epipe/many.toc', '#\n'.repeat(20_000));
        const child = spawn(process.execPath, [CLI, 'check', '--format', 'json'], {
            cwd: join(folder, 'regression', 'epipe'),
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr!.on('data', chunk => {
            stderr += chunk;
        });
        child.stdout!.once('data', () => child.stdout!.destroy());
        await new Promise(resolve => child.on('exit', resolve));
        expect(stderr).not.toMatch(/^ {4}at /m);
    }, 30_000);
});
