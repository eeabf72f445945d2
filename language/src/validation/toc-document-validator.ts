import type { AstNode, LangiumDocument, ParseResult, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { FILE_TOO_LARGE, sizeLimitExceeded, type SizeLimitExceeded } from '../workspace/toc-document-factory.js';
import type { CancellationToken } from 'vscode-languageserver';
import { explainSyntaxErrors, type ExplainedSyntaxErrors } from '../parser/toc-error-messages.js';

export const SYNTAX_ERROR = 'syntax-error';
export const UNRESOLVED_REFERENCE = 'unresolved-reference';

/**
 * Text that is not a model at all (a pasted binary, a file of the wrong kind) gives one syntax
 * error per token, tens of thousands of them, which swamp an editor's problem list and say
 * nothing more than the first ones. Beyond this many, one last error says how many more there are.
 */
export const MAX_SYNTAX_ERRORS = 100;

function withFewSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
    const syntaxErrors = diagnostics.filter(d => d.code === SYNTAX_ERROR);
    if (syntaxErrors.length <= MAX_SYNTAX_ERRORS) {
        return diagnostics;
    }
    const byPosition = (a: Diagnostic, b: Diagnostic) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    const listed = new Set(syntaxErrors.sort(byPosition).slice(0, MAX_SYNTAX_ERRORS));
    const last = syntaxErrors[MAX_SYNTAX_ERRORS - 1];
    const kept = diagnostics.filter(d => d.code !== SYNTAX_ERROR || listed.has(d));
    kept.push({
        ...last,
        message: `${(syntaxErrors.length - MAX_SYNTAX_ERRORS).toLocaleString('en-GB')} more syntax errors follow and are not listed. Fix the first ones: one missing quote, brace or comment end often causes the rest.`,
    });
    return kept;
}

function megabytes(characters: number): string {
    return `${(characters / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

function tooLargeDiagnostic({ size, limit }: SizeLimitExceeded): Diagnostic {
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        code: FILE_TOO_LARGE,
        message:
            `This file is ${megabytes(size)}, more than the ${megabytes(limit)} the editor analyses, so it is not checked here. ` +
            'Check it with `toc check` on the command line, or raise the limit in the setting `toc.maxFileSizeMB` (0 for no limit).',
    };
}

const CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: SYNTAX_ERROR,
    [DocumentValidator.ParsingError]: SYNTAX_ERROR,
    [DocumentValidator.LinkingError]: UNRESOLVED_REFERENCE,
};

/** Gives Langium's own syntax and linking diagnostics stable codes, like every other finding. */
export class TocDocumentValidator extends DefaultDocumentValidator {
    /** The findings of the checks, handed from `validateAst` to `validateDocument` by root node. */
    private readonly found = new WeakMap<AstNode, Diagnostic[]>();

    override async validateDocument(
        document: LangiumDocument,
        options?: ValidationOptions,
        cancelToken?: CancellationToken,
    ): Promise<Diagnostic[]> {
        const root = document.parseResult.value;
        const exceeded = sizeLimitExceeded(root);
        if (exceeded) {
            return [tooLargeDiagnostic(exceeded)];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
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
        return withFewSyntaxErrors(diagnostics);
    }

    /** The syntax errors of each parse, as they are shown (see `explainSyntaxErrors`). */
    private readonly explained = new WeakMap<ParseResult, ExplainedSyntaxErrors>();

    private explainedErrors(parseResult: ParseResult): ExplainedSyntaxErrors {
        let explained = this.explained.get(parseResult);
        if (!explained) {
            explained = explainSyntaxErrors(parseResult);
            this.explained.set(parseResult, explained);
        }
        return explained;
    }

    protected override processLexingErrors(
        parseResult: ParseResult,
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const { lexerErrors } = this.explainedErrors(parseResult);
        super.processLexingErrors({ ...parseResult, lexerErrors }, diagnostics, options);
    }

    protected override processParsingErrors(
        parseResult: ParseResult,
        diagnostics: Diagnostic[],
        options: ValidationOptions,
    ): void {
        const { parserErrors } = this.explainedErrors(parseResult);
        super.processParsingErrors({ ...parseResult, parserErrors }, diagnostics, options);
    }

    /**
     * Langium appends what this returns with `diagnostics.push(...findings)`, which overflows the
     * stack beyond about 120,000 findings: every finding of the file was lost and it passed. The
     * findings are kept aside here and appended one by one in `validateDocument`.
     */
    override async validateAst(
        rootNode: AstNode,
        options: ValidationOptions,
        cancelToken?: CancellationToken,
    ): Promise<Diagnostic[]> {
        this.found.set(rootNode, await super.validateAst(rootNode, options, cancelToken));
        return [];
    }
}
