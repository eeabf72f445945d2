import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS bundle, keeping V8's compiled code between runs so that a cold start does not
 * compile the bundle again. Node 22 and later do this themselves (module.enableCompileCache);
 * on older Node the code is kept under the user's cache folder, written once, after the first
 * run, so that it holds every function that run needed and not only the top level. `use` names
 * the kind of run (the CLI's command), each kept apart, as each needs different functions.
 */
export function runBundle(bundle: string, use = 'default'): void {
    const enableCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
    if (enableCompileCache) {
        enableCompileCache();
        createRequire(bundle)(bundle);
        return;
    }
    const source = readFileSync(bundle, 'utf8');
    const cacheFile = cacheFileFor(bundle, use);
    const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
    // The same wrapper Node puts around a CommonJS module.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
        filename: bundle,
        cachedData,
    });
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
        process.once('exit', () => save(cacheFile, script));
    }
    const module = { exports: {} };
    (script.runInThisContext() as (...args: unknown[]) => void)(
        module.exports,
        createRequire(bundle),
        module,
        bundle,
        dirname(bundle),
    );
}

/** Between what a cache file is for (bundle and kind of run) and what it was made by. */
const KEY_SEPARATOR = '--';

/** One file per bundle, kind of run, version of Node and build of the bundle; V8 itself rejects a mismatch. */
function cacheFileFor(bundle: string, use: string): string | undefined {
    try {
        const stats = statSync(bundle);
        const folder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'theory-of-change', 'compiled');
        const kind = /^[a-z]{1,20}$/.test(use) ? use : 'other';
        return join(
            folder,
            `${basename(bundle)}-${kind}${KEY_SEPARATOR}${process.version}-${process.arch}-${stats.size}-${Math.trunc(stats.mtimeMs)}.bin`,
        );
    } catch {
        return undefined;
    }
}

function readOrUndefined(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/** A cache that cannot be written (read-only home, full disk) only costs speed. */
function save(file: string, script: Script): void {
    try {
        const folder = dirname(file);
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        // Written aside and renamed, so that a run started meanwhile never reads half a file.
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, file);
        const stem = basename(file).slice(0, basename(file).indexOf(KEY_SEPARATOR) + KEY_SEPARATOR.length);
        for (const name of readdirSync(folder)) {
            // The same kind of run of an earlier build or Node: never read again.
            const superseded = name !== basename(file) && name.startsWith(stem) && name.endsWith('.bin');
            if (superseded || isAbandoned(join(folder, name))) {
                rmSync(join(folder, name), { force: true });
            }
        }
    } catch {
        // Nothing to do: the next run compiles again.
    }
}

/** How long a file being written aside may take before it counts as left by a run that was killed. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** A file written aside (`<cache file>.<pid>`) by a run that stopped before renaming it, long enough ago. */
function isAbandoned(path: string): boolean {
    if (!/\.bin\.\d+$/.test(path)) {
        return false;
    }
    // Gone meanwhile (renamed into place by its run) is not abandoned.
    const written = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    return written !== undefined && Date.now() - written > ABANDONED_AFTER_MS;
}
