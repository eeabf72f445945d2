import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

function tocFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? tocFiles(path) : entry.name.endsWith('.toc') ? [path] : [];
    });
}

/** The bundled examples, by path relative to `examples/`. */
export const exampleFiles: Record<string, string> = Object.fromEntries(
    tocFiles(EXAMPLES).map(path => [relative(EXAMPLES, path), readFileSync(path, 'utf8')]),
);

function dataFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory()
            ? dataFiles(path)
            : entry.name.endsWith('.csv') || entry.name === 'toc.config.json'
              ? [path]
              : [];
    });
}

/** The examples' data files and configuration, by path relative to `examples/`: load them beside the models. */
export const exampleDataFiles: Record<string, string> = Object.fromEntries(
    dataFiles(EXAMPLES).map(path => [relative(EXAMPLES, path).split('\\').join('/'), readFileSync(path, 'utf8')]),
);

/** The examples that declare a programme: the roots of the models. */
export const examplePrograms: string[] = Object.keys(exampleFiles).filter(path =>
    /^programme /m.test(exampleFiles[path]),
);
