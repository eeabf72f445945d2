import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexer } from 'langium';
import type { LangiumCoreServices } from 'langium';

/**
 * A token as Chevrotain's lexer makes it, but built by its own class.
 *
 * Chevrotain builds tokens as object literals, and at load time it builds an end-of-file token of
 * the same shape whose positions are all `NaN`. V8 gives literals of one shape one hidden class,
 * so from then on every position of every token is stored as a separately allocated number: six
 * extra heap objects per token, about an eighth of the memory a parsed model holds. A class of
 * its own keeps the positions as small integers stored in the token itself.
 */
class LexedToken implements IToken {
    readonly image: string;
    readonly startOffset: number;
    readonly endOffset: number;
    readonly startLine: number;
    endLine: number;
    readonly startColumn: number;
    endColumn: number;
    readonly tokenTypeIdx: number;
    readonly tokenType: TokenType;

    constructor(
        image: string,
        startOffset: number,
        tokenTypeIdx: number,
        tokenType: TokenType,
        startLine: number,
        startColumn: number,
        imageLength: number,
    ) {
        this.image = image;
        this.startOffset = startOffset;
        this.endOffset = startOffset + imageLength - 1;
        this.startLine = startLine;
        this.endLine = startLine;
        this.startColumn = startColumn;
        this.endColumn = startColumn + imageLength - 1;
        this.tokenTypeIdx = tokenTypeIdx;
        this.tokenType = tokenType;
    }
}

type TokenFactory = (...fields: ConstructorParameters<typeof LexedToken>) => IToken;

export class FastLexer extends DefaultLexer {
    constructor(services: LangiumCoreServices) {
        super(services);
        // Chevrotain picks its token factory per position-tracking mode and calls it through
        // this property; Langium always asks for full positions, which this factory gives.
        (this.chevrotainLexer as unknown as { createTokenInstance: TokenFactory }).createTokenInstance = (...fields) =>
            new LexedToken(...fields);
    }
}
