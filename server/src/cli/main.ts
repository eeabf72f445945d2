import { Command, InvalidArgumentError, Option } from 'commander';
import { checkFiles } from './load.js';
import { expandPaths, UsageError } from './files.js';
import { formatFiles, reportFormat } from './format.js';
import { configSchema } from '../../../language/src/config/toc-config.js';
import { scorecardMarkdown, scorecardOf } from '../../../language/src/rules/scorecard.js';
import { relative } from 'node:path';
import { URI } from 'langium';
import { loadFiles } from './load.js';
import { formatStylish, severityName } from './stylish.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function parseCount(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
        throw new InvalidArgumentError('expected a whole number, 0 or more.');
    }
    return n;
}

const program = new Command('toc')
    .description('Check theory-of-change (.toc) models.')
    .showHelpAfterError()
    .exitOverride(error => process.exit(error.exitCode === 0 ? EXIT_OK : EXIT_USAGE));

program.command('check')
    .description('Check .toc files (default: every .toc file under the current folder).')
    .argument('[paths...]', 'files, folders or glob patterns')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail when there are more than n warnings', parseCount)
    .option('--debug', 'show internal details of unexpected failures')
    .action(async (paths: string[], options: { format: string; quiet?: boolean; maxWarnings?: number; debug?: boolean }) => {
        const cwd = process.cwd();
        try {
            const files = await expandPaths(paths, cwd);
            if (files.length === 0) {
                process.stderr.write(`toc: no .toc files found under ${paths.join(', ') || cwd}.\n`);
                process.exit(EXIT_USAGE);
            }
            let results = await checkFiles(files);
            if (options.quiet) {
                results = results.map(r => ({ ...r, diagnostics: r.diagnostics.filter(d => severityName(d) === 'error') }));
            }
            if (options.format === 'json') {
                process.stdout.write(JSON.stringify(results.map(r => ({
                    file: r.path,
                    findings: r.diagnostics.map(d => ({
                        rule: d.code ?? null,
                        severity: severityName(d),
                        message: d.message,
                        line: d.range.start.line + 1,
                        column: d.range.start.character + 1,
                        endLine: d.range.end.line + 1,
                        endColumn: d.range.end.character + 1,
                    })),
                })), null, 2) + '\n');
            } else {
                process.stdout.write(formatStylish(results, cwd, process.stdout.isTTY === true && !process.env.NO_COLOR));
            }
            const all = results.flatMap(r => r.diagnostics);
            const errors = all.filter(d => severityName(d) === 'error').length;
            const warnings = all.filter(d => severityName(d) === 'warning').length;
            const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
            process.exitCode = errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
        } catch (error) {
            if (error instanceof UsageError) {
                process.stderr.write(`toc: ${error.message}\n`);
            } else {
                const detail = options.debug && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error);
                process.stderr.write(`toc: ${detail}\n`);
            }
            process.exit(EXIT_USAGE);
        }
    });

program.command('format')
    .description('Lay out .toc files in the canonical format (default: every .toc file under the current folder).')
    .argument('[paths...]', 'files, folders or glob patterns')
    .option('--check', 'only report files that are not formatted; change nothing')
    .action(async (paths: string[], options: { check?: boolean }) => {
        const cwd = process.cwd();
        try {
            const files = await expandPaths(paths, cwd);
            const outcome = await formatFiles(files, options.check === true);
            process.stdout.write(reportFormat(outcome, options.check === true, cwd));
            const failed = outcome.unparsable.length > 0 || (options.check === true && outcome.changed.length > 0);
            process.exitCode = failed ? EXIT_FINDINGS : EXIT_OK;
        } catch (error) {
            process.stderr.write(`toc: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(EXIT_USAGE);
        }
    });

program.command('scorecard')
    .description('Score a model against the ten challenges: the findings for each, and what already addresses it.')
    .argument('<model>', 'the .toc file of the programme')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(async (model: string, options: { format: string }) => {
        const cwd = process.cwd();
        try {
            const [path] = await expandPaths([model], cwd);
            const { services, documents } = await loadFiles([path]);
            const scorecard = scorecardOf(services, documents[0]);
            process.stdout.write(options.format === 'json'
                ? JSON.stringify(scorecard, null, 2) + '\n'
                : scorecardMarkdown(scorecard, uri => relative(cwd, URI.parse(uri).fsPath)));
        } catch (error) {
            process.stderr.write(`toc: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(EXIT_USAGE);
        }
    });

program.command('schema')
    .description('Print the JSON Schema of toc.config.json, for editors that validate JSON.')
    .action(() => {
        process.stdout.write(JSON.stringify(configSchema(), null, 2) + '\n');
    });

await program.parseAsync(process.argv);
