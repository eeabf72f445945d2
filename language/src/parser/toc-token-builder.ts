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
        if (token.name === 'STRING') {
            token.PATTERN = matchQuotedText;
            token.LINE_BREAKS = true;
            token.START_CHARS_HINT = ['"'];
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
 * Quoted text, exactly as the grammar's `/"(\\.|[^"\\])*"/` matches it, without the regular
 * expression: V8 keeps a backtracking entry for each character that pattern consumes, so a text of
 * a few million characters overflowed its stack ("Maximum call stack size exceeded") and the whole
 * file failed to load. This scans once and keeps nothing.
 */
export function matchQuotedText(text: string, offset: number): RegExpExecArray | null {
    if (text.charCodeAt(offset) !== QUOTE) {
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
                return null;
            }
            i++;
        }
    }
    return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
