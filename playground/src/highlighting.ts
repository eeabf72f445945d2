import type * as monaco from 'monaco-editor';
import generated from './generated/toc-monarch.js';

/**
 * The language's Monarch grammar as Langium generates it from the grammar, with two changes:
 * - its patterns are read as Unicode (`\p{L}` in the identifier rule means a letter only then:
 *   without it no word, keyword or name, was highlighted);
 * - one rule comes first, for the keywords written with hyphens (`side-effect`, `routine-data`),
 *   which the generated identifier rule would split at each hyphen into two words and an operator.
 */
export function tocMonarch(): monaco.languages.IMonarchLanguage {
    const hyphenated = generated.keywords
        .filter(keyword => keyword.includes('-'))
        // Longest first, so that no keyword stops at a shorter one it starts with.
        .sort((a, b) => b.length - a.length);
    const keyword = {
        regex: new RegExp(`(?:${hyphenated.join('|')})(?![\\p{L}\\p{N}_-])`, 'u'),
        action: { token: 'keyword' },
    };
    return {
        ...generated,
        unicode: true,
        tokenizer: { ...generated.tokenizer, initial: [keyword, ...generated.tokenizer.initial] },
    } as monaco.languages.IMonarchLanguage;
}
