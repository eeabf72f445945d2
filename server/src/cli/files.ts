import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A problem with how the command was called or with its input: one line, exit code 2. */
export class UsageError extends Error {}

/** What a failed read's or write's error code means, in words a user can act on. */
const CAUSES: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'part of its path is not a folder',
    EISDIR: 'it is a folder',
    EBUSY: 'it is in use by another program',
};

export function causeOf(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    return (code && CAUSES[code]) ?? (error instanceof Error ? error.message : String(error));
}

const TOC = '.toc';

/**
 * Turns command-line operands (files, folders, globs) into the `.toc` files to check. A folder
 * or glob means every `.toc` file below it, skipping `node_modules` and what `.gitignore` files
 * ignore; a file named explicitly is always checked. Each file must be a readable text file, and
 * there must be at least one. `whenFound` hears of the files before they are read.
 */
export async function expandPaths(
    operands: string[],
    cwd: string,
    whenFound?: (files: string[]) => void,
): Promise<string[]> {
    const found = new Set<string>();
    for (const operand of operands.length > 0 ? operands : ['.']) {
        // A name that exists is taken as written, though it holds `(`, `[` or `*`: `Falls (2024).toc`.
        if (isDynamicPattern(operand) && !existsSync(resolve(cwd, operand))) {
            const matches = await glob(operand, {
                cwd,
                absolute: true,
                onlyFiles: true,
                ignore: ['**/node_modules/**'],
            });
            const kept = withoutIgnored(matches).filter(path => path.endsWith(TOC));
            if (kept.length === 0) {
                throw new UsageError(`${operand}: no .toc files match this pattern.`);
            }
            kept.forEach(path => found.add(path));
            continue;
        }
        const path = resolve(cwd, operand);
        const stats = statOrFail(operand, path);
        if (stats.isDirectory()) {
            const matches = await glob(`**/*${TOC}`, {
                cwd: path,
                absolute: true,
                onlyFiles: true,
                ignore: ['**/node_modules/**'],
            });
            withoutIgnored(matches).forEach(match => found.add(match));
        } else {
            if (!path.endsWith(TOC)) {
                throw new UsageError(`${operand}: not a .toc file.`);
            }
            found.add(path);
        }
    }
    const files = [...found].sort();
    if (files.length === 0) {
        throw new UsageError(`no .toc files found under ${operands.join(', ') || cwd}.`);
    }
    whenFound?.(files);
    for (const file of files) {
        const problem = textFileProblem(relative(cwd, file) || file, file);
        if (problem) {
            throw problem;
        }
    }
    return files;
}

/** A single model file, as `scorecard` and other one-model commands take. */
export async function modelFile(operand: string, cwd: string): Promise<string> {
    const path = resolve(cwd, operand);
    if (statOrFail(operand, path).isDirectory()) {
        throw new UsageError(`${operand}: is a folder; give the .toc file of the model.`);
    }
    if (!path.endsWith(TOC)) {
        throw new UsageError(`${operand}: not a .toc file.`);
    }
    const problem = textFileProblem(operand, path);
    if (problem) {
        throw problem;
    }
    return path;
}

function statOrFail(operand: string, path: string) {
    try {
        return statSync(path);
    } catch (error) {
        throw statProblem(operand, (error as NodeJS.ErrnoException).code);
    }
}

/**
 * Why a file given to check is not a readable text file, if it is not. Read synchronously: for
 * thousands of small files, promises and file handles cost several times the reads themselves.
 */
function textFileProblem(shown: string, path: string): UsageError | undefined {
    let fd: number | undefined;
    try {
        // Opening a pipe, socket or device would block, or never end.
        if (!statSync(path).isFile()) {
            return new UsageError(`${shown}: is not a regular file (a pipe, socket or device); give a .toc file.`);
        }
        fd = openSync(path, 'r');
        const bytesRead = readSync(fd, HEAD, 0, HEAD.length, 0);
        return HEAD.subarray(0, bytesRead).includes(0) ? new UsageError(`${shown}: is not a text file.`) : undefined;
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ELOOP'
            ? statProblem(shown, code)
            : new UsageError(`${shown}: cannot be read (${causeOf(error)}).`);
    } finally {
        if (fd !== undefined) {
            closeSync(fd);
        }
    }
}

/** The start of a file, where a binary file shows itself by a zero byte. */
const HEAD = Buffer.alloc(8192);

function statProblem(operand: string, code: string | undefined): UsageError {
    return new UsageError(
        code === 'ELOOP' ? `${operand}: the path loops through symbolic links.` : `${operand}: no such file or folder.`,
    );
}

/**
 * Drops files that a `.gitignore` ignores: those in the file's folder and every folder above it,
 * up to the root of its git repository.
 */
function withoutIgnored(paths: string[]): string[] {
    const matchers = new Map<string, ReturnType<typeof ignore> | undefined>();
    const matcherFor = (folder: string) => {
        if (!matchers.has(folder)) {
            let rules: string | undefined;
            try {
                rules = readFileSync(join(folder, '.gitignore'), 'utf8');
            } catch {
                rules = undefined;
            }
            matchers.set(folder, rules === undefined ? undefined : ignore().add(rules));
        }
        return matchers.get(folder);
    };
    const roots = new Map<string, boolean>();
    const isRoot = (folder: string) => {
        let root = roots.get(folder);
        if (root === undefined) {
            roots.set(folder, (root = existsSync(join(folder, '.git')) || dirname(folder) === folder));
        }
        return root;
    };
    return paths.filter(path => {
        for (let folder = dirname(path); ; folder = dirname(folder)) {
            const matcher = matcherFor(folder);
            if (matcher?.ignores(relative(folder, path).split(sep).join('/'))) {
                return false;
            }
            if (isRoot(folder)) {
                return true;
            }
        }
    });
}

/** A path as the file system resolves it: through symbolic links, when the file exists. */
function samePathKey(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return resolve(path);
    }
}

/**
 * Refuses, before anything is written, an output path that is one of the files the command read:
 * writing there would replace a model with a report.
 */
export function refuseInputsAsOutputs(
    outputs: Array<{ path: string | undefined; option: string }>,
    inputs: Iterable<string>,
): void {
    if (!outputs.some(({ path }) => path !== undefined && path !== '-')) {
        return;
    }
    const read = new Set([...inputs].map(samePathKey));
    for (const { path, option } of outputs) {
        if (path !== undefined && path !== '-' && read.has(samePathKey(path))) {
            throw new UsageError(
                `${option} ${path}: that is one of the models this command reads, and writing there would replace it. Give another file.`,
            );
        }
    }
}
