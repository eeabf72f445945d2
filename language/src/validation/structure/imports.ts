import type { LangiumDocument, ValidationAcceptor, ValidationCheck } from 'langium';
import { FILE_TOO_LARGE, sizeLimitExceeded } from '../../workspace/toc-document-factory.js';
import { AstUtils, UriUtils } from 'langium';
import type { Import } from '../../generated/ast.js';
import type { TocServices } from '../../toc-module.js';
import { TOC_EXTENSION } from '../../workspace/imports.js';

export const UNRESOLVED_IMPORT = 'unresolved-import';
export const IMPORT_CYCLE = 'import-cycle';
export const IMPORT_HAS_ERRORS = 'import-has-errors';

/** The first syntax error of a document, with its 1-based line, if it has any. */
function firstSyntaxError(document: LangiumDocument): { line: number; message: string } | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const lexed = lexerErrors[0];
    const parsed = parserErrors[0];
    const parsedLine =
        parsed && Number.isFinite(parsed.token.startLine) ? parsed.token.startLine! : document.textDocument.lineCount;
    if (lexed && (!parsed || (lexed.line ?? 0) <= parsedLine)) {
        return { line: lexed.line ?? 1, message: lexed.message };
    }
    return parsed ? { line: parsedLine, message: parsed.message } : undefined;
}

export function checkImport(services: TocServices): ValidationCheck<Import> {
    const imports = services.workspace.Imports;
    return (imp: Import, accept: ValidationAcceptor) => {
        if (imp.path === undefined) {
            return; // cut short: the syntax error says so
        }
        const document = AstUtils.getDocument(imp);
        const { uri, refused } = imports.target(document.uri, imp.path);
        if (refused !== undefined) {
            accept('error', refused, { node: imp, property: 'path', code: UNRESOLVED_IMPORT });
            return;
        }
        if (UriUtils.extname(uri).toLowerCase() !== TOC_EXTENSION) {
            accept('error', `Only ${TOC_EXTENSION} files can be imported, not \`${imp.path}\`.`, {
                node: imp,
                property: 'path',
                code: UNRESOLVED_IMPORT,
            });
            return;
        }
        if (UriUtils.equals(uri, document.uri)) {
            accept('error', 'A file cannot import itself. Remove this import.', {
                node: imp,
                property: 'path',
                code: IMPORT_CYCLE,
            });
            return;
        }
        const target = imports.resolve(imp);
        if (!target) {
            accept(
                'error',
                `Cannot find \`${imp.path}\` (looked for ${uri.fsPath}). Check the path, which is relative to this file.`,
                {
                    node: imp,
                    property: 'path',
                    code: UNRESOLVED_IMPORT,
                },
            );
            return;
        }
        // Its own syntax errors would be reported only in a file nobody may have open.
        if (target.textDocument.getText().includes('\0')) {
            accept(
                'error',
                `\`${imp.path}\` is not a text file (it holds binary data), so it declares nothing. Import a .toc model.`,
                {
                    node: imp,
                    property: 'path',
                    code: UNRESOLVED_IMPORT,
                },
            );
            return;
        }
        // Its errors would otherwise be seen only in a file nobody may have open, or that the
        // checker was not asked about: its names are missing here, and nothing would say why.
        const syntaxError = firstSyntaxError(target);
        if (syntaxError) {
            accept(
                'error',
                `\`${imp.path}\` has a syntax error on line ${syntaxError.line}: ${syntaxError.message} Fix it there; until then some of its names may be missing here.`,
                {
                    node: imp,
                    property: 'path',
                    code: IMPORT_HAS_ERRORS,
                },
            );
        }
        const tooLarge = sizeLimitExceeded(target.parseResult.value);
        if (tooLarge) {
            accept(
                'warning',
                `\`${imp.path}\` is larger than the editor analyses (setting \`toc.maxFileSizeMB\`), so its names are not known here. \`toc check\` checks it in full.`,
                {
                    node: imp,
                    property: 'path',
                    code: FILE_TOO_LARGE,
                },
            );
        }
        const cycle = imports.findCycle(imp);
        if (cycle) {
            const chain = cycle.map(doc => UriUtils.basename(doc.uri)).join(' -> ');
            accept('error', `Import cycle: ${chain}. Move what both files need into a third file that both import.`, {
                node: imp,
                property: 'path',
                code: IMPORT_CYCLE,
            });
        }
    };
}
