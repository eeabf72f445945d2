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

/** A causal map of `activities` activities, each leading to one outcome. */
export function hugeMap(activities: number): string {
    const lines = ['outcome Safer "Safer care" { horizon short }'];
    for (let i = 0; i < activities; i++) {
        lines.push(`activity A${i} "Activity ${i}"`, `link A${i} -> Safer`);
    }
    return lines.join('\n') + '\n';
}
