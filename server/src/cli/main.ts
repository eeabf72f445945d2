import { relative } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { URI } from 'langium';
import { configSchema } from '../../../language/src/config/toc-config.js';
import { visibleText } from '../../../language/src/utils/text.js';
import { scorecardMarkdown, scorecardOf } from '../../../language/src/rules/scorecard.js';
import { VERSION } from '../version.js';
import type { CheckOptions, FormatName } from './check.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FORMATS, runCheck } from './check.js';
import { expandPaths, modelFile, UsageError } from './files.js';
import { formatFiles, reportFormat } from './format.js';
import { diagramReport } from './diagram.js';
import type { DiagramFormat, DiagramView } from '../../../language/src/diagram/registry.js';
import { diagramFormats, diagramViews } from '../../../language/src/diagram/registry.js';
import { writeFileAtomic } from './write-file.js';
import type { FileResult } from './load.js';
import { checkGroup, createServices as createCheckServices, loadFiles, modelErrors } from './load.js';
import { buildReport, findingsOf, toPosix } from './report.js';
import { formatStylish } from './formats/stylish.js';
import { isCheckWorker, serveChecks, workerSettings } from './check-workers.js';
import { isCalendarDate } from '../../../language/src/utils/dates.js';
import { chartReport } from './chart.js';
import { measures } from './measures.js';

function count(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
        throw new InvalidArgumentError('expected a whole number, 0 or more.');
    }
    return n;
}

function checkDate(value: string): string {
    if (!isCalendarDate(value)) {
        throw new InvalidArgumentError('expected a date in the calendar, as YYYY-MM-DD.');
    }
    return value;
}

/** The check date of every command that reads measures' data: one option, said the same way everywhere. */
function asOfOption(): Option {
    return new Option(
        '--as-of <date>',
        'read the data as on this date (YYYY-MM-DD) instead of today, for findings that do not change from run to run',
    ).argParser(checkDate);
}

function collectFormat(value: string, previous: FormatName[]): FormatName[] {
    if (!(FORMATS as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}.`);
    }
    return [...previous, value as FormatName];
}

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

/**
 * For the commands that read one model: its errors (in any of its files) on standard error, as
 * `toc check` shows them. Returns whether there were any.
 */
function reportErrors(errors: FileResult[], cwd: string): boolean {
    if (errors.length > 0) {
        process.stderr.write(
            formatStylish(
                buildReport(
                    errors.map(({ path, diagnostics }) => ({ path, findings: findingsOf(diagnostics) })),
                    cwd,
                ),
                process.stderr.isTTY === true && !process.env.NO_COLOR,
            ),
        );
    }
    return errors.length > 0;
}

/** Runs a command's work: a usage problem is one line and exit 2; so is anything unexpected, with details under --debug. */
async function guarded(work: () => Promise<number | void>): Promise<void> {
    try {
        process.exitCode = (await work()) ?? EXIT_OK;
    } catch (error) {
        if (error instanceof UsageError) {
            process.stderr.write(`toc: ${visibleText(error.message)}\n`);
        } else {
            const debug = program.opts().debug === true;
            const detail =
                debug && error instanceof Error
                    ? (error.stack ?? error.message)
                    : error instanceof Error
                      ? error.message
                      : String(error);
            process.stderr.write(
                `toc: unexpected failure: ${visibleText(detail)}${debug ? '' : ' (run with --debug for details)'}\n`,
            );
        }
        process.exitCode = EXIT_USAGE;
    }
}

const program = new Command('toc')
    .description('Check theory-of-change (.toc) models.')
    .version(VERSION)
    .option('--debug', 'show internal details of unexpected failures')
    .showHelpAfterError()
    .exitOverride(error => process.exit(error.exitCode === 0 ? EXIT_OK : EXIT_USAGE));

program
    .command('check')
    .description(
        'Check .toc files and report findings (default: every .toc file under the current folder, skipping node_modules and .gitignored files).',
    )
    .argument('[paths...]', 'files, folders or glob patterns')
    .option(
        '-f, --format <format>',
        `output format, one of ${FORMATS.join(', ')}; repeat for several (default: stylish)`,
        collectFormat,
        [],
    )
    .option(
        '-o, --output-file <file>',
        'write the matching --format to this file (- for standard output); repeat in the order of the formats',
        collect,
        [],
    )
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', count)
    .addOption(
        new Option('--fail-on <severity>', 'the lowest severity that makes the run fail')
            .choices(['error', 'warning'])
            .default('error'),
    )
    .addOption(asOfOption())
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--write-baseline <file>', 'record the current findings as the baseline, and exit 0')
    .addHelpText(
        'after',
        '\nExit codes: 0 nothing at or above the fail level, 1 findings at or above it (or too many warnings), 2 usage, file or configuration problem.',
    )
    .action((paths: string[], options: CheckOptions) =>
        guarded(() => runCheck(paths, options, process.cwd(), process.stdout)),
    );

program
    .command('format')
    .description('Lay out .toc files in the canonical format (default: every .toc file under the current folder).')
    .argument('[paths...]', 'files, folders or glob patterns')
    .option('--check', 'only report files that are not formatted; change nothing')
    .action((paths: string[], options: { check?: boolean }) =>
        guarded(async () => {
            const cwd = process.cwd();
            const outcome = await formatFiles(await expandPaths(paths, cwd), options.check === true);
            process.stdout.write(reportFormat(outcome, options.check === true, cwd));
            if (outcome.failed.length > 0) {
                return EXIT_USAGE;
            }
            return outcome.unparsable.length > 0 || (options.check === true && outcome.changed.length > 0)
                ? EXIT_FINDINGS
                : EXIT_OK;
        }),
    );

program
    .command('scorecard')
    .description('Score a model against the ten challenges: the findings for each, and what already addresses it.')
    .argument('<model>', 'the .toc file of the programme')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'))
    .addOption(asOfOption())
    .action((model: string, options: { format: string; asOf?: string }) =>
        guarded(async () => {
            const cwd = process.cwd();
            const { services, documents } = await loadFiles(
                [await modelFile(model, cwd)],
                createCheckServices({ asOf: options.asOf }),
            );
            if (reportErrors(modelErrors(services, documents[0]), cwd)) {
                process.stderr.write(
                    'toc: cannot score a model that has errors: fix them first (toc check lists them all).\n',
                );
                return EXIT_FINDINGS;
            }
            const scorecard = scorecardOf(services, documents[0]);
            // Paths as `check` shows them: relative to the current folder, with `/` separators.
            const pathOf = (uri: string) => toPosix(relative(cwd, URI.parse(uri).fsPath));
            process.stdout.write(
                options.format === 'json'
                    ? JSON.stringify(
                          {
                              ...scorecard,
                              entries: scorecard.entries.map(entry => ({
                                  ...entry,
                                  findings: entry.findings.map(({ uri, ...finding }) => ({
                                      ...finding,
                                      path: pathOf(uri),
                                  })),
                              })),
                          },
                          null,
                          2,
                      ) + '\n'
                    : scorecardMarkdown(scorecard, pathOf),
            );
            return EXIT_OK;
        }),
    );

program
    .command('diagram')
    .description('Draw a model as a causal map or a driver diagram, with no browser.')
    .argument('<model>', 'the .toc file of the programme')
    .addOption(new Option('--view <view>', 'which diagram').choices(diagramViews).default('map'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(diagramFormats).default('svg'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action((model: string, options: { view: DiagramView; format: DiagramFormat; output?: string }) =>
        guarded(async () => {
            if (options.format === 'png' && !options.output && process.stdout.isTTY) {
                throw new UsageError('a PNG is not text: give a file with --output, or redirect standard output.');
            }
            const { content, errors } = await diagramReport(
                model,
                options.view,
                options.format,
                process.cwd(),
                options.output,
            );
            if (!options.output) {
                process.stdout.write(content);
            } else {
                writeFileAtomic(options.output, content, 'the diagram');
            }
            return reportErrors(errors, process.cwd()) ? EXIT_FINDINGS : EXIT_OK;
        }),
    );

program
    .command('chart')
    .description("Draw the run and control charts of a model's measures that have data, with no browser.")
    .argument('<model>', 'the .toc file of the programme')
    .option('--measure <name>', 'only this measure')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['svg', 'png']).default('svg'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addOption(asOfOption())
    .action((model: string, options: { measure?: string; format: 'svg' | 'png'; output?: string; asOf?: string }) =>
        guarded(async () => {
            if (options.format === 'png' && !options.output && process.stdout.isTTY) {
                throw new UsageError('a PNG is not text: give a file with --output, or redirect standard output.');
            }
            const { content, errors } = await chartReport(model, options.format, process.cwd(), options);
            if (!options.output) {
                process.stdout.write(content);
            } else {
                writeFileAtomic(options.output, content, 'the charts');
            }
            return reportErrors(errors, process.cwd()) ? EXIT_FINDINGS : EXIT_OK;
        }),
    );

program
    .command('measures')
    .description(
        'The measurement plan: every measure with what it measures, baseline, target, source, frequency and owner, its latest data and what they show, and the outcomes left unmeasured.',
    )
    .argument('<model>', 'the .toc file of the programme')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'csv']).default('md'))
    .addOption(asOfOption())
    .action((model: string, options: { format: 'md' | 'csv'; asOf?: string }) =>
        guarded(async () => {
            const { report, errors } = await measures(model, options.format, process.cwd(), { asOf: options.asOf });
            process.stdout.write(report);
            return reportErrors(errors, process.cwd()) ? EXIT_FINDINGS : EXIT_OK;
        }),
    );

program
    .command('schema')
    .description('Print the JSON Schema of toc.config.json, for editors that validate JSON.')
    .action(() =>
        guarded(async () => {
            process.stdout.write(JSON.stringify(configSchema(), null, 2) + '\n');
        }),
    );

// A reader that stops early (`toc check | head`) is not a failure of the check: stop quietly.
process.stdout.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        process.exit(process.exitCode ?? EXIT_OK);
    }
    throw error;
});

if (isCheckWorker()) {
    // A thread `toc check` started to check groups of files in parallel (see check-workers.ts).
    const services = createCheckServices(workerSettings());
    serveChecks(paths => checkGroup(services, paths));
} else {
    void program.parseAsync(process.argv);
}
