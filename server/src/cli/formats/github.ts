import { visibleText } from '../../../../language/src/utils/text.js';
import type { Report, SeverityName } from '../report.js';

const COMMAND: Record<SeverityName, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * Escaping for workflow commands: the message, and property values (which also escape `:` and
 * `,`). The log is shown in a terminal emulator, so control characters are shown, not acted on.
 */
function escapeData(text: string): string {
    return visibleText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export function formatGithub(report: Report): string {
    const lines = report.files.flatMap(file =>
        file.findings.map(f => {
            const properties = [
                `file=${escapeProperty(file.path)}`,
                `line=${f.line}`,
                `endLine=${f.endLine}`,
                `col=${f.column}`,
                `endColumn=${f.endColumn}`,
                `title=${escapeProperty(`toc: ${f.rule}`)}`,
            ].join(',');
            return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`;
        }),
    );
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
