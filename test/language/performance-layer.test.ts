/**
 * The performance layer (language/src/performance) changes how fast the language answers, never
 * what it answers: every example, and models made to trip each replaced piece, give the same
 * findings at the same places with and without it. CI also runs the whole suite without it.
 */
import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { FastDocumentBuilder } from '../../language/src/performance/document-builder.js';
import { exampleFiles, examplePrograms } from '../support/examples.js';
import { loadWorkspace } from '../support/workspace.js';

const EVERY = readFileSync(new URL('../fixtures/every-construct.toc', import.meta.url), 'utf8');

async function findings(files: Record<string, string>, entries: string[], performanceLayer: boolean) {
    const workspace = await loadWorkspace(files, entries, { performanceLayer });
    return Object.fromEntries(
        Object.keys(files)
            .filter(path => workspace.document(path))
            .map(path => [
                path,
                workspace
                    .diagnostics(path)
                    .map(
                        d =>
                            `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`,
                    ),
            ]),
    );
}

async function expectSameFindings(files: Record<string, string>, entries: string[] = Object.keys(files)) {
    const withLayer = await findings(files, entries, true);
    const withoutLayer = await findings(files, entries, false);
    expect(withoutLayer).toEqual(withLayer);
    return withLayer;
}

describe('the performance layer changes no finding', () => {
    test('on every bundled model', async () => {
        const found = await expectSameFindings(exampleFiles, examplePrograms);
        expect(Object.values(found).flat().length).toBeGreaterThan(0);
    });

    test('on a field given twice, which the layer notes while parsing', async () => {
        const repeated = EVERY.replace(/^(\s+)(owner .*)$/m, '$1$2\n$1$2');
        expect(repeated).not.toBe(EVERY);
        const found = await expectSameFindings({ 'model.toc': repeated });
        expect(found['model.toc'].some(line => line.includes('repeated-field'))).toBe(true);
    });

    test('on a name declared in a file and in its import, met by a link that expects another kind', async () => {
        const found = await expectSameFindings(
            {
                'model.toc': 'import "other"\nevidence E\nprogramme P\nlink E -> E\n',
                'other.toc': 'assumption E\n',
            },
            ['model.toc'],
        );
        // The nearest declaration is named, whatever order the index keeps files in.
        expect(found['model.toc'].join('\n')).toContain('`E` is an evidence entry');
    });

    test('on comments between declarations and a syntax error', async () => {
        await expectSameFindings({ 'model.toc': `// one\n/* two */\n${EVERY}\n// three\noutcome {\n` });
    });

    test('is injected when asked for, and left out when not', async () => {
        const on = await loadWorkspace({ 'model.toc': '' }, ['model.toc'], { performanceLayer: true });
        const off = await loadWorkspace({ 'model.toc': '' }, ['model.toc'], { performanceLayer: false });
        expect(on.services.shared.workspace.DocumentBuilder).toBeInstanceOf(FastDocumentBuilder);
        expect(off.services.shared.workspace.DocumentBuilder).not.toBeInstanceOf(FastDocumentBuilder);
    });
});

describe("the layer's map of documents answers as Langium's tree of URIs does", () => {
    const paths = ['/ws/a/x.toc', '/ws/a/b/y.toc', '/ws/ab/z.toc', '/ws/C:/Models/w.toc'];

    async function documentsOf(performanceLayer: boolean) {
        const { services } = await loadWorkspace({}, [], { performanceLayer });
        const documents = services.shared.workspace.LangiumDocuments;
        for (const path of paths) {
            documents.createDocument(URI.file(path), 'outcome O');
        }
        return documents;
    }
    const uris = (list: Iterable<{ uri: URI }>) => [...list].map(document => document.uri.path).sort();

    test('for a folder, a document, a URI written another way, and after deletions', async () => {
        const answers = async (performanceLayer: boolean) => {
            const documents = await documentsOf(performanceLayer);
            const before = {
                all: uris(documents.all),
                folder: uris(documents.getDocuments(URI.file('/ws/a'))),
                folderWithSlash: uris(documents.getDocuments(URI.parse('file:///ws/a/'))),
                // An escaped letter names the same file.
                otherSpelling: documents.getDocument(URI.parse('file:///ws/a/%78.toc'))?.uri.path,
                has: documents.hasDocument(URI.file('/ws/a/x.toc')),
                missing: documents.hasDocument(URI.file('/ws/a/none.toc')),
            };
            expect(() => documents.createDocument(URI.file('/ws/a/x.toc'), '')).toThrow('already present');
            const deletedFolder = uris(documents.deleteDocuments(URI.file('/ws/a')));
            const deletedOne = documents.deleteDocument(URI.file('/ws/ab/z.toc'))?.uri.path;
            return { before, deletedFolder, deletedOne, after: uris(documents.all) };
        };
        const withLayer = await answers(true);
        expect(withLayer.before.folder).toEqual(['/ws/a/b/y.toc', '/ws/a/x.toc']);
        expect(withLayer.before.otherSpelling).toBe('/ws/a/x.toc');
        expect(withLayer.after).toEqual(['/ws/C:/Models/w.toc']);
        expect(await answers(false)).toEqual(withLayer);
    });
});
