import { starterModel } from '../../language/src/index.js';

/** A complete, clean model; each case changes it just enough to make one rule fire, or not. */
export const BASE = starterModel('FallsProgramme');

export function edit(...replacements: Array<[string | RegExp, string]>): string {
    let text = BASE;
    for (const [from, to] of replacements) {
        const next = text.replace(from, to);
        if (next === text) {
            throw new Error(`The base model has no ${String(from)}`);
        }
        text = next;
    }
    // Keep the canonical layout: removing a declaration must not leave extra blank lines.
    return text.replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
}

/** Removes one whole declaration, found by its first line. */
export function without(header: string): [RegExp, string] {
    const escaped = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return [new RegExp(`\\n${escaped}[^\\n{]*(\\{[\\s\\S]*?\\n\\})?\\n`), '\n'];
}

