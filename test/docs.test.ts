import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadModel } from './support/workspace.js';

const DOCS = fileURLToPath(new URL('../docs', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));

function markdownFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith('.md') ? [path] : [];
    });
}

const blocks = [README, ...markdownFiles(DOCS)].flatMap(path => {
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(/```toc\n([\s\S]*?)```/g)].map(
        (match, i) => [`${relative(DOCS, path)} #${i + 1}`, match[1]] as const,
    );
});

describe('examples in the documentation', () => {
    test.each(blocks)('%s is valid syntax', async (_where, code) => {
        const model = await loadModel(code);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'syntax-error')
                .map(d => `${d.range.start.line + 1}: ${d.message}`),
        ).toEqual([]);
    });
});
