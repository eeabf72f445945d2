/**
 * Messages met while writing a model from scratch say what is wrong and what to write instead,
 * and a syntax error is not buried under rule findings about the declaration it broke.
 */
import { describe, expect, test } from 'vitest';
import { loadModel } from '../support/workspace.js';

const messages = async (text: string) =>
    (await loadModel(text)).diagnostics().map(d => `${d.range.start.line}: ${d.message}`);

describe('messages that teach', () => {
    test('a word of the language used as a name is named as one, with a name that is free', async () => {
        expect(await messages('activity training "Train the ward staff"\n')).toEqual([
            '0: `training` is a word of the language, so it cannot be a name. Choose another name, such as `Training`.',
        ]);
        const free = await loadModel('activity Training "Train the ward staff"\n');
        expect(free.errors()).toEqual([]);
    });

    test('a hyphenated word of the language gets a name without the hyphen', async () => {
        const found = await messages('outcome service-user\n');
        expect(found[0]).toContain('such as `ServiceUser`');
    });

    test('quoted text never closed is reported where it starts', async () => {
        const found = await messages('outcome O {\n    horizon short\n}\noutcome P "Safer care\n');
        expect(found).toContain('3: This quoted text is never closed: add the closing " where the text ends.');
    });

    test('no rule reports on a declaration broken by a syntax error', async () => {
        const found = await messages('sustain S "Keep it" {\n    succession "the ward manager"\n}\n');
        expect(found).toEqual(["0: Expected 'plan' but found 'S'."]);
    });

    test('the rules still report on the declarations around a broken one', async () => {
        const found = await messages('outcome Before\nactivity training\noutcome After\n');
        expect(found.some(line => line.includes('`Before`'))).toBe(true);
        expect(found.some(line => line.includes('`After`'))).toBe(true);
        expect(found.some(line => line.includes('undefined'))).toBe(false);
    });

    test('a comparison of values gives their units', async () => {
        const found = await messages(
            'measure Compliance {\n    direction increase\n    baseline 93 %\n    target reach 90 %\n}\n',
        );
        expect(found.join('\n')).toContain('(93% against a target of 90%)');
    });

    test('a named link is called by its name', async () => {
        const found = await messages('activity A\noutcome B\nlink Rounds: A -> B\n');
        expect(found.join('\n')).toContain('`Rounds`');
        expect(found.join('\n')).not.toContain('`A -> B`');
    });
});
