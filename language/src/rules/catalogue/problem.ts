import { absoluteTarget, describeQuantity } from '../../analysis/describe.js';
import { levelOf } from '../../analysis/programme-model.js';
import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const problemMissing: RuleDefinition = {
    id: 'problem-missing',
    challenge: 1,
    title: 'The model states no problem',
    summary:
        'A plan that never says what is wrong gives staff no reason to change. Declare a problem with the figures that show it is real here, and the stories that show why it matters.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (programme && model.all(ast.isProblem).length === 0) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` states no problem: add a \`problem\` with the figures that show it is real and local.`,
                fix: { kind: 'add-problem' },
            });
        }
    },
};

export const problemWithoutData: RuleDefinition = {
    id: 'problem-without-data',
    challenge: 1,
    title: 'A problem has no figure with a source',
    summary:
        'Hard data is what persuades sceptical colleagues that a problem is real and local. A problem needs at least one figure with a value and a source, ideally showing variation between the best and worst units.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const problem of model.all(ast.isProblem)) {
            if (!problem.figures.some(figure => figure.value && figure.source)) {
                report({
                    node: problem,
                    message: `Problem \`${problem.name}\` has no figure with a value and a source: add \`figure "..." is <value> source <evidence>\`.`,
                });
            }
        }
    },
};

export const problemWithoutVoice: RuleDefinition = {
    id: 'problem-without-voice',
    challenge: 1,
    title: 'A problem has no patient or staff story',
    summary:
        'Figures convince the head; the account of a patient or a member of staff brings people with you. A problem is stronger with at least one story.',
    defaultSeverity: 'hint',
    check({ model, report }) {
        for (const problem of model.all(ast.isProblem)) {
            if (problem.stories.length === 0) {
                report({
                    node: problem,
                    message: `Problem \`${problem.name}\` has no patient or staff story: add \`story "..." from <stakeholder>\`.`,
                });
            }
        }
    },
};

export const problemNotAgreed: RuleDefinition = {
    id: 'problem-not-agreed',
    challenge: 1,
    title: 'No frontline staff agree the problem',
    summary:
        'The people who must change their practice are the ones most likely to say the problem is not real, or not real here. Until some of them agree it is, the case for change is made to managers only.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const problem of model.all(ast.isProblem)) {
            if (!problem.agreedBy.some(party => levelOf(party.ref) === 'frontline')) {
                report({
                    node: problem,
                    message: `Problem \`${problem.name}\` is not agreed by frontline staff: once the people who must change accept it is a problem here, add them to \`agreed by\`.`,
                });
            }
        }
    },
};

export const alreadyGoodBaseline: RuleDefinition = {
    id: 'already-good-baseline',
    challenge: 1,
    title: 'A measure already meets its target at baseline',
    summary:
        'Where performance is already good there is little room to improve, and staff see little point in the effort. Check the baseline, raise the target, or focus the work where the gap is.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            // A balancing measure's target is a limit to stay within, not a goal.
            if (measure.kind === 'balancing') {
                continue;
            }
            if (measure.baseline && meetsTarget(measure, measure.baseline.value, measure.target)) {
                report({
                    node: measure,
                    property: 'baseline',
                    message: `Measure \`${measure.name}\` already meets its target at baseline (${describeQuantity(measure.baseline.value)} against a target of ${describeQuantity(measure.target!.value)}): check the baseline, raise the target, or focus where there is room to improve.`,
                });
            }
            const siteTargets = new Map(
                measure.siteFigures
                    .filter(figures => figures.target)
                    .map(figures => [figures.site?.ref, figures.target]),
            );
            measure.siteFigures.forEach((figures, index) => {
                // A site figure cut short by a syntax error may name no site (found by fuzzing).
                const target = siteTargets.get(figures.site?.ref) ?? measure.target;
                if (figures.site && figures.baseline && meetsTarget(measure, figures.baseline.value, target)) {
                    report({
                        node: measure,
                        property: 'siteFigures',
                        index,
                        message: `At site \`${figures.site.$refText}\`, measure \`${measure.name}\` already meets its target at baseline (${describeQuantity(figures.baseline.value)} against a target of ${describeQuantity(target!.value)}): focus where there is room to improve, or give this site a target of its own.`,
                    });
                }
            });
        }
    },
};

/**
 * Whether a baseline already reaches a target. Only absolute targets ("reach 95") compare with a
 * level, in the same unit. (A value cut short by a syntax error may be missing: found by fuzzing.)
 */
function meetsTarget(
    measure: ast.Measure,
    baseline: ast.Quantity | undefined,
    target: ast.Target | undefined,
): boolean {
    const level = absoluteTarget(target);
    if (!baseline || !level || !sameUnit(baseline.unit, level.unit)) {
        return false;
    }
    return measure.direction === 'decrease'
        ? baseline.value <= level.value
        : measure.direction === 'increase'
          ? baseline.value >= level.value
          : baseline.value === level.value;
}

function sameUnit(a: string | undefined, b: string | undefined): boolean {
    return a === undefined || b === undefined || a === b;
}

export const PROBLEM_RULES = [
    problemMissing,
    problemWithoutData,
    problemWithoutVoice,
    problemNotAgreed,
    alreadyGoodBaseline,
];
