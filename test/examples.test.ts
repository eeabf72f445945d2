import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from './support/workspace.js';
import { exampleDataFiles, exampleFiles as files, examplePrograms as programmes } from './support/examples.js';

describe('the bundled examples', () => {
    test('there are at least three programmes', () => {
        expect(programmes.length).toBeGreaterThanOrEqual(3);
    });

    test('every example checks without errors, its data files read', async () => {
        const workspace = await loadWorkspace({ ...files, ...exampleDataFiles }, Object.keys(files));
        for (const path of Object.keys(files)) {
            expect(
                workspace.diagnostics(path).filter(d => d.severity === 1),
                path,
            ).toEqual([]);
        }
    });

    test.each(Object.keys(files))('formatting %s is idempotent and keeps its meaning', async path => {
        const workspace = await loadWorkspace(files, [path]);
        const services = workspace.services;
        const format = async (text: string) => {
            await workspace.change(path, text);
            const document = workspace.document(path);
            const edits = await services.lsp.Formatter!.formatDocument(document, {
                textDocument: { uri: document.uri.toString() },
                options: { tabSize: 4, insertSpaces: true },
            });
            return TextDocument.applyEdits(document.textDocument, edits);
        };
        const meaning = () =>
            services.serializer.JsonSerializer.serialize(workspace.document(path).parseResult.value, { space: 0 });
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
