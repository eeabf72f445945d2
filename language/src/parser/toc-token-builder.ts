import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Makes every word-like keyword give way to a longer name, so `shortlist` is one name and not the
 * keyword `short` followed by `list`. Langium works this out by matching the name pattern against
 * each keyword, which misses our Unicode-aware name pattern; this states it directly.
 */
export class TocTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const name = terminalTokens.find(token => token.name === 'ID');
        if (name && /^[\p{L}_]/u.test(keyword.value) && !alternatives.includes(name)) {
            alternatives.push(name);
        }
        return alternatives;
    }
}
