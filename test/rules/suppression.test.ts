import { describe, expect, test } from 'vitest';
import { starterModel } from '../../language/src/index.js';
import { loadModel, rangeText } from '../support/workspace.js';

const UNMEASURED = starterModel('FallsProgramme').replace('measures RoundsDone', 'measures Rounding');
const OUTCOME = 'outcome RoundsDone "Patients are checked every hour" {';

function withComment(comment: string, where: 'above' | 'inside' = 'above'): string {
    return where === 'above'
        ? UNMEASURED.replace(OUTCOME, `${comment}\n${OUTCOME}`)
        : UNMEASURED.replace(OUTCOME, `${OUTCOME}\n    ${comment}`);
}

describe('toc-ignore comments', () => {
    test('a comment with a reason above the declaration suppresses the rule there', async () => {
        const model = await loadModel(
            withComment('// toc-ignore unmeasured-outcome: observed through quarterly staff survey'),
        );
        expect(model.diagnostics()).toEqual([]);
    });

    test("a comment inside the declaration's block works too", async () => {
        const model = await loadModel(
            withComment('// toc-ignore unmeasured-outcome: observed at the monthly huddle', 'inside'),
        );
        expect(model.diagnostics()).toEqual([]);
    });

    test('it suppresses only the rule it names', async () => {
        const model = await loadModel(
            withComment('// toc-ignore outcome-unreachable: reached through other programmes'),
        );
        expect(model.codes()).toEqual(['unused-suppression', 'unmeasured-outcome']);
    });

    test('without a reason it suppresses nothing and is reported', async () => {
        const model = await loadModel(withComment('// toc-ignore unmeasured-outcome'));
        const [problem, finding] = model.diagnostics();
        expect(problem).toMatchObject({
            code: 'invalid-suppression',
            severity: 2,
            message:
                'This toc-ignore of `unmeasured-outcome` gives no reason, so it suppresses nothing: add `: <why the rule does not apply here>`.',
        });
        expect(rangeText(model, 'model.toc', problem)).toBe('// toc-ignore unmeasured-outcome');
        expect(finding.code).toBe('unmeasured-outcome');
    });

    test('an unknown rule id is reported', async () => {
        const model = await loadModel(withComment('// toc-ignore unmeasured-outcomes: typo'));
        expect(model.diagnostics()[0].message).toBe(
            '`unmeasured-outcomes` is not a rule of the catalogue, so this toc-ignore suppresses nothing. Check the rule id.',
        );
    });

    test('a suppression that suppresses nothing is reported', async () => {
        const model = await loadModel(
            starterModel('FallsProgramme').replace(
                OUTCOME,
                `// toc-ignore unmeasured-outcome: measured elsewhere\n${OUTCOME}`,
            ),
        );
        expect(model.diagnostics()).toMatchObject([
            {
                code: 'unused-suppression',
                severity: 2,
                message:
                    'This toc-ignore of `unmeasured-outcome` suppresses nothing on `RoundsDone`: the rule does not fire here. Remove it.',
            },
        ]);
    });
});
