import type { AstNode, LangiumDocument, ValidationOptions } from 'langium';
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
    /** The findings of the checks, handed from `validateAst` to `validateDocument` by root node. */
    private readonly found = new WeakMap<AstNode, Diagnostic[]>();

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const root = document.parseResult.value;
        for (const diagnostic of this.found.get(root) ?? []) {
            diagnostics.push(diagnostic);
        }
        this.found.delete(root);
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

    /**
     * Langium appends what this returns with `diagnostics.push(...findings)`, which overflows the
     * stack beyond about 120,000 findings: every finding of the file was lost and it passed. The
     * findings are kept aside here and appended one by one in `validateDocument`.
     */
    override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        this.found.set(rootNode, await super.validateAst(rootNode, options, cancelToken));
        return [];
    }
}
