import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { starterModel } from '../../language/src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let folder: string;

function toc(...args: string[]) {
    return tocIn(folder, ...args);
}

function tocIn(cwd: string, ...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const UNMEASURED =
    'activity Train { owner Team }\noutcome Safer { horizon short }\nlink Train -> Safer { mechanism "practice" evidence strong }\nstakeholder Team { role "trainers" }\n';
/** Errors and warnings together: one unresolved name, one self-link, and rule findings. */
const MIXED =
    'outcome Safer { horizon short }\nlink Safer -> Safer { mechanism "x" evidence strong }\nlink Safer -> Nowhere { mechanism "y" evidence weak }\n';

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-cli-'));
    writeFileSync(join(folder, 'clean.toc'), starterModel());
    writeFileSync(join(folder, 'unmeasured.toc'), UNMEASURED);
    writeFileSync(join(folder, 'mixed.toc'), MIXED);
    writeFileSync(
        join(folder, 'broken.toc'),
        'import "shared"\noutcome A { horizon short }\nlink A -> Nowhere\nlink A -> Team\n',
    );
    writeFileSync(join(folder, 'shared.toc'), 'stakeholder Team\n');
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'pkg', 'ignored.toc'), 'this is not a model');
});

describe('toc check: stylish output', () => {
    test('a clean model exits 0 and says so', () => {
        expect(toc('check', 'clean.toc')).toMatchObject({ code: 0, stdout: '1 file checked, no problems.\n' });
    });

    test('warnings are listed as file:line:col, severity, message and rule id, and exit 0', () => {
        const result = toc('check', 'unmeasured.toc');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatchInlineSnapshot(`
          "unmeasured.toc
            unmeasured.toc:2:9  warning  Outcome \`Safer\` has no measure: add a measure of kind outcome, or say how it will be observed.  unmeasured-outcome

          1 file checked: 1 problem (0 errors, 1 warning)
          "
        `);
    });

    test('errors and warnings together, and exit 1', () => {
        const result = toc('check', 'mixed.toc');
        expect(result.code).toBe(1);
        expect(result.stdout).toMatchInlineSnapshot(`
          "mixed.toc
            mixed.toc:1:9  warning  No activity leads to outcome \`Safer\`: link an activity to it, directly or through other outcomes.  outcome-unreachable
            mixed.toc:1:9  warning  Outcome \`Safer\` has no measure: add a measure of kind outcome, or say how it will be observed.  unmeasured-outcome
            mixed.toc:2:15  error    \`Safer\` is linked to itself. A link joins two different activities or outcomes.  self-link
            mixed.toc:3:15  error    \`Nowhere\` is not declared. Declare an activity or outcome named Nowhere, or import the file that declares it.  unresolved-reference
            mixed.toc:3:48  warning  Link \`Safer -> Nowhere\` rests on weak evidence: find stronger evidence, or plan how the team will test this link.  contested-evidence

          1 file checked: 5 problems (2 errors, 3 warnings)
          "
        `);
    });

    test('a folder means every .toc file below it, skipping node_modules and .gitignored files', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-ignore-'));
        mkdirSync(join(project, '.git'));
        mkdirSync(join(project, 'models', 'drafts'), { recursive: true });
        writeFileSync(join(project, '.gitignore'), 'drafts/\n');
        writeFileSync(join(project, 'models', 'plan.toc'), UNMEASURED);
        writeFileSync(join(project, 'models', 'drafts', 'scratch.toc'), 'not a model');
        mkdirSync(join(project, 'node_modules', 'x'), { recursive: true });
        writeFileSync(join(project, 'node_modules', 'x', 'y.toc'), 'not a model');
        const result = tocIn(project, 'check', '--format', 'json');
        expect((JSON.parse(result.stdout) as { files: Array<{ path: string }> }).files.map(f => f.path)).toEqual([
            'models/plan.toc',
        ]);
        expect(tocIn(join(project, 'models'), 'check', '--format', 'json').stdout).not.toContain('scratch');
    });

    test('a file whose name looks like a pattern is checked as written; a pattern still matches', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-names-'));
        writeFileSync(join(project, 'Falls (2024) [draft].toc'), UNMEASURED);
        writeFileSync(join(project, 'other.toc'), UNMEASURED);
        const named = tocIn(project, 'check', 'Falls (2024) [draft].toc', '--format', 'json');
        expect((JSON.parse(named.stdout) as { files: Array<{ path: string }> }).files.map(f => f.path)).toEqual([
            'Falls (2024) [draft].toc',
        ]);
        const pattern = tocIn(project, 'check', '*.toc', '--format', 'json');
        expect((JSON.parse(pattern.stdout) as { files: Array<{ path: string }> }).files.map(f => f.path)).toEqual([
            'Falls (2024) [draft].toc',
            'other.toc',
        ]);
    });
});

describe('toc check: machine-readable output', () => {
    test('json: a stable, versioned document with a summary', () => {
        const result = toc('check', 'mixed.toc', '--format', 'json');
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as {
            version: number;
            summary: object;
            files: Array<{ path: string; findings: Array<Record<string, unknown>> }>;
        };
        expect(report.version).toBe(1);
        expect(report.summary).toEqual({ files: 1, error: 2, warning: 3, info: 0, hint: 0 });
        expect(report.files[0].path).toBe('mixed.toc');
        expect(report.files[0].findings[1]).toEqual({
            rule: 'unmeasured-outcome',
            severity: 'warning',
            message: 'Outcome `Safer` has no measure: add a measure of kind outcome, or say how it will be observed.',
            line: 1,
            column: 9,
            endLine: 1,
            endColumn: 14,
            docs: 'https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/unmeasured-outcome.md',
        });
        expect(report.files[0].findings[2]).toEqual({
            rule: 'self-link',
            severity: 'error',
            message: '`Safer` is linked to itself. A link joins two different activities or outcomes.',
            line: 2,
            column: 15,
            endLine: 2,
            endColumn: 20,
        });
    });

    test('github: one workflow command per finding, with escaped values', () => {
        const result = toc('check', 'mixed.toc', '--format', 'github');
        expect(result.code).toBe(1);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(5);
        for (const line of lines) {
            expect(line).toMatch(
                /^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=toc%3A [a-z-]+::[^\n]+$/,
            );
        }
        expect(lines[2]).toBe(
            '::error file=mixed.toc,line=2,endLine=2,col=15,endColumn=20,title=toc%3A self-link::`Safer` is linked to itself. A link joins two different activities or outcomes.',
        );
    });

    test('sarif: valid against the SARIF 2.1.0 schema, with rule metadata and documentation links', () => {
        const result = toc('check', 'mixed.toc', 'unmeasured.toc', '--format', 'sarif');
        expect(result.code).toBe(1);
        const log = JSON.parse(result.stdout);
        const require = createRequire(import.meta.url);
        const multitool = dirname(
            require.resolve(
                `@microsoft/sarif-multitool-${process.platform === 'win32' ? 'win32' : process.platform}/package.json`,
            ),
        );
        const schema = JSON.parse(readFileSync(join(multitool, 'sarif-2.1.0.json'), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

        const run = log.runs[0];
        expect(run.tool.driver).toMatchObject({
            name: 'toc',
            informationUri: 'https://github.com/toc-lang/theory-of-change',
        });
        const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'unmeasured-outcome');
        expect(rule).toMatchObject({
            helpUri: 'https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/unmeasured-outcome.md',
            defaultConfiguration: { level: 'warning' },
        });
        expect(run.results).toHaveLength(6);
        expect(run.results[2]).toMatchObject({
            ruleId: 'self-link',
            level: 'error',
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: 'mixed.toc', uriBaseId: 'SRCROOT' },
                        region: { startLine: 2, startColumn: 15, endLine: 2, endColumn: 20 },
                    },
                },
            ],
        });
        expect(run.rules?.[run.results[2].ruleIndex]?.id ?? run.tool.driver.rules[run.results[2].ruleIndex].id).toBe(
            'self-link',
        );
    });

    test('sarif: the official SARIF validator accepts it', () => {
        const out = join(folder, 'report.sarif');
        toc('check', 'mixed.toc', '--format', 'sarif', '--output-file', out);
        const require = createRequire(import.meta.url);
        const tool = join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
        const result = spawnSync(tool, ['validate', out], { encoding: 'utf8' });
        expect(result.stdout).toContain('Analysis completed successfully');
        expect(result.stdout).not.toMatch(/: error /);
    });

    test('several formats in one run, each to its own file', () => {
        const sarif = join(folder, 'several.sarif');
        const json = join(folder, 'several.json');
        const result = toc('check', 'unmeasured.toc', '-f', 'stylish', '-f', 'sarif', '-f', 'json', '-o', sarif);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
            'toc: only one format can go to standard output; give an --output-file for each of the others.\n',
        );
        const ok = toc(
            'check',
            'unmeasured.toc',
            '-f',
            'sarif',
            '-f',
            'stylish',
            '-f',
            'json',
            '-o',
            sarif,
            '-o',
            '-',
            '-o',
            json,
        );
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain('1 file checked: 1 problem (0 errors, 1 warning)');
        expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
        expect(JSON.parse(readFileSync(json, 'utf8')).summary.warning).toBe(1);
    });
});

describe('toc check: exit codes', () => {
    test('0 when nothing reaches the fail level, 1 when something does', () => {
        expect(toc('check', 'unmeasured.toc').code).toBe(0);
        expect(toc('check', 'mixed.toc').code).toBe(1);
    });

    test('--fail-on warning fails on warnings too', () => {
        expect(toc('check', 'unmeasured.toc', '--fail-on', 'warning').code).toBe(1);
        expect(toc('check', 'clean.toc', '--fail-on', 'warning').code).toBe(0);
    });

    test('--max-warnings fails a run with more warnings than allowed', () => {
        expect(toc('check', 'unmeasured.toc', '--max-warnings', '0').code).toBe(1);
        expect(toc('check', 'unmeasured.toc', '--max-warnings', '1').code).toBe(0);
    });

    test('--quiet reports errors only, and warnings then do not count', () => {
        const result = toc('check', 'broken.toc', '--quiet');
        expect(result.code).toBe(1);
        expect(result.stdout).toBe(
            [
                'broken.toc',
                '  broken.toc:3:11  error    `Nowhere` is not declared. Declare an activity or outcome named Nowhere, or import the file that declares it.  unresolved-reference',
                '  broken.toc:4:11  error    `Team` is a stakeholder, but an activity or outcome is expected here.  unresolved-reference',
                '',
                '1 file checked: 2 problems (2 errors, 0 warnings)',
                '',
            ].join('\n'),
        );
        expect(toc('check', 'unmeasured.toc', '--quiet', '--max-warnings', '0')).toMatchObject({
            code: 0,
            stdout: '1 file checked, no problems.\n',
        });
    });

    test('2 for a usage problem, with one line on standard error', () => {
        const result = toc('check', 'clean.toc', '--format', 'xml');
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
            "option '-f, --format <format>' argument 'xml' is invalid. expected one of stylish, json, sarif, github.",
        );
        expect(toc('check', 'clean.toc', '--max-warnings', 'many').code).toBe(2);
        expect(toc('check', 'clean.toc', '--fail-on', 'info').code).toBe(2);
    });
});

describe('toc check: baselines', () => {
    test('a baseline survives edits elsewhere in the file and reports only new findings', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-baseline-'));
        const model = join(project, 'plan.toc');
        writeFileSync(model, UNMEASURED);
        const baseline = join(project, 'toc-baseline.json');
        const written = tocIn(project, 'check', '--write-baseline', baseline);
        expect(written).toMatchObject({ code: 0, stderr: `toc: wrote 1 finding to the baseline ${baseline}.\n` });
        expect(JSON.parse(readFileSync(baseline, 'utf8')).findings).toMatchObject([
            { rule: 'unmeasured-outcome', file: 'plan.toc' },
        ]);

        // Lines added above move the old finding; a new outcome brings a new one.
        writeFileSync(
            model,
            `// Reviewed at the March board.\n\noutcome Calmer { horizon short }\nlink Train -> Calmer { mechanism "less rush" evidence moderate }\n\n${UNMEASURED}`,
        );
        const result = tocIn(project, 'check', '--baseline', baseline, '--format', 'json', '--fail-on', 'warning');
        const findings = (
            JSON.parse(result.stdout) as { files: Array<{ findings: Array<{ rule: string; message: string }> }> }
        ).files[0].findings;
        expect(findings.map(f => f.message)).toEqual([
            'Outcome `Calmer` has no measure: add a measure of kind outcome, or say how it will be observed.',
        ]);
        expect(result.code).toBe(1);

        // From another folder the same baseline still matches, since its paths are its own.
        expect(
            JSON.parse(tocIn(tmpdir(), 'check', model, '--baseline', baseline, '--format', 'json').stdout).summary
                .warning,
        ).toBe(1);
    });

    test('a missing or foreign baseline is a usage problem', () => {
        expect(toc('check', 'clean.toc', '--baseline', 'nope.json')).toMatchObject({
            code: 2,
            stderr: 'toc: nope.json: cannot read the baseline (no such file). Create one with --write-baseline.\n',
        });
        writeFileSync(join(folder, 'foreign.json'), '{"a": 1}');
        expect(toc('check', 'clean.toc', '--baseline', 'foreign.json')).toMatchObject({
            code: 2,
            stderr: 'toc: foreign.json: is not a baseline written by toc check --write-baseline.\n',
        });
    });
});

describe('toc check: bad input', () => {
    test('a missing path', () => {
        expect(toc('check', 'nope.toc')).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'toc: nope.toc: no such file or folder.\n',
        });
    });

    test('a file that is not a .toc file', () => {
        writeFileSync(join(folder, 'notes.md'), '# notes');
        expect(toc('check', 'notes.md')).toMatchObject({ code: 2, stderr: 'toc: notes.md: not a .toc file.\n' });
    });

    test('a binary file', () => {
        writeFileSync(join(folder, 'binary.toc'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
        expect(toc('check', 'binary.toc')).toMatchObject({ code: 2, stderr: 'toc: binary.toc: is not a text file.\n' });
    });

    test('a symbolic link that loops', () => {
        symlinkSync(join(folder, 'loop-b.toc'), join(folder, 'loop-a.toc'));
        symlinkSync(join(folder, 'loop-a.toc'), join(folder, 'loop-b.toc'));
        expect(toc('check', 'loop-a.toc')).toMatchObject({
            code: 2,
            stderr: 'toc: loop-a.toc: the path loops through symbolic links.\n',
        });
    });

    test('a folder where a model file is expected', () => {
        mkdirSync(join(folder, 'models.toc'));
        expect(toc('scorecard', 'models.toc')).toMatchObject({
            code: 2,
            stderr: 'toc: models.toc: is a folder; give the .toc file of the model.\n',
        });
    });

    test('an invalid configuration names the file, the place and the reason', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-config-'));
        writeFileSync(join(project, 'plan.toc'), UNMEASURED);
        writeFileSync(join(project, 'toc.config.json'), '{\n  "rules": { "no-such-rule": "off" }\n}\n');
        const result = tocIn(project, 'check');
        expect(result).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toBe(
            `toc: ${join(project, 'toc.config.json')}:2:14: the configuration "no-such-rule" is not a rule of the catalogue.\n`,
        );
        writeFileSync(join(project, 'toc.config.json'), 'rules: off');
        expect(tocIn(project, 'check').stderr).toMatch(
            /^toc: .*toc\.config\.json:1:1: the configuration is not valid JSON: /,
        );
    });

    test('an output file that cannot be written', () => {
        expect(
            toc('check', 'clean.toc', '-f', 'json', '-o', join(folder, 'no', 'such', 'dir', 'out.json')),
        ).toMatchObject({ code: 2 });
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
        expect(markdown.stdout).toContain(
            '# Challenge scorecard: MyProgramme\n\nOf 11 areas, 11 addressed, 0 partly (notes only), 0 not addressed.',
        );
        const json = JSON.parse(toc('scorecard', 'unmeasured.toc', '--format', 'json').stdout) as {
            entries: Array<{
                verdict: string;
                findings: Array<{ rule: string; severity: string; path: string; line: number }>;
            }>;
        };
        expect(json.entries).toHaveLength(11);
        expect(json.entries[2].verdict).toBe('not-addressed');
        expect(json.entries[2].findings.map(f => f.rule)).toEqual(['unmeasured-outcome']);
        // Each finding as `check --format json` gives it: its severity, and the same relative path and line.
        const checked = JSON.parse(toc('check', 'unmeasured.toc', '--format', 'json').stdout) as {
            files: Array<{ path: string; findings: Array<{ rule: string; severity: string; line: number }> }>;
        };
        const [file] = checked.files;
        const same = file.findings.find(f => f.rule === 'unmeasured-outcome')!;
        expect(json.entries[2].findings[0]).toMatchObject({
            severity: same.severity,
            path: file.path,
            line: same.line,
        });
        expect(JSON.stringify(json)).not.toContain('file://');
    });
});

describe('toc check --as-of', () => {
    test('reads the data as on the date given, over the configuration, and refuses a date not in the calendar', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-as-of-'));
        writeFileSync(
            join(project, 'plan.toc'),
            'measure Falls {\n    kind process\n    frequency monthly\n    data "falls.csv"\n}\n',
        );
        const rows = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01,${4 + (i % 2)}`);
        writeFileSync(join(project, 'falls.csv'), ['date,value', ...rows].join('\n') + '\n');
        writeFileSync(join(project, 'toc.config.json'), '{ "asOf": "2026-06-01" }');
        const stale = (...args: string[]) =>
            (
                JSON.parse(tocIn(project, 'check', '--format', 'json', ...args).stdout) as {
                    files: Array<{ findings: Array<{ rule: string; message: string }> }>;
                }
            ).files[0].findings.filter(f => f.rule === 'data-stale');
        // The configuration's date: six months after the last point.
        expect(stale().map(f => f.message)).toEqual([
            expect.stringContaining('from 2025-12-01, 182 days before 2026-06-01'),
        ]);
        // --as-of overrides it.
        expect(stale('--as-of', '2025-12-15')).toEqual([]);
        expect(tocIn(project, 'check', '--as-of', '2025-02-30')).toMatchObject({ code: 2 });
        expect(tocIn(project, 'check', '--as-of', '2025-02-30').stderr).toContain('expected a date in the calendar');
    });
});

describe('toc chart', () => {
    test('writes the charts of the measures with data as SVG or PNG, and says plainly when there is nothing to chart', () => {
        const project = mkdtempSync(join(tmpdir(), 'toc-chart-'));
        writeFileSync(
            join(project, 'plan.toc'),
            'measure Falls "Falls per 1,000 bed-days" {\n    kind outcome\n    direction decrease\n    data "falls.csv"\n    chart xmr\n}\n\nmeasure Plain {\n    kind process\n}\n',
        );
        const rows = Array.from(
            { length: 14 },
            (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-0${1 + Math.floor(i / 12)},${4 + (i % 3)}`,
        );
        writeFileSync(join(project, 'falls.csv'), ['date,value', ...rows].join('\n') + '\n');
        const svg = tocIn(project, 'chart', 'plan.toc', '--as-of', '2026-01-01');
        expect(svg.code).toBe(0);
        expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg.stdout).toContain('Falls: Falls per 1,000 bed-days');
        expect(tocIn(project, 'chart', 'plan.toc', '-f', 'png', '-o', 'falls.png').code).toBe(0);
        expect([...readFileSync(join(project, 'falls.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
        expect(tocIn(project, 'chart', 'plan.toc', '--measure', 'Plain')).toMatchObject({
            code: 2,
            stderr: 'toc: measure Plain has no data to chart: it names no data file, or the file cannot be used (toc check says why).\n',
        });
        // Never over an input, a data file included.
        expect(tocIn(project, 'chart', 'plan.toc', '-o', 'falls.csv').code).toBe(2);
        expect(readFileSync(join(project, 'falls.csv'), 'utf8')).toBe(['date,value', ...rows].join('\n') + '\n');
        expect(tocIn(project, 'chart', 'plan.toc', '--measure', 'Nothing').stderr).toBe(
            'toc: plan.toc has no measure called Nothing.\n',
        );
    });
});

describe('the example with data, on the command line', () => {
    const repository = fileURLToPath(new URL('../..', import.meta.url));
    const keystone = 'examples/keystone-icu.toc';

    test('toc measures shows what the data say as on the configured date, or on the date given', () => {
        const row = (...args: string[]) =>
            tocIn(repository, 'measures', keystone, ...args)
                .stdout.split('\n')
                .find(line => line.startsWith('| LinesInUse:'));
        // examples/toc.config.json reads the data as on 2005-10-31.
        expect(row()).toContain('| 543 on 2005-09-30 | special cause improvement | — |');
        // A year earlier, the later points are left out.
        expect(row('--as-of', '2004-09-30')).toContain('| 567 on 2004-09-30 |');
    });

    test('toc scorecard takes --as-of too, and counts the data findings under their challenge', () => {
        const card = (...args: string[]) =>
            JSON.parse(tocIn(repository, 'scorecard', keystone, '--format', 'json', ...args).stdout) as {
                entries: Array<{ challenge: number | string; findings: Array<{ rule: string }> }>;
            };
        const dataRules = (args: string[]) =>
            card(...args)
                .entries.find(e => e.challenge === 3)!
                .findings.map(f => f.rule)
                .filter(rule => rule === 'too-few-points' || rule === 'data-stale');
        expect(dataRules([])).toEqual(['too-few-points']);
        // Read a year after the last point, both data series are stale.
        expect(dataRules(['--as-of', '2006-12-31']).filter(rule => rule === 'data-stale')).toHaveLength(2);
    });
});
