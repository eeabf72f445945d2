import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export class UsageError extends Error {}

/**
 * Turns command-line operands (files, folders, globs) into the `.toc` files to check.
 * A folder means every `.toc` file below it, skipping `node_modules`.
 */
export async function expandPaths(operands: string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const operand of operands.length > 0 ? operands : ['.']) {
        if (isDynamicPattern(operand)) {
            const matches = await glob(operand, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
            if (matches.length === 0) {
                throw new UsageError(`${operand}: no files match this pattern.`);
            }
            matches.forEach(match => found.add(match));
            continue;
        }
        const path = resolve(cwd, operand);
        let stats;
        try {
            stats = statSync(path);
        } catch {
            throw new UsageError(`${operand}: no such file or folder.`);
        }
        if (stats.isDirectory()) {
            const matches = await glob('**/*.toc', { cwd: path, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
            matches.forEach(match => found.add(match));
        } else {
            found.add(path);
        }
    }
    return [...found].sort();
}
