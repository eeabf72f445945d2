import { visibleText } from '../../../../language/src/utils/text.js';
import type { Report } from '../report.js';

/** Text from a model on one line of a terminal: an escape sequence in it is shown, never acted on. */
const terminalText = (text: string) => visibleText(text, { layout: false });

/**
 * For people: findings grouped by file, each line clickable as `file:line:col`, then a summary.
 * Colour only when writing to a terminal.
 */
export function formatStylish(report: Report, colour: boolean): string {
    const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
    const label = {
        error: paint(31, 'error  '),
        warning: paint(33, 'warning'),
        info: paint(36, 'info   '),
        hint: paint(2, 'hint   '),
    };
    const lines: string[] = [];
    for (const file of report.files) {
        if (file.findings.length === 0) {
            continue;
        }
        lines.push(paint(4, terminalText(file.path)));
        for (const f of file.findings) {
            lines.push(
                `  ${terminalText(file.path)}:${f.line}:${f.column}  ${label[f.severity]}  ${terminalText(f.message)}  ${paint(2, f.rule)}`,
            );
        }
        lines.push('');
    }
    const { files, error, warning, info, hint } = report.summary;
    const checked = `${files} file${files === 1 ? '' : 's'} checked`;
    const problems = error + warning;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const notes = info + hint > 0 ? `; ${plural(info + hint, 'note')}` : '';
    lines.push(
        problems === 0
            ? `${checked}, no problems${notes}.`
            : paint(
                  error > 0 ? 31 : 33,
                  `${checked}: ${plural(problems, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')})${notes}`,
              ),
    );
    return lines.join('\n') + '\n';
}
