import type { Diagnostic } from 'vscode-languageserver';
import { relative } from 'node:path';
import type { FileResult } from './load.js';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function severityName(diagnostic: Diagnostic): string {
    return SEVERITY[diagnostic.severity ?? 1] ?? 'error';
}

/** Human-readable findings, grouped by file, each line clickable as `file:line:col`. */
export function formatStylish(results: FileResult[], cwd: string, colour: boolean): string {
    const paint = (code: number, text: string) => colour ? `\u001b[${code}m${text}\u001b[0m` : text;
    const lines: string[] = [];
    let errors = 0;
    let warnings = 0;
    for (const result of results) {
        if (result.diagnostics.length === 0) {
            continue;
        }
        const file = relative(cwd, result.path) || result.path;
        lines.push(paint(4, file));
        for (const d of result.diagnostics) {
            const severity = severityName(d);
            errors += severity === 'error' ? 1 : 0;
            warnings += severity === 'warning' ? 1 : 0;
            const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
            const label = severity === 'error' ? paint(31, 'error  ') : severity === 'warning' ? paint(33, 'warning') : paint(36, severity.padEnd(7));
            lines.push(`  ${where}  ${label}  ${d.message}  ${paint(2, String(d.code ?? ''))}`);
        }
        lines.push('');
    }
    const problems = errors + warnings;
    const checked = `${results.length} file${results.length === 1 ? '' : 's'} checked`;
    lines.push(problems === 0
        ? `${checked}, no problems.`
        : paint(errors > 0 ? 31 : 33, `${checked}: ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`));
    return lines.join('\n') + '\n';
}
