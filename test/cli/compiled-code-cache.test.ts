/**
 * The CLI's launcher keeps V8's compiled code between runs. On Node before 22 it does so itself,
 * under the user's cache folder; whatever happens to that folder, a run must give the same result.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const NODE_KEEPS_CODE = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
let folder: string;

function tocWithCache(cache: string) {
    const result = spawnSync(process.execPath, [CLI, 'check', 'plan.toc', '--format', 'json'], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cache, NODE_COMPILE_CACHE: join(cache, 'node') },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cachedFiles(cache: string): string[] {
    try {
        return readdirSync(join(cache, 'theory-of-change', 'compiled'));
    } catch {
        return [];
    }
}

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-code-cache-'));
    writeFileSync(join(folder, 'plan.toc'), 'outcome Safer { horizon short }\nlink Safer -> Nowhere\n');
});

describe.runIf(!NODE_KEEPS_CODE)('the compiled code kept between runs (Node before 22)', () => {
    test('the first run keeps it (replacing what an earlier build kept), and later runs report exactly the same', () => {
        const cache = mkdtempSync(join(tmpdir(), 'toc-cache-home-'));
        mkdirSync(join(cache, 'theory-of-change', 'compiled'), { recursive: true });
        writeFileSync(
            join(cache, 'theory-of-change', 'compiled', 'cli-main.cjs-check--v0.0.0-x64-1-1.bin'),
            'from an earlier build',
        );
        writeFileSync(
            join(cache, 'theory-of-change', 'compiled', 'cli-main.cjs-diagram--v0.0.0-x64-1-1.bin'),
            'another command',
        );
        const first = tocWithCache(cache);
        expect(first.code).toBe(1);
        expect(first.stderr).toBe('');
        const kept = cachedFiles(cache).filter(name => name.startsWith('cli-main.cjs-check--'));
        expect(kept).toHaveLength(1);
        expect(kept[0]).toContain(process.version);
        expect(cachedFiles(cache)).toContain('cli-main.cjs-diagram--v0.0.0-x64-1-1.bin');
        const code = readFileSync(join(cache, 'theory-of-change', 'compiled', kept[0]));
        expect(code.length).toBeGreaterThan(100_000);
        expect(tocWithCache(cache)).toEqual(first);
    });

    test('a file a killed run left half written is removed once it is old; one being written now is not', () => {
        const cache = mkdtempSync(join(tmpdir(), 'toc-cache-home-'));
        const compiled = join(cache, 'theory-of-change', 'compiled');
        mkdirSync(compiled, { recursive: true });
        const abandoned = join(compiled, 'cli-main.cjs-diagram--v0.0.0-x64-1-1.bin.4242');
        const current = join(compiled, 'cli-main.cjs-chart--v0.0.0-x64-1-1.bin.4343');
        writeFileSync(abandoned, 'half');
        writeFileSync(current, 'half');
        const hourAgo = new Date(Date.now() - 60 * 60_000);
        utimesSync(abandoned, hourAgo, hourAgo);
        expect(tocWithCache(cache).code).toBe(1);
        expect(cachedFiles(cache)).not.toContain('cli-main.cjs-diagram--v0.0.0-x64-1-1.bin.4242');
        expect(cachedFiles(cache)).toContain('cli-main.cjs-chart--v0.0.0-x64-1-1.bin.4343');
    });

    test('a damaged cache file is ignored and replaced', () => {
        const cache = mkdtempSync(join(tmpdir(), 'toc-cache-home-'));
        const clean = tocWithCache(cache);
        const [name] = cachedFiles(cache);
        writeFileSync(join(cache, 'theory-of-change', 'compiled', name), 'not compiled code');
        expect(tocWithCache(cache)).toEqual(clean);
        expect(readFileSync(join(cache, 'theory-of-change', 'compiled', name)).length).toBeGreaterThan(100_000);
    });

    test('a cache folder that cannot be written costs nothing but speed', () => {
        const cache = mkdtempSync(join(tmpdir(), 'toc-cache-home-'));
        writeFileSync(join(cache, 'theory-of-change'), 'a file where the folder would go');
        chmodSync(join(cache, 'theory-of-change'), 0o400);
        const result = tocWithCache(cache);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout).files[0].findings.map((f: { rule: string }) => f.rule)).toContain(
            'unresolved-reference',
        );
    });
});
