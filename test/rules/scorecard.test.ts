import { describe, expect, test } from 'vitest';
import { scorecardMarkdown, scorecardOf } from '../../language/src/rules/scorecard.js';
import { BASE, edit } from '../support/variants.js';
import { loadModel } from '../support/workspace.js';

async function scorecard(text: string) {
    const model = await loadModel(text);
    return scorecardOf(model.services, model.document('model.toc'));
}

describe('the challenge scorecard', () => {
    test('a complete model: no findings anywhere, and for every challenge something that addresses it', async () => {
        const card = await scorecard(BASE);
        expect(card.programme).toBe('FallsProgramme');
        expect(card.entries.map(e => e.challenge)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'methods']);
        for (const entry of card.entries) {
            expect(entry.findings, entry.title).toEqual([]);
            expect(entry.strengths.length, entry.title).toBeGreaterThan(0);
        }
        expect(card.entries[2].strengths).toEqual([
            '2 of 2 outcomes are measured',
            '3 of 3 measures have a dated baseline',
        ]);
        expect(card.entries[7].strengths).toEqual(['1 carrot and 1 stick']);
    });

    test('findings are listed under their challenge, with their severity and the line they are on', async () => {
        const card = await scorecard(edit(['measures RoundsDone', 'measures Rounding']));
        expect(card.entries[2].findings).toEqual([
            {
                rule: 'unmeasured-outcome',
                severity: 'warning',
                uri: 'file:///workspace/model.toc',
                line: 24,
                message:
                    'Outcome `RoundsDone` has no measure: add a measure of kind outcome, or say how it will be observed.',
            },
        ]);
        expect(card.entries[2].strengths[0]).toBe('1 of 2 outcomes are measured');
    });

    test('suppressed findings are not counted', async () => {
        const card = await scorecard(
            edit(
                ['measures RoundsDone', 'measures Rounding'],
                [
                    'outcome RoundsDone',
                    '// toc-ignore unmeasured-outcome: seen on the rounding audit\noutcome RoundsDone',
                ],
            ),
        );
        expect(card.entries[2].findings).toEqual([]);
    });

    test('as Markdown: a summary table, then each challenge', async () => {
        const card = await scorecard(edit(['measures RoundsDone', 'measures Rounding']));
        const markdown = scorecardMarkdown(card, uri => uri.replace('file:///workspace/', ''));
        expect(markdown).toContain('# Challenge scorecard: FallsProgramme\n\n10 of 11 areas show no findings.');
        expect(markdown).toContain('| ✗ | Challenge 3: Getting data collection and monitoring right | 1 |');
        expect(markdown).toContain(
            '- Outcome `RoundsDone` has no measure: add a measure of kind outcome, or say how it will be observed. (`unmeasured-outcome`, model.toc:24)',
        );
    });
});
