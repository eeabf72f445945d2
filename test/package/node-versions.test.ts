/**
 * The bundles run on Node 20, which lacks `Object.groupBy` that the parser calls (see
 * docs/node-versions.md). Here the function is taken away before the bundles load, as on Node 20,
 * whatever Node runs the tests: the checker and the language server still work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CLI, startServer, stopServer } from '../support/language-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'toc-node20-'));
const WITHOUT_GROUP_BY = join(folder, 'without-group-by.cjs');
writeFileSync(WITHOUT_GROUP_BY, 'delete Object.groupBy;\n');

describe('without Object.groupBy, as on Node 20', () => {
    test('the checker parses and checks the examples', () => {
        const result = spawnSync(process.execPath, ['--require', WITHOUT_GROUP_BY, CLI, 'check', 'examples'], {
            cwd: ROOT,
            encoding: 'utf8',
        });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/6 files checked: \d+ problems \(0 errors/);
    });

    test('the language server parses a model and publishes its findings', async () => {
        const server = await startServer(null, undefined, ['--require', WITHOUT_GROUP_BY]);
        try {
            const uri = 'file:///virtual/plan.toc';
            const published = server.diagnostics(uri);
            server.connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'toc', version: 1, text: 'outcome Safer { horizon shortish }\n' },
            });
            expect((await published).diagnostics.map(d => d.code)).toContain('syntax-error');
        } finally {
            await stopServer(server.connection, server.process);
        }
    });

    test('the polyfill groups as the built-in does: by key, in order, on an object without a prototype', () => {
        const probe = `const grouped = Object.groupBy(['ward', 'unit', 'board', 'bay'], (word, index) => index % 2 === 0 ? 'even' : 'odd');
            console.log(JSON.stringify({ grouped, prototype: Object.getPrototypeOf(grouped) }));`;
        const result = spawnSync(
            process.execPath,
            ['--require', WITHOUT_GROUP_BY, '--import', join(ROOT, 'scripts', 'polyfills.mjs'), '-e', probe],
            { encoding: 'utf8' },
        );
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout)).toEqual({
            grouped: { even: ['ward', 'board'], odd: ['unit', 'bay'] },
            prototype: null,
        });
    });
});
