import * as ast from '../../generated/ast.js';
import { levelOf } from '../../analysis/programme-model.js';
import type { RuleDefinition } from '../rule.js';

export const unmeasuredOutcome: RuleDefinition = {
    id: 'unmeasured-outcome',
    challenge: 3,
    title: 'An outcome has no measure',
    summary:
        'An outcome nobody measures is one nobody will know was reached. Plan the measure now, while a baseline can still be collected.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const outcome of model.all(ast.isOutcome)) {
            if (model.measuresOf(outcome).length === 0) {
                report({
                    node: outcome,
                    message: `Outcome \`${outcome.name}\` has no measure: add a measure of kind outcome, or say how it will be observed.`,
                    fix: { kind: 'add-measure', target: outcome.name, measureKind: 'outcome' },
                });
            }
        }
    },
};

export const measureWithoutBaseline: RuleDefinition = {
    id: 'measure-without-baseline',
    challenge: 3,
    title: 'A measure has no baseline value and date',
    summary:
        'Without a baseline taken before the work starts, no change can be shown afterwards, and baselines cannot be collected retrospectively. Record the value and the date it was measured.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (measure.kind === 'balancing' && !measure.target) {
                // A balancing measure watches for harm; its baseline is welcome but not its purpose.
                continue;
            }
            if (!measure.baseline) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no baseline: add \`baseline <value> on <date>\` measured before the work starts.`,
                    fix: { kind: 'add-baseline' },
                });
            } else if (!measure.baseline.date) {
                report({
                    node: measure,
                    property: 'baseline',
                    message: `The baseline of measure \`${measure.name}\` has no date: add \`on <date>\` after the value.`,
                });
            }
        }
    },
};

export const measureWithoutSource: RuleDefinition = {
    id: 'measure-without-source',
    challenge: 3,
    title: 'A measure has no data source',
    summary:
        'A measure is only as credible as the data behind it. Name where the data comes from, so others can trust it and the team can check the system will deliver it.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (!measure.source) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no data source: add \`source "..."\` naming where the data comes from.`,
                });
            }
        }
    },
};

export const measureWithoutOwner: RuleDefinition = {
    id: 'measure-without-owner',
    challenge: 3,
    title: 'A measure has no owner',
    summary: "Data that is everybody's job is nobody's job. Name who collects and reports each measure.",
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (!measure.owner) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no owner: add \`owner <stakeholder or person>\` who collects and reports it.`,
                });
            }
        }
    },
};

export const measureWithoutFrequency: RuleDefinition = {
    id: 'measure-without-frequency',
    challenge: 3,
    title: 'A measure has no collection rhythm',
    summary:
        'Improvement is seen in data over time. Say how often each measure is collected, so the team can plot it and act on it.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (!measure.frequency) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no frequency: add \`frequency weekly\` (or daily, monthly, quarterly...).`,
                });
            }
        }
    },
};

export const measurementBurden: RuleDefinition = {
    id: 'measurement-burden',
    challenge: 3,
    title: 'One frontline group owns too many measures',
    summary:
        'Paperwork alienates ward staff and crowds out care. Keep the data burden on any one frontline group small, and find support for collection.',
    defaultSeverity: 'warning',
    thresholds: {
        maxMeasures: {
            description: 'How many measures one frontline stakeholder may own before the rule fires.',
            default: 3,
            minimum: 1,
        },
    },
    check({ model, threshold, report }) {
        const limit = threshold('maxMeasures');
        const owned = new Map<ast.Party, number>();
        for (const measure of model.measures) {
            const owner = measure.owner?.ref;
            if (owner && levelOf(owner) === 'frontline') {
                owned.set(owner, (owned.get(owner) ?? 0) + 1);
            }
        }
        for (const [owner, count] of owned) {
            if (count > limit) {
                report({
                    node: owner,
                    message: `Frontline \`${owner.name}\` owns ${count} measures, more than ${limit}: share the collection, automate it, or drop the least useful.`,
                });
            }
        }
    },
};

export const MEASUREMENT_RULES = [
    unmeasuredOutcome,
    measureWithoutBaseline,
    measureWithoutSource,
    measureWithoutOwner,
    measureWithoutFrequency,
    measurementBurden,
];
