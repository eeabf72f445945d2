import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Makes every word-like keyword give way to a longer name, so `shortlist` is one name and not the
 * keyword `short` followed by `list`. Langium works this out by matching the name pattern against
 * each keyword, which misses our Unicode-aware name pattern; this states it directly.
 */
export class TocTokenBuilder extends DefaultTokenBuilder {
    /**
     * The lexer can jump straight to the tokens that may start at a character, but it cannot read
     * that from a Unicode-aware pattern like the one for names, and without it every token is
     * tried at every position. For names, say which characters may start one: ASCII letters and
     * `_`, Latin-1 letters, and every character above (the lexer groups those, and the pattern
     * still decides).
     */
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (token.name === 'ID') {
            token.START_CHARS_HINT = NAME_START_HINT;
        }
        // Quoted text and block comments are matched by hand rather than by the grammar's regular
        // expressions, which overflow or take quadratic time on hostile input (see below).
        if (token.name === 'STRING') {
            token.PATTERN = { exec: matchQuotedText };
            token.LINE_BREAKS = true;
            token.START_CHARS_HINT = ['"'];
        }
        if (token.name === 'ML_COMMENT') {
            token.PATTERN = { exec: matchBlockComment };
            token.LINE_BREAKS = true;
            token.START_CHARS_HINT = ['/'];
        }
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const name = terminalTokens.find(token => token.name === 'ID');
        if (name && /^[\p{L}_]/u.test(keyword.value) && !alternatives.includes(name)) {
            alternatives.push(name);
        }
        return alternatives;
    }
}

const NAME_START_HINT: number[] = (() => {
    const codes: number[] = [0x5f];
    for (let c = 0x41; c <= 0x5a; c++) {
        codes.push(c, c + 0x20);
    }
    for (let c = 0xaa; c <= 0xff; c++) {
        codes.push(c);
    }
    // One character from each group of 255 the lexer puts the rest of the 16-bit range into.
    for (let c = 0x100; c <= 0xffff; c += 255) {
        codes.push(c);
    }
    codes.push(0xffff);
    return codes;
})();

/**
 * What a tokenization has already learnt about text that does not close: chevrotain passes the
 * same array of matched tokens to every call of a custom pattern while it tokenizes one text.
 */
interface Unclosed {
    /** A quote from `from` was scanned up to `until` without finding its closing quote. */
    quote?: { from: number; until: number };
    /** A comment opened at this offset has no end after it. */
    comment?: number;
}
const unclosed = new WeakMap<object, Unclosed>();

function memo(tokens: unknown): Unclosed {
    if (typeof tokens !== 'object' || tokens === null) {
        return {};
    }
    let found = unclosed.get(tokens);
    if (!found) {
        found = {};
        unclosed.set(tokens, found);
    }
    return found;
}

/**
 * Quoted text, exactly as the grammar's `/"(\\.|[^"\\])*"/` matches it, without the regular
 * expression, for two reasons found by the hostile-input tests:
 * - V8 keeps a backtracking entry for each character that pattern consumes, so a text of a few
 *   million characters overflowed its stack ("Maximum call stack size exceeded") and the file
 *   failed to load;
 * - a quote that never closes is scanned to the end of the file, and after the lexer reports it,
 *   every later quote was scanned to the end again: `"\"\"\"...` took time quadratic in its length
 *   (40 s for 320 KB). Every quote inside a failed scan fails the same way (the scan reached it as
 *   an escaped character, so it continues in step from there), which is remembered.
 */
export function matchQuotedText(text: string, offset: number, tokens?: unknown): RegExpExecArray | null {
    if (text.charCodeAt(offset) !== QUOTE) {
        return null;
    }
    const known = memo(tokens);
    if (known.quote && offset > known.quote.from && offset < known.quote.until) {
        return null;
    }
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            return [text.substring(offset, i + 1)] as unknown as RegExpExecArray;
        }
        if (c === BACKSLASH) {
            // `\\.`: a backslash escapes the next character, which may be anything but a line break.
            const next = text.charCodeAt(i + 1);
            if (i + 1 >= text.length || next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029) {
                known.quote = { from: offset, until: i };
                return null;
            }
            i++;
        }
    }
    known.quote = { from: offset, until: text.length };
    return null;
}

// A block comment, exactly as the grammar's ML_COMMENT pattern matches it: from its opening to the
// first end after that. With the regular expression, a comment that never closes was scanned to the
// end of the file, and so was every later opening: 240 KB of `/* ` took 7 s, and the time grows with
// the square of the length. After one opening without an end, no later one has an end either.
export function matchBlockComment(text: string, offset: number, tokens?: unknown): RegExpExecArray | null {
    if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) {
        return null;
    }
    const known = memo(tokens);
    if (known.comment !== undefined && offset > known.comment) {
        return null;
    }
    const close = text.indexOf('*/', offset + 2);
    if (close < 0) {
        known.comment = offset;
        return null;
    }
    return [text.substring(offset, close + 2)] as unknown as RegExpExecArray;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
