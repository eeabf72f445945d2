import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';

export const SYNTAX_ERROR = 'syntax-error';
export const UNRESOLVED_REFERENCE = 'unresolved-reference';

const CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: SYNTAX_ERROR,
    [DocumentValidator.ParsingError]: SYNTAX_ERROR,
    [DocumentValidator.LinkingError]: UNRESOLVED_REFERENCE,
};

/** Gives Langium's own syntax and linking diagnostics stable codes, like every other finding. */
export class TocDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const builtIn = (diagnostic.data as { code?: string } | undefined)?.code;
            if (diagnostic.code === undefined || diagnostic.code === builtIn) {
                const code = builtIn && CODES[builtIn];
                if (code) {
                    diagnostic.code = code;
                }
            }
        }
        return diagnostics;
    }
}
