import type { Report } from '../report.js';

/**
 * Text from a model as a terminal should show it: control characters (an escape sequence in a
 * title could recolour the terminal, move the cursor or retitle the window) are shown as `\x1b`
 * and the like, and never acted on.
 */
export function terminalText(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, char => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * For people: findings grouped by file, each line clickable as `file:line:col`, then a summary.
 * Colour only when writing to a terminal.
 */
export function formatStylish(report: Report, colour: boolean): string {
    const paint = (code: number, text: string) => colour ? `\u001b[${code}m${text}\u001b[0m` : text;
    const label = { error: paint(31, 'error  '), warning: paint(33, 'warning'), info: paint(36, 'info   '), hint: paint(2, 'hint   ') };
    const lines: string[] = [];
    for (const file of report.files) {
        if (file.findings.length === 0) {
            continue;
        }
        lines.push(paint(4, terminalText(file.path)));
        for (const f of file.findings) {
            lines.push(`  ${terminalText(file.path)}:${f.line}:${f.column}  ${label[f.severity]}  ${terminalText(f.message)}  ${paint(2, f.rule)}`);
        }
        lines.push('');
    }
    const { files, error, warning, info, hint } = report.summary;
    const checked = `${files} file${files === 1 ? '' : 's'} checked`;
    const problems = error + warning;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const notes = info + hint > 0 ? `; ${plural(info + hint, 'note')}` : '';
    lines.push(problems === 0
        ? `${checked}, no problems${notes}.`
        : paint(error > 0 ? 31 : 33, `${checked}: ${plural(problems, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')})${notes}`));
    return lines.join('\n') + '\n';
}
