import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A problem with how the command was called or with its input: one line, exit code 2. */
export class UsageError extends Error {}

const TOC = '.toc';

/**
 * Turns command-line operands (files, folders, globs) into the `.toc` files to check. A folder
 * or glob means every `.toc` file below it, skipping `node_modules` and what `.gitignore` files
 * ignore; a file named explicitly is always checked. Each file must be a readable text file, and
 * there must be at least one.
 */
export async function expandPaths(operands: string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const operand of operands.length > 0 ? operands : ['.']) {
        if (isDynamicPattern(operand)) {
            const matches = await glob(operand, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
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
            const matches = await glob(`**/*${TOC}`, { cwd: path, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
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
    files.forEach(file => assertTextFile(relative(cwd, file) || file, file));
    return files;
}

/** A single model file, as `scorecard` and other one-model commands take. */
export function modelFile(operand: string, cwd: string): string {
    const path = resolve(cwd, operand);
    if (statOrFail(operand, path).isDirectory()) {
        throw new UsageError(`${operand}: is a folder; give the .toc file of the model.`);
    }
    if (!path.endsWith(TOC)) {
        throw new UsageError(`${operand}: not a .toc file.`);
    }
    assertTextFile(operand, path);
    return path;
}

function statOrFail(operand: string, path: string) {
    try {
        return statSync(path);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ELOOP' ? `${operand}: the path loops through symbolic links.` : `${operand}: no such file or folder.`);
    }
}

/** Reads the start of a file: it must be a regular file, readable, and text rather than binary. */
function assertTextFile(shown: string, path: string): void {
    // Opening a pipe, socket or device would block, or never end.
    if (!statOrFail(shown, path).isFile()) {
        throw new UsageError(`${shown}: is not a regular file (a pipe, socket or device); give a .toc file.`);
    }
    let fd: number | undefined;
    try {
        fd = openSync(path, 'r');
        const head = Buffer.alloc(8192);
        const length = readSync(fd, head, 0, head.length, 0);
        if (head.subarray(0, length).includes(0)) {
            throw new UsageError(`${shown}: is not a text file.`);
        }
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`${shown}: cannot be read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}).`);
    } finally {
        if (fd !== undefined) {
            closeSync(fd);
        }
    }
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
    return paths.filter(path => {
        for (let folder = dirname(path); ; folder = dirname(folder)) {
            const rel = relative(folder, path).split(sep).join('/');
            if (matcherFor(folder)?.ignores(rel)) {
                return false;
            }
            if (existsSync(join(folder, '.git')) || dirname(folder) === folder) {
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
export function refuseInputsAsOutputs(outputs: Array<{ path: string | undefined; option: string }>, inputs: Iterable<string>): void {
    const read = new Set([...inputs].map(samePathKey));
    for (const { path, option } of outputs) {
        if (path !== undefined && path !== '-' && read.has(samePathKey(path))) {
            throw new UsageError(`${option} ${path}: that is one of the models this command reads, and writing there would replace it. Give another file.`);
        }
    }
}
