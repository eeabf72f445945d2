/**
 * The performance layer (language/src/performance) changes how fast the language answers, never
 * what it answers: every example, and models made to trip each replaced piece, give the same
 * findings at the same places with and without it. CI also runs the whole suite without it.
 */
import { readFileSync } from 'node:fs';
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
