import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { starterModel } from '../../language/src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let folder: string;

function toc(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-cli-'));
    writeFileSync(join(folder, 'clean.toc'), starterModel());
    writeFileSync(join(folder, 'unmeasured.toc'), 'activity Train { owner Team }\noutcome Safer { horizon short }\nlink Train -> Safer { mechanism "practice" evidence strong }\nstakeholder Team { role "trainers" }\n');
    writeFileSync(join(folder, 'broken.toc'), 'import "shared"\noutcome A { horizon short }\nlink A -> Nowhere\nlink A -> Team\n');
    writeFileSync(join(folder, 'shared.toc'), 'stakeholder Team\n');
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'pkg', 'ignored.toc'), 'this is not a model');
});

describe('toc check', () => {
    test('a clean model exits 0 and says so', () => {
        const result = toc('check', 'clean.toc');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('1 file checked, no problems.\n');
    });

    test('warnings are listed as file:line:col, severity, message and rule id, and exit 0', () => {
        const result = toc('check', 'unmeasured.toc');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe([
            'unmeasured.toc',
            '  unmeasured.toc:2:9  warning  Outcome `Safer` has no measure: add a measure of kind outcome, or say how it will be observed.  unmeasured-outcome',
            '',
            '1 file checked: 1 problem (0 errors, 1 warning)',
            '',
        ].join('\n'));
    });

    test('--max-warnings fails a run with more warnings than allowed', () => {
        expect(toc('check', 'unmeasured.toc', '--max-warnings', '0').code).toBe(1);
        expect(toc('check', 'unmeasured.toc', '--max-warnings', '1').code).toBe(0);
    });

    test('errors are listed, and exit 1; --quiet shows errors only', () => {
        const result = toc('check', 'broken.toc', '--quiet');
        expect(result.code).toBe(1);
        expect(result.stdout).toBe([
            'broken.toc',
            "  broken.toc:3:11  error    `Nowhere` is not declared. Declare an activity or outcome named Nowhere, or import the file that declares it.  unresolved-reference",
            "  broken.toc:4:11  error    `Team` is a stakeholder, but an activity or outcome is expected here.  unresolved-reference",
            '',
            '1 file checked: 2 problems (2 errors, 0 warnings)',
            '',
        ].join('\n'));
    });

    test('a folder means every .toc file below it, skipping node_modules', () => {
        const result = toc('check', '.', '--format', 'json');
        const files = (JSON.parse(result.stdout) as Array<{ file: string }>).map(entry => entry.file.replace(folder, ''));
        expect(files).toEqual(['/broken.toc', '/clean.toc', '/shared.toc', '/unmeasured.toc']);
        expect(result.code).toBe(1);
    });

    test('json output carries rule, severity, message and position', () => {
        const result = toc('check', 'broken.toc', '--format', 'json');
        const [entry] = JSON.parse(result.stdout) as Array<{ findings: Array<{ rule: string }> }>;
        expect(entry.findings.find(f => f.rule === 'unresolved-reference')).toEqual({
            rule: 'unresolved-reference', severity: 'error',
            message: "`Nowhere` is not declared. Declare an activity or outcome named Nowhere, or import the file that declares it.",
            line: 3, column: 11, endLine: 3, endColumn: 18,
        });
    });

    test('a missing path is a usage error with one clear line and exit 2', () => {
        const result = toc('check', 'nope.toc');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('toc: nope.toc: no such file or folder.\n');
        expect(result.stdout).toBe('');
    });

    test('an unknown format is a usage error', () => {
        const result = toc('check', 'clean.toc', '--format', 'xml');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("argument 'xml' is invalid");
    });
});

describe('toc format', () => {
    test('--check lists files that are not formatted and exits 1; formatting fixes them', () => {
        writeFileSync(join(folder, 'messy.toc'), 'outcome A {horizon short}\n');
        expect(toc('format', '--check', 'messy.toc')).toMatchObject({ code: 1, stdout: 'messy.toc: not formatted\n' });
        expect(readFileSync(join(folder, 'messy.toc'), 'utf8')).toBe('outcome A {horizon short}\n');
        expect(toc('format', 'messy.toc')).toMatchObject({ code: 0, stdout: '1 file formatted.\n' });
        expect(readFileSync(join(folder, 'messy.toc'), 'utf8')).toBe('outcome A {\n    horizon short\n}\n');
        expect(toc('format', '--check', 'messy.toc')).toMatchObject({ code: 0, stdout: 'All files are formatted.\n' });
    });

    test('a file with a syntax error is left untouched and named', () => {
        writeFileSync(join(folder, 'unparsable.toc'), 'outcome A {horizon\n');
        const result = toc('format', 'unparsable.toc');
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('unparsable.toc:1: not formatted, it has a syntax error here');
        expect(readFileSync(join(folder, 'unparsable.toc'), 'utf8')).toBe('outcome A {horizon\n');
    });
});

describe('toc scorecard', () => {
    test('prints the scorecard as Markdown or JSON', () => {
        const markdown = toc('scorecard', 'clean.toc');
        expect(markdown.code).toBe(0);
        expect(markdown.stdout).toContain('# Challenge scorecard: MyProgramme\n\n11 of 11 areas show no findings.');
        const json = JSON.parse(toc('scorecard', 'unmeasured.toc', '--format', 'json').stdout) as { entries: Array<{ challenge: unknown; findings: Array<{ rule: string }> }> };
        expect(json.entries).toHaveLength(11);
        expect(json.entries[2].findings.map(f => f.rule)).toEqual(['unmeasured-outcome']);
    });
});
