import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TocServices } from '../../language/src/index.js';
import { dataProblemsOf } from '../../language/src/data/measure-data.js';

const SOURCE = 'toc';

/**
 * Each data file a measure reads gets its problems as diagnostics of its own, on the rows they are
 * on, so that the user can fix it where it is; a file that reads cleanly has its diagnostics cleared.
 */
export function publishDataProblems(shared: LangiumSharedServices, services: TocServices): void {
    services.data.MeasureData.onLoaded((uri, data) => {
        const diagnostics: Diagnostic[] = dataProblemsOf(data).map(problem => {
            const line = Math.max(0, (problem.line ?? 1) - 1);
            return {
                range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } },
                severity: DiagnosticSeverity.Error,
                source: SOURCE,
                code: 'data-unreadable',
                message: problem.message,
            };
        });
        void shared.lsp.Connection?.sendDiagnostics({ uri: uri.toString(), diagnostics });
    });
}
