import { describe, expect, test } from 'vitest';
import { scorecardMarkdown, scorecardOf } from '../../language/src/rules/scorecard.js';
import { BASE, edit, without } from '../support/variants.js';
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
            expect(entry.verdict, entry.title).toBe('addressed');
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
        expect(markdown).toContain(
            '# Challenge scorecard: FallsProgramme\n\nOf 11 areas, 10 addressed, 0 partly (notes only), 1 not addressed.',
        );
        expect(markdown).toContain(
            '| ✗ | Challenge 3: Getting data collection and monitoring right | not addressed | 1 |',
        );
        expect(markdown).toContain('✗ **Not addressed.** Asks for a measure for every outcome: not shown.');
        expect(markdown).toContain(
            '- Outcome `RoundsDone` has no measure: add a measure of kind outcome, or say how it will be observed. (`unmeasured-outcome`, warning, model.toc:24)',
        );
    });

    describe('three verdicts', () => {
        const verdicts = async (text: string) =>
            Object.fromEntries((await scorecard(text)).entries.map(e => [e.challenge, e.verdict]));

        test('a challenge whose only findings are notes is partly addressed, not failed', async () => {
            // incentives-one-sided is an info finding: the model still has an incentive.
            const card = await scorecard(edit(without('incentive MatronReview')));
            const entry = card.entries.find(e => e.challenge === 8)!;
            expect(entry.findings.map(f => f.severity)).toEqual(['info']);
            expect(entry.verdict).toBe('partly');
        });

        test('a programme with no sustain plan is not addressed on sustainability, whatever challenge its finding is under', async () => {
            // With a period, the finding is project-ends-without-sustain (Challenge 4), none under 9.
            const card = await scorecard(edit(without('sustain plan KeepRounding')));
            const sustainability = card.entries.find(e => e.challenge === 9)!;
            expect(sustainability.findings).toEqual([]);
            expect(sustainability).toMatchObject({
                verdict: 'not-addressed',
                asks: 'a sustain plan that embeds the change in routine practice',
                shows: false,
            });
        });

        test('each challenge fails when what addresses it is missing, even with no finding', async () => {
            expect(
                await verdicts(
                    edit(
                        ['    sponsor ChiefNurse\n', ''],
                        ['    owner ChiefNurse\n}\n', '    owner WardNurses\n}\n'],
                        // Silence the rule itself: the positive check still stands.
                        [
                            'programme FallsProgramme',
                            '// toc-ignore leadership-at-one-level: testing\nprogramme FallsProgramme',
                        ],
                    ),
                ),
            ).toMatchObject({ 7: 'not-addressed', 6: 'addressed' });
            expect(
                await verdicts(
                    edit(
                        ['kind balancing', 'kind process'],
                        [
                            'programme FallsProgramme',
                            '// toc-ignore no-balancing-measure: testing\nprogramme FallsProgramme',
                        ],
                    ),
                ),
            ).toMatchObject({
                10: 'not-addressed',
            });
        });

        test('a funder among the leaders does not address leadership', async () => {
            const card = await scorecard(
                edit(
                    [
                        '    owner WardNurses\n    involves WardNurses\n',
                        '    owner ChiefNurse\n    involves WardNurses\n',
                    ],
                    ['sponsor ChiefNurse', 'sponsor ChiefNurse\n    funder HealthFund'],
                    [
                        '\ncontext',
                        '\nstakeholder HealthFund "Funder" {\n    level funder\n    role "Funds it"\n}\n\ncontext',
                    ],
                ),
            );
            const leadership = card.entries.find(e => e.challenge === 7)!;
            expect(leadership.verdict).toBe('not-addressed');
            expect(leadership.strengths).toEqual(['Leaders inside the organisation at executive level']);
            expect(card.entries.find(e => e.challenge === 4)!.strengths).toContain('Funded by `HealthFund`');
        });
    });

    test('a model with errors is not scored: the errors are listed instead', async () => {
        const card = await scorecard(edit(['aim FewerFalls', 'aim FewerFals']));
        expect(card.entries).toEqual([]);
        expect(card.errors).toEqual([expect.objectContaining({ uri: 'file:///workspace/model.toc', line: 7 })]);
        const markdown = scorecardMarkdown(card, uri => uri.replace('file:///workspace/', ''));
        expect(markdown).toContain('Not scored: the model has 1 error');
        expect(markdown).toContain('(model.toc:7)');
        expect(markdown).not.toContain('addressed');
    });
});
