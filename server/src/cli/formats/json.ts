import type { Report } from '../report.js';

/** Version of the JSON output; it changes only when existing fields change meaning. */
export const JSON_FORMAT_VERSION = 1;

/** For programs: the stable JSON documented in docs/cli.md. */
export function formatJson(report: Report): string {
    return (
        JSON.stringify(
            {
                version: JSON_FORMAT_VERSION,
                summary: report.summary,
                files: report.files.map(file => ({ path: file.path, findings: file.findings })),
            },
            null,
            2,
        ) + '\n'
    );
}
