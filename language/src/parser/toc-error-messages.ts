import type { ILexingError, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { AstNode, ParseResult } from 'langium';
import {
    AstUtils,
    CstUtils,
    DefaultLexerErrorMessageProvider,
    GrammarAST,
    LangiumParserErrorMessageProvider,
} from 'langium';
import { isQuantity } from '../generated/ast.js';

/** How a token type reads in a message: keywords and punctuation as written, terminals by role. */
function describe(type: TokenType): string {
    const name = type.name;
    switch (name) {
        case 'ID':
            return 'a name';
        case 'STRING':
            return 'a "quoted text"';
        case 'NUMBER':
            return 'a number';
        case 'DATE':
            return 'a date (YYYY-MM-DD)';
        case 'EOF':
            return 'the end of the file';
        default:
            return `'${name}'`;
    }
}

function found(token: IToken | undefined): string {
    return !token || token.tokenType?.name === 'EOF' ? 'the end of the file' : `'${token.image}'`;
}

/** A keyword that reads as a word: `training`, `short`, `service-user`. */
function isWord(token: IToken | undefined): token is IToken {
    return token !== undefined && token.tokenType?.name !== 'ID' && /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(token.image);
}

/** Keywords are lower case and names are case-sensitive, so the capitalised word is always free. */
function reservedWordMessage(word: string): string {
    const free =
        word.charAt(0).toUpperCase() + word.slice(1).replace(/-(\p{L})/gu, (_, letter: string) => letter.toUpperCase());
    return `\`${word}\` is a word of the language, so it cannot be a name. Choose another name, such as \`${free}\`.`;
}

function oneOf(options: string[]): string {
    const unique = [...new Set(options)];
    return unique.length === 1 ? unique[0] : `one of ${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Syntax errors in plain words, saying what was expected where. */
export class TocParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: {
        expected: TokenType;
        actual: IToken;
        previous: IToken;
        ruleName: string;
    }): string {
        if (options.expected.name === 'EOF') {
            return this.buildNotAllInputParsedMessage({ firstRedundant: options.actual, ruleName: options.ruleName });
        }
        const expected = describe(options.expected);
        if (options.expected.name === 'ID' && isWord(options.actual)) {
            return reservedWordMessage(options.actual.image);
        }
        const hint = expected === "'}'" ? ' Is a closing brace missing?' : '';
        return `Expected ${expected} but found ${found(options.actual)}.${hint}`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected ${found(options.firstRedundant)}: a declaration (such as outcome, activity, link or measure) must start here.`;
    }

    override buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedPathsPerAlt
            .flatMap(alt => alt.map(path => path[0]))
            .filter(Boolean)
            .map(describe);
        return `Expected ${oneOf(firsts)} but found ${found(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: {
        expectedIterationPaths: TokenType[][];
        actual: IToken[];
        previous: IToken;
        customUserDescription: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedIterationPaths
            .map(path => path[0])
            .filter(Boolean)
            .map(describe);
        return `Expected at least ${oneOf(firsts)} but found ${found(options.actual[0])}.`;
    }
}

export class TocLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        if (fullText.charAt(startOffset) === '"') {
            return 'This quoted text is never closed: add the closing " where the text ends.';
        }
        const text = fullText.substr(startOffset, Math.min(length, 20));
        return `Unexpected character${length === 1 ? '' : 's'} '${text}'. Prose belongs in "quoted text"; comments start with //.`;
    }
}

/** Where a unit quoted from a field's rest of line stops: a date, a source, the brace, a comment. */
const UNIT_ENDS = /\s+(?:on|by)\s+\d{4}-\d{2}-\d{2}|\s+(?:source|stretch)\b|\s*\}|\s*\/[/*]|\s*$/;

/**
 * A syntax error just after a quantity whose unit is a bare word, on the same line, is nearly
 * always a unit of several words written without quotes (`7.7 per 1,000 catheter-days`): says
 * so, with the quoted unit to write, and where that unit ends. Undefined for any other error.
 */
function unquotedUnit(root: AstNode, actual: IToken): { message: string; end: number } | undefined {
    const cst = root.$cstNode;
    if (!cst || !Number.isFinite(actual.startOffset)) {
        return undefined;
    }
    const unit = CstUtils.findLeafNodeBeforeOffset(cst, actual.startOffset);
    const quantity = unit?.astNode;
    if (
        !unit ||
        !isQuantity(quantity) ||
        quantity.unit !== unit.text ||
        !/^[\p{L}_]/u.test(unit.text) ||
        unit.range.end.line !== actual.startLine! - 1
    ) {
        return undefined;
    }
    const text = cst.root.fullText;
    const lineEnd = text.indexOf('\n', unit.offset);
    const rest = text.slice(unit.offset, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    const written = rest.slice(0, rest.search(UNIT_ENDS));
    const value = quantity.$cstNode ? text.slice(quantity.$cstNode.offset, unit.offset).trim() : String(quantity.value);
    return {
        message: `A unit of more than one word goes in quotes: write ${value} "${written.replaceAll('"', "'")}".`,
        end: unit.offset + written.length,
    };
}

/** A parse's syntax errors as they are shown: some rewritten to name their cause, some folded into another. */
export interface ExplainedSyntaxErrors {
    lexerErrors: ILexingError[];
    parserErrors: IRecognitionException[];
}

/**
 * Errors whose cause shows only around them, explained:
 * - a unit of several words without quotes, which the parser meets as stray words after the
 *   quantity (the hyphens in it, which the lexer rejects, are part of the same error);
 * - a word written with a hyphen the language does not allow there (`horizon long-term`,
 *   `level front-line`, `owner ward-team`): the lexer rejects the hyphen and the parser stumbles
 *   on the rest of the word, two errors that name neither the word nor what to write. They
 *   become one that does: the values a closed set allows, or the name without the hyphen.
 */
export function explainSyntaxErrors(parseResult: ParseResult): ExplainedSyntaxErrors {
    const root = parseResult.value;
    const text = root.$cstNode?.root.fullText ?? '';
    const units: Array<{ start: number; end: number }> = [];
    for (const error of parseResult.parserErrors) {
        const unit = unquotedUnit(root, error.token);
        if (unit) {
            error.message = unit.message;
            units.push({ start: error.token.startOffset, end: unit.end });
        }
    }
    const folded = new Set<IRecognitionException>();
    const lexerErrors: ILexingError[] = [];
    for (const error of parseResult.lexerErrors) {
        if (units.some(unit => error.offset >= unit.start && error.offset < unit.end)) {
            continue;
        }
        const word = hyphenatedWordAt(text, error.offset);
        const rest = (e: IRecognitionException) =>
            word !== undefined && e.token.startOffset > error.offset && e.token.startOffset < word.end;
        const atStart =
            word &&
            parseResult.parserErrors.find(
                e => e.token.startOffset === word.start && e.token.endOffset === error.offset - 1,
            );
        if (word && atStart) {
            // The parser already said what it expected of the first part: it now names the whole word.
            atStart.message = atStart.message.replace(`found '${atStart.token.image}'`, `found '${word.text}'`);
            parseResult.parserErrors.filter(rest).forEach(e => folded.add(e));
            continue;
        }
        const message = word && hyphenatedWordMessage(root, word);
        if (word && message) {
            lexerErrors.push({ ...error, message, length: word.end - error.offset });
            parseResult.parserErrors.filter(rest).forEach(e => folded.add(e));
        } else {
            lexerErrors.push(error);
        }
    }
    return { lexerErrors, parserErrors: parseResult.parserErrors.filter(error => !folded.has(error)) };
}

interface HyphenatedWord {
    text: string;
    start: number;
    end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;
const WORD_OR_HYPHEN = /[\p{L}\p{N}_-]/u;

/** The word around a hyphen the lexer rejected, when there are letters on both sides of it. */
function hyphenatedWordAt(text: string, offset: number): HyphenatedWord | undefined {
    if (
        text.charAt(offset) !== '-' ||
        !WORD_CHARACTER.test(text.charAt(offset - 1)) ||
        !WORD_CHARACTER.test(text.charAt(offset + 1))
    ) {
        return undefined;
    }
    let start = offset;
    while (start > 0 && WORD_OR_HYPHEN.test(text.charAt(start - 1))) {
        start--;
    }
    let end = offset + 1;
    while (end < text.length && WORD_OR_HYPHEN.test(text.charAt(end))) {
        end++;
    }
    return { text: text.slice(start, end), start, end };
}

/** For the part of the word the parser took: a value of a closed set, or a name. */
function hyphenatedWordMessage(root: AstNode, word: HyphenatedWord): string | undefined {
    const cst = root.$cstNode;
    const leaf = cst && CstUtils.findLeafNodeBeforeOffset(cst, word.start + 1);
    if (!leaf || leaf.offset !== word.start) {
        return undefined;
    }
    const values = closedSetOf(leaf.grammarSource);
    if (values) {
        return `\`${word.text}\` is not an allowed ${values.name}: write ${oneOf(values.keywords)}.`;
    }
    const source = leaf.grammarSource;
    if (GrammarAST.isCrossReference(source) || GrammarAST.isCrossReference(source?.$container) || isNameRule(source)) {
        return `A name cannot contain '-': write \`${joinedName(word.text)}\` instead of \`${word.text}\`.`;
    }
    return undefined;
}

function isNameRule(source: AstNode | undefined): boolean {
    return GrammarAST.isRuleCall(source) && source.rule.ref?.name === 'ID';
}

/** The rule a keyword belongs to, when that rule is nothing but a choice of keywords. */
function closedSetOf(source: AstNode | undefined): { name: string; keywords: string[] } | undefined {
    if (!GrammarAST.isKeyword(source)) {
        return undefined;
    }
    const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
    const keywords = rule && closedSetValues(rule);
    return keywords && { name: rule.name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase(), keywords };
}

/**
 * The values of a rule that is nothing but a choice of keywords (`Horizon: 'short' | 'medium' |
 * 'long'`), in the grammar's order; undefined for any other rule.
 */
export function closedSetValues(rule: GrammarAST.ParserRule): string[] | undefined {
    const definition = rule.definition;
    const keywords = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
    return keywords.every(GrammarAST.isKeyword) ? keywords.map(keyword => keyword.value) : undefined;
}

/** `ward-team` as a name: each part after the first starts with a capital. */
function joinedName(word: string): string {
    return word.replace(/-+(\p{L})/gu, (_, letter: string) => letter.toUpperCase()).replaceAll('-', '');
}
