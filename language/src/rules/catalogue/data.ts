import { describeProblem } from '../../data/data-file.js';
import type { ChartKind, Frequency } from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const dataUnreadable: RuleDefinition = {
    id: 'data-unreadable',
    challenge: 3,
    title: "A measure's data file cannot be read",
    summary:
        'Findings from data are only as good as the file they come from. A data file that is missing, is not CSV, or has a row that is not a date and a number is reported where the measure names it, with the row and column to fix.',
    defaultSeverity: 'error',
    check({ model, data, report }) {
        for (const measure of model.measures) {
            const loaded = data(measure);
            const file = `The data file \`${measure.data}\` of measure \`${measure.name}\``;
            if (loaded && 'unreadable' in loaded) {
                report({
                    node: measure,
                    property: 'data',
                    message: `${file} ${loaded.unreadable}.`,
                });
            } else if (loaded && loaded.problems.length > 0) {
                const [first, ...others] = loaded.problems;
                const more = others.length === 0 ? '' : ` (and ${others.length} more in the file)`;
                report({
                    node: measure,
                    property: 'data',
                    message: `${file} cannot be used: ${describeProblem(first)}${more}.`,
                });
            }
        }
    },
};

/** How many days apart a measure's points are expected, by its frequency. */
const DAYS_BETWEEN: Record<Frequency, number> = {
    continuous: 1,
    daily: 1,
    weekly: 7,
    fortnightly: 14,
    monthly: 31,
    quarterly: 92,
    yearly: 366,
};

const CHART_NAMES: Record<ChartKind, string> = {
    run: 'a run chart',
    xmr: 'an XmR chart',
    p: 'a p chart',
    u: 'a u chart',
};

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

export const dataStale: RuleDefinition = {
    id: 'data-stale',
    challenge: 3,
    title: "A measure's data have not been brought up to date",
    summary:
        'Data that stopped arriving can no longer tell the team whether anything is changing. A measure whose latest point is older than twice its frequency is reported, so that collection can be restarted or the gap explained.',
    defaultSeverity: 'warning',
    check({ model, asOf, reading, report }) {
        for (const measure of model.measures) {
            const latest = reading(measure)?.points.at(-1);
            const every = measure.frequency && DAYS_BETWEEN[measure.frequency];
            if (!latest || !every) {
                continue;
            }
            const age = daysBetween(latest.date, asOf);
            if (age > 2 * every) {
                report({
                    node: measure,
                    property: 'data',
                    message: `The latest data of measure \`${measure.name}\` are from ${latest.date}, ${age} days before ${asOf}; collected ${measure.frequency}, it should have a point within the last ${2 * every} days: bring the data up to date, or say why collection stopped.`,
                });
            }
        }
    },
};

export const tooFewPoints: RuleDefinition = {
    id: 'too-few-points',
    challenge: 3,
    title: 'Too few points to read a signal',
    summary:
        'A chart of a handful of points cannot tell a real change from the ordinary ups and downs. Run-chart rules need about ten points and control-chart limits about twelve before they can be trusted.',
    defaultSeverity: 'info',
    thresholds: {
        runChartPoints: {
            description: 'The fewest points a run chart needs.',
            default: 10,
            minimum: 2,
        },
        controlChartPoints: {
            description: 'The fewest points an XmR, p or u chart needs.',
            default: 12,
            minimum: 2,
        },
    },
    check({ model, reading, threshold, report }) {
        for (const measure of model.measures) {
            const read = reading(measure);
            if (!read) {
                continue;
            }
            const needed = threshold(read.chart === 'run' ? 'runChartPoints' : 'controlChartPoints');
            if (read.points.length < needed) {
                const chart = CHART_NAMES[read.chart];
                report({
                    node: measure,
                    property: 'data',
                    message: `Measure \`${measure.name}\` has ${read.points.length} ${read.points.length === 1 ? 'point' : 'points'}, fewer than the ${needed} ${chart} needs to show a signal: keep collecting before reading it.`,
                });
            }
        }
    },
};

export const DATA_RULES = [dataUnreadable, dataStale, tooFewPoints];
