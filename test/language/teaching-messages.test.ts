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

    const errors = async (text: string) =>
        (await loadModel(text)).errors().map(d => `${d.range.start.line}:${d.range.start.character}: ${d.message}`);

    test('a unit of several words without quotes is named as one, with the quotes to add', async () => {
        expect(await errors('measure M {\n    baseline 7.7 per 1,000 catheter-days on 2024-11-01\n}\n')).toEqual([
            '1:21: A unit of more than one word goes in quotes: write 7.7 "per 1,000 catheter-days".',
        ]);
        expect(await errors('outcome O {\n    target reach 60 per 1000 patients by 2027-01-01\n}\n')).toEqual([
            '1:24: A unit of more than one word goes in quotes: write 60 "per 1000 patients".',
        ]);
        expect(await errors('resource R {\n    amount 2 whole time equivalents\n}\n')).toEqual([
            '1:19: A unit of more than one word goes in quotes: write 2 "whole time equivalents".',
        ]);
        expect(await errors('measure M {\n    baseline 7.7 "per 1,000 catheter-days" on 2024-11-01\n}\n')).toEqual([]);
        expect(await errors('outcome O {\n    target reach 60 by 2027\n}\n')).toEqual([
            "1:23: Expected a date (YYYY-MM-DD) but found '2027'.",
        ]);
    });

    test('a hyphenated word where a closed set is asked for lists what the set allows, in one error', async () => {
        expect(await errors('outcome O {\n    horizon long-term\n}\n')).toEqual([
            '1:16: `long-term` is not an allowed horizon: write one of short, medium or long.',
        ]);
        expect(await errors('evidence E {\n    kind local-audit\n}\n')).toEqual([
            "1:9: Expected one of 'trial', 'review', 'study', 'audit', 'local-data', 'guideline' or 'expert-opinion' but found 'local-audit'.",
        ]);
        expect(await errors('stakeholder S {\n    level service-user\n}\n')).toEqual([]);
    });

    test('a hyphen in a name says the name to write instead', async () => {
        const found = await errors('activity A {\n    owner ward-team\n}\nstakeholder WardTeam\n');
        expect(found).toContain("1:14: A name cannot contain '-': write `wardTeam` instead of `ward-team`.");
        expect(found.join('\n')).not.toContain("found 'team'");
    });
});
