import type { RuleDefinition } from '../rule.js';

export const aimNotMeasurable: RuleDefinition = {
    id: 'aim-not-measurable',
    challenge: 'methods',
    title: 'The aim does not say how much or by when',
    summary:
        'An aim that says how good, by when and for whom tells everyone what success is and when to look for it. Give the aim a target with a value and a date.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ programme, report }) {
        if (!programme) {
            return;
        }
        if (programme.aims.length === 0) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` names no aim: add \`aim <outcome>\` for the outcome it exists to achieve.`,
            });
        }
        programme.aims.forEach((aim, index) => {
            const outcome = aim.ref;
            if (!outcome) {
                return;
            }
            if (!outcome.target) {
                report({
                    node: programme,
                    property: 'aims',
                    index,
                    message: `The aim \`${outcome.name}\` has no target: add \`target <change> <value> by <date>\` to outcome ${outcome.name}.`,
                });
            } else if (!outcome.target.date) {
                report({
                    node: programme,
                    property: 'aims',
                    index,
                    message: `The aim \`${outcome.name}\` does not say by when: add \`by <date>\` to its target.`,
                });
            }
        });
    },
};

export const measureWithoutTarget: RuleDefinition = {
    id: 'measure-without-target',
    challenge: 'methods',
    title: 'An outcome measure has no target',
    summary:
        'An outcome measure without a target cannot say whether the aim was met. Set the value the team expects to reach and when.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (measure.kind === 'outcome' && !measure.target) {
                report({
                    node: measure,
                    message: `Outcome measure \`${measure.name}\` has no target: add \`target reach <value> by <date>\`.`,
                });
            }
        }
    },
};

export const METHODS_RULES = [aimNotMeasurable, measureWithoutTarget];
