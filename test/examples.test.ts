import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from './support/workspace.js';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

function tocFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? tocFiles(path) : entry.name.endsWith('.toc') ? [path] : [];
    });
}

const files = Object.fromEntries(tocFiles(EXAMPLES).map(path => [relative(EXAMPLES, path), readFileSync(path, 'utf8')]));

describe('the bundled examples', () => {
    test('there are at least three programmes', () => {
        const programmes = Object.values(files).filter(text => /^programme /m.test(text));
        expect(programmes.length).toBeGreaterThanOrEqual(3);
    });

    test('every example checks without structural errors', async () => {
        const workspace = await loadWorkspace(files);
        for (const path of Object.keys(files)) {
            expect(workspace.diagnostics(path).filter(d => d.severity === 1), path).toEqual([]);
        }
    });

    test.each(Object.keys(files))('formatting %s is idempotent and keeps its meaning', async path => {
        const workspace = await loadWorkspace(files, [path]);
        const services = workspace.services;
        const format = async (text: string) => {
            await workspace.change(path, text);
            const document = workspace.document(path);
            const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
            return TextDocument.applyEdits(document.textDocument, edits);
        };
        const meaning = () => services.serializer.JsonSerializer.serialize(workspace.document(path).parseResult.value, { space: 0 });
        const before = meaning();
        const once = await format(files[path]);
        const twice = await format(once);
        expect(twice).toBe(once);
        // The examples are kept in the canonical layout, so formatting changes nothing.
        expect(once).toBe(files[path]);
        expect(meaning()).toBe(before);
        // Comments survive formatting.
        const comments = (text: string) => (text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []).map(c => c.trim());
        expect(comments(once)).toEqual(comments(files[path]));
    });
});
