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
            if (!measure.baseline && !measure.siteFigures.some(figures => figures.baseline)) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no baseline: add \`baseline <value> on <date>\` measured before the work starts.`,
                    fix: { kind: 'add-baseline' },
                });
            } else if (measure.baseline && !measure.baseline.date) {
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
    summary:
        "Data that is everybody's job is nobody's job. Name who is accountable for each measure; say who collects it with `collected by` when that is someone else.",
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const measure of model.measures) {
            if (!measure.owner) {
                report({
                    node: measure,
                    message: `Measure \`${measure.name}\` has no owner: add \`owner <stakeholder or person>\` who is accountable for it.`,
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
    title: 'One frontline group collects too many measures',
    summary:
        'Paperwork alienates ward staff and crowds out care. Keep the data burden on any one frontline group small, and find support for collection. A measure is counted against whoever collects it (`collected by`), or its owner when nobody else is named.',
    defaultSeverity: 'warning',
    thresholds: {
        maxMeasures: {
            description: 'How many measures one frontline stakeholder may collect before the rule fires.',
            default: 3,
            minimum: 1,
        },
    },
    check({ model, threshold, report }) {
        const limit = threshold('maxMeasures');
        const collected = new Map<ast.Party, number>();
        for (const measure of model.measures) {
            const collector = (measure.collectedBy ?? measure.owner)?.ref;
            if (collector && levelOf(collector) === 'frontline') {
                collected.set(collector, (collected.get(collector) ?? 0) + 1);
            }
        }
        for (const [collector, count] of collected) {
            if (count > limit) {
                report({
                    node: collector,
                    message: `Frontline \`${collector.name}\` collects ${count} measures, more than ${limit}: share the collection, automate it, or drop the least useful.`,
                });
            }
        }
    },
};

export const selfReportedOutcome: RuleDefinition = {
    id: 'self-reported-outcome',
    challenge: 3,
    title: 'An outcome is measured only by self-report',
    summary:
        "People's own account of what they did, or of how well a team works, flatters the change and is hard to compare over time. Where an outcome matters, measure it from routine data, audit or observation as well.",
    defaultSeverity: 'info',
    check({ model, report }) {
        for (const outcome of model.all(ast.isOutcome)) {
            const measures = model.measuresOf(outcome);
            if (measures.length > 0 && measures.every(measure => measure.method === 'self-report')) {
                report({
                    node: outcome,
                    message: `Outcome \`${outcome.name}\` is measured only by self-report: add a measure from routine data, audit or observation.`,
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
    selfReportedOutcome,
];
