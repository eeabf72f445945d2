import { visibleText } from '../../../language/src/utils/text.js';
import { WriteFailure, writeFileAtomic } from './write-file.js';
import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFiles } from './load.js';
import { BYTE_ORDER_MARK, TocNodeFileSystemProvider } from '../node-file-system.js';

export interface FormatOutcome {
    /** Files whose layout differs from the canonical one (rewritten unless checking). */
    changed: string[];
    /** Files left alone because they do not parse, with the first syntax error's line. */
    unparsable: Array<{ path: string; line: number }>;
    /** Files that could not be written, each left as it was, and why in words. */
    failed: Array<{ path: string; reason: string }>;
}

/** The line ending most of a text's lines end with: CRLF or LF. */
function lineEnding(text: string): '\r\n' | '\n' {
    const crlf = text.match(/\r\n/g)?.length ?? 0;
    const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
    return crlf > lf ? '\r\n' : '\n';
}

/** Formats files as the editor's "Format Document" would; with `check`, only reports. */
export async function formatFiles(paths: string[], check: boolean): Promise<FormatOutcome> {
    const { services, documents } = await loadFiles(paths);
    const fileSystem = services.shared.workspace.FileSystemProvider;
    const outcome: FormatOutcome = { changed: [], unparsable: [], failed: [] };
    for (const document of documents) {
        const path = document.uri.fsPath;
        const syntaxError = document.diagnostics?.find(d => d.code === 'syntax-error');
        if (syntaxError) {
            outcome.unparsable.push({ path, line: syntaxError.range.start.line + 1 });
            continue;
        }
        const edits = await services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 4, insertSpaces: true },
        });
        const original = document.textDocument.getText();
        // The layout is the formatter's; the file's line endings stay its own.
        const eol = lineEnding(original);
        const formatted = TextDocument.applyEdits(
            document.textDocument,
            edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, eol) })),
        );
        if (formatted !== original) {
            if (check) {
                outcome.changed.push(path);
                continue;
            }
            // One file that cannot be written does not stop the others.
            try {
                // The reader drops a byte-order mark (editors hide it); a file that had one keeps it.
                const bom =
                    fileSystem instanceof TocNodeFileSystemProvider && fileSystem.hadByteOrderMark(document.uri)
                        ? BYTE_ORDER_MARK
                        : '';
                writeFileAtomic(path, bom + formatted, 'the formatted model');
                outcome.changed.push(path);
            } catch (error) {
                if (!(error instanceof WriteFailure)) {
                    throw error;
                }
                outcome.failed.push({ path, reason: error.reason });
            }
        }
    }
    return outcome;
}

export function reportFormat(outcome: FormatOutcome, check: boolean, cwd: string): string {
    const show = (path: string) => relative(cwd, path) || path;
    const lines = outcome.unparsable.map(
        ({ path, line }) =>
            `${show(path)}:${line}: not formatted, it has a syntax error here (run toc check for details)`,
    );
    if (check) {
        lines.push(...outcome.changed.map(path => `${show(path)}: not formatted`));
        if (outcome.changed.length === 0 && outcome.unparsable.length === 0) {
            lines.push('All files are formatted.');
        }
    } else {
        lines.push(
            ...outcome.failed.map(({ path, reason }) => `${show(path)}: cannot write the formatted model (${reason})`),
        );
        lines.push(
            `${outcome.changed.length} file${outcome.changed.length === 1 ? '' : 's'} formatted` +
                (outcome.failed.length > 0
                    ? `; ${outcome.failed.length} could not be written (see above) and are unchanged.`
                    : '.'),
        );
    }
    return visibleText(lines.join('\n')) + '\n'; // file names may hold terminal escapes
}
