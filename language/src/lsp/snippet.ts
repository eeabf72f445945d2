/**
 * Text with tab stops, written once and sent either as a snippet (to a client that takes snippet
 * edits, which then walks the user through the stops) or as plain text holding each stop's default.
 */

/** A tab stop: a default value to type over, or a closed set of choices. */
export type Placeholder = { readonly value: string } | { readonly choices: readonly string[] };

/** Literal text and tab stops, in order; stops are numbered when the text is written out. */
export type Snippet = ReadonlyArray<string | Placeholder>;

export const stop = (value: string): Placeholder => ({ value });
export const choice = (...choices: string[]): Placeholder => ({ choices });

/** A snippet from a template: interpolated strings are literal text (names, titles), placeholders are tab stops. */
export function snippet(strings: TemplateStringsArray, ...values: Array<string | Placeholder>): Snippet {
    return strings.flatMap((text, index) => (index < values.length ? [text, values[index]] : [text]));
}

/** Snippets one per line. */
export function lines(...parts: Snippet[]): Snippet {
    return parts.flatMap((part, index) => (index === 0 ? part : ['\n', ...part]));
}

const escapeText = (text: string) => text.replace(/[\\$}]/g, match => `\\${match}`);
const escapeChoice = (text: string) => text.replace(/[\\$}|,]/g, match => `\\${match}`);

/** In the snippet syntax of LSP and VS Code: `${1:default}`, `${2|a,b|}`, numbered in order. */
export function snippetText(parts: Snippet): string {
    let stops = 0;
    return parts
        .map(part => {
            if (typeof part === 'string') {
                return escapeText(part);
            }
            stops++;
            return 'value' in part
                ? `\${${stops}:${escapeText(part.value)}}`
                : `\${${stops}|${part.choices.map(escapeChoice).join(',')}|}`;
        })
        .join('');
}

/** The text with each stop's default, or its first choice. */
export function plainText(parts: Snippet): string {
    return parts
        .map(part => (typeof part === 'string' ? part : 'value' in part ? part.value : part.choices[0]))
        .join('');
}
