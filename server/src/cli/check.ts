import { applyBaseline, writeBaseline } from './baseline.js';
import { expandPaths, refuseInputsAsOutputs, UsageError } from './files.js';
import { writeFileAtomic } from './write-file.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import type { CheckPool } from './check-workers.js';
import { checkFiles, checkPoolFor, type CheckedFiles } from './load.js';
import type { Report } from './report.js';
import { buildReport, filterReport } from './report.js';
import { VERSION } from '../version.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CheckOptions {
    format: FormatName[];
    outputFile: string[];
    quiet?: boolean;
    maxWarnings?: number;
    failOn: 'error' | 'warning';
    baseline?: string;
    writeBaseline?: string;
    asOf?: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs `toc check`: returns the exit code; writes the reports where asked. */
export async function runCheck(
    paths: string[],
    options: CheckOptions,
    cwd: string,
    stdout: NodeJS.WriteStream,
): Promise<number> {
    const formats: FormatName[] = options.format.length > 0 ? options.format : ['stylish'];
    if (options.outputFile.length > formats.length) {
        throw new UsageError(
            'there are more --output-file options than --format options; give one format for each file.',
        );
    }
    const toStdout = formats.length - options.outputFile.filter(file => file !== '-').length;
    if (toStdout > 1) {
        throw new UsageError(
            'only one format can go to standard output; give an --output-file for each of the others.',
        );
    }

    // Threads start as soon as the files are known, while they are read to see they are text.
    let pool: CheckPool | undefined;
    let checked: CheckedFiles;
    const outputs = [
        ...options.outputFile.map(path => ({ path, option: '--output-file' })),
        { path: options.writeBaseline, option: '--write-baseline' },
    ];
    try {
        const files = await expandPaths(
            paths,
            cwd,
            found => (pool = checkPoolFor(found.length, new URL(import.meta.url), { asOf: options.asOf })),
        );
        refuseInputsAsOutputs(outputs, files);
        checked = await checkFiles(files, { pool, asOf: options.asOf });
    } finally {
        await pool?.close();
    }
    const { results, configProblems, read } = checked;
    refuseInputsAsOutputs(outputs, read);
    if (configProblems.length > 0) {
        const lines = [
            ...new Set(configProblems.map(p => `${p.uri}:${p.line}:${p.column}: the configuration ${p.message}`)),
        ];
        throw new UsageError(lines.join('\ntoc: '));
    }
    let report = buildReport(results, cwd);
    if (options.quiet) {
        report = filterReport(report, finding => finding.severity === 'error');
    }
    if (options.writeBaseline) {
        const count = writeBaseline(report, options.writeBaseline);
        process.stderr.write(
            `toc: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${options.writeBaseline}.\n`,
        );
        return EXIT_OK;
    }
    if (options.baseline) {
        report = applyBaseline(report, options.baseline);
    }

    formats.forEach((format, i) => {
        const file = options.outputFile[i] === '-' ? undefined : options.outputFile[i];
        const text = render(report, format, file === undefined && stdout.isTTY === true && !process.env.NO_COLOR);
        if (file === undefined) {
            stdout.write(text);
        } else {
            writeFileAtomic(file, text, `the ${format} report`);
        }
    });

    const { error, warning } = report.summary;
    const failed =
        error > 0 ||
        (options.failOn === 'warning' && warning > 0) ||
        (options.maxWarnings !== undefined && warning > options.maxWarnings);
    return failed ? EXIT_FINDINGS : EXIT_OK;
}

function render(report: Report, format: FormatName, colour: boolean): string {
    switch (format) {
        case 'stylish':
            return formatStylish(report, colour);
        case 'json':
            return formatJson(report);
        case 'sarif':
            return formatSarif(report, VERSION);
        case 'github':
            return formatGithub(report);
    }
}
