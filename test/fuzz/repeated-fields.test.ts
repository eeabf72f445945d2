/**
 * Validation never fails on a field given twice: every field line of every declaration of the
 * fixture that holds every construct is repeated, in a file where every name is declared and in
 * one where the declaration's references are missing (undeclared names, a link with no cause or no
 * effect). A field given twice must be reported as `repeated-field` or as a syntax error, never as
 * an internal error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../support/workspace.js';
import { messageText } from '../../language/src/utils/text.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const EVERY = fixture('every-construct.toc');
const PEOPLE = fixture('people.toc');

/** Each field line (an indented line inside a declaration's braces), by its line index. */
function fieldLines(text: string): number[] {
    const lines = text.split('\n');
    let depth = 0;
    const fields: number[] = [];
    lines.forEach((line, index) => {
        if (depth > 0 && /^\s+\S/.test(line) && !line.trim().startsWith('//') && !line.includes('}')) {
            fields.push(index);
        }
        depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
    });
    return fields;
}

/** The same text with the names that a field line refers to left undeclared, and links cut short. */
function withoutReferences(text: string): string {
    return text
        .replace(
            /^link (\w+: )?(\w+) -> (\w+)/gm,
            (_, name = '', cause, effect) => `link ${name}-> ${effect}\nlink ${cause} -> `,
        )
        .replace(/^import .*$/gm, '');
}

/** An internal error, as the checks report one: a failed check or rule, never the model's fault. */
const internal = (message: string) => /An error occurred|failed on this model/.test(message);

describe('a field given twice, in every declaration of every kind', () => {
    const lines = EVERY.split('\n');
    const fields = fieldLines(EVERY);

    test('the fixture has fields in every kind of declaration', () => {
        expect(fields.length).toBeGreaterThan(50);
    });

    test.each([
        ['every name declared', (text: string) => text],
        ['references missing', withoutReferences],
    ])(
        '%s: no internal error',
        async (_case, variant) => {
            const failures: string[] = [];
            for (const index of fields) {
                const text = variant(
                    [...lines.slice(0, index + 1), lines[index], ...lines.slice(index + 1)].join('\n'),
                );
                const workspace = await loadWorkspace({ 'every-construct.toc': text, 'people.toc': PEOPLE }, [
                    'every-construct.toc',
                ]);
                const diagnostics = workspace.diagnostics('every-construct.toc');
                failures.push(
                    ...diagnostics
                        .filter(d => internal(messageText(d.message)))
                        .map(d => `line ${index + 1} (${lines[index].trim()}): ${d.message}`),
                );
                const reported = diagnostics.some(
                    d => d.code === 'repeated-field' || d.code === 'syntax-error' || d.code === 'duplicate-name',
                );
                if (
                    !reported &&
                    !/^\s+(aim|embedded in|involves|sponsor|agreed by|figure|story|works in|assumes|for|measures|from|citing)\b/.test(
                        lines[index],
                    )
                ) {
                    // Fields that take a list or may be given many times are allowed twice.
                    failures.push(`line ${index + 1} (${lines[index].trim()}): given twice, and nothing said so`);
                }
            }
            expect(failures).toEqual([]);
        },
        120_000,
    );
});
