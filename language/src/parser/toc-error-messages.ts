import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider } from 'langium';

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
