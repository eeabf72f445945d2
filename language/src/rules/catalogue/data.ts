import { describeProblem } from '../../data/data-file.js';
import type { ChartKind, Frequency } from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';
import { absoluteTarget, describeQuantity } from '../../analysis/describe.js';
import { linkArrowRange, linkLabel } from './solution.js';
import type { Measure } from '../../generated/ast.js';
import type { MeasureReading } from '../../data/measure-reading.js';
import { dateAt } from '../../statistics/series.js';
import { concernNow, improvementFrom, MIN_POINTS, pointIndexFrom } from '../../data/measure-reading.js';

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
                    ...(loaded.missing ? { fix: { kind: 'create-data-file' } as const } : {}),
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
            const series = reading(measure)?.series;
            const latest = series?.length ? dateAt(series, series.length - 1) : undefined;
            const every = measure.frequency && DAYS_BETWEEN[measure.frequency];
            if (!latest || !every) {
                continue;
            }
            const age = daysBetween(latest, asOf);
            if (age > 2 * every) {
                report({
                    node: measure,
                    property: 'data',
                    message: `The latest data of measure \`${measure.name}\` are from ${latest}, ${age} days before ${asOf}; collected ${measure.frequency}, it should have a point within the last ${2 * every} days: bring the data up to date, or say why collection stopped.`,
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
            default: MIN_POINTS.run,
            minimum: 2,
        },
        controlChartPoints: {
            description: 'The fewest points an XmR, p or u chart needs.',
            default: MIN_POINTS.xmr,
            minimum: 2,
        },
    },
    check({ model, reading, report }) {
        for (const measure of model.measures) {
            const read = reading(measure);
            if (!read) {
                continue;
            }
            // The reading carries these thresholds, so every rule about data waits for as many points.
            const needed = read.minimumPoints;
            if (read.series.length < needed) {
                const chart = CHART_NAMES[read.chart];
                report({
                    node: measure,
                    property: 'data',
                    message: `Measure \`${measure.name}\` has ${read.series.length} ${read.series.length === 1 ? 'point' : 'points'}, fewer than the ${needed} ${chart} needs to show a signal: keep collecting before reading it.`,
                });
            }
        }
    },
};

/** A reading with enough points for its signals to be read. */
function readable(read: MeasureReading | undefined): read is MeasureReading {
    return read !== undefined && read.series.length >= read.minimumPoints;
}

export const concernSignal: RuleDefinition = {
    id: 'concern-signal',
    challenge: 10,
    title: 'A measure shows a special cause in the worse direction',
    summary:
        'When the latest data show a change for the worse that ordinary variation does not explain, something has happened. On a balancing measure it is the sign of harm the change may be doing; on any measure, it needs looking into now.',
    defaultSeverity: 'warning',
    check({ model, reading, report }) {
        for (const measure of model.measures) {
            const read = reading(measure);
            if (!readable(read) || !measure.direction || !concernNow(read)) {
                continue;
            }
            const latest = dateAt(read.series, read.series.length - 1);
            const harm = measure.kind === 'balancing' ? ', which may be harm the change is doing' : '';
            report({
                node: measure,
                property: 'data',
                message: `Measure \`${measure.name}\` shows a special cause of concern at its latest point (${latest}): it has got worse (better is ${measure.direction}) beyond ordinary variation${harm}. Look into what changed, and act on it.`,
            });
        }
    },
};

export const noImprovementSignal: RuleDefinition = {
    id: 'no-improvement-signal',
    challenge: 2,
    title: 'No improvement shows since the work began',
    summary:
        'If the points since the work began show no signal of improvement, the change is not yet working as the theory says, or not yet working here. Look at whether the activities are happening, and at the links the measure depends on.',
    defaultSeverity: 'warning',
    check({ model, reading, report }) {
        for (const measure of model.measures) {
            const read = reading(measure);
            if (
                !readable(read) ||
                !measure.direction ||
                measure.kind === 'balancing' ||
                read.baselineEnd === undefined
            ) {
                continue;
            }
            const since = read.series.length - read.baselineEnd;
            if (since >= read.minimumPoints && !improvementFrom(read, read.baselineEnd)) {
                report({
                    node: measure,
                    property: 'data',
                    message: `Measure \`${measure.name}\` shows no signal of improvement in the ${since} points since the work began (${read.workStarts}): check that the activities are happening, and the links the measure depends on.`,
                });
            }
        }
    },
};

export const targetNotCapable: RuleDefinition = {
    id: 'target-not-capable',
    challenge: 4,
    title: 'A target lies beyond what the process delivers',
    summary:
        'When the target lies beyond the control limits on the better side, the process as it runs now will not meet it, however long the team waits. Meeting it needs a further change to the process, or a target the process can reach.',
    defaultSeverity: 'warning',
    check({ model, reading, report }) {
        for (const measure of model.measures) {
            const read = reading(measure);
            if (readable(read) && read.spc?.assurance === 'will consistently fail') {
                const period = read.spc.pointAt(read.spc.length - 1);
                report({
                    node: measure,
                    property: 'target',
                    message: `Measure \`${measure.name}\` will not meet its target of ${describeQuantity(absoluteTarget(measure.target))} as the process runs now: the target lies beyond its limits (${round(period.lower)} to ${round(period.upper)}). Plan a further change to the process, or set a target it can reach.`,
                });
            }
        }
    },
};

export const linkNotSupported: RuleDefinition = {
    id: 'link-not-supported',
    challenge: 2,
    title: 'The data do not yet bear out a link',
    summary:
        "When the cause's measure shows a sustained improvement and the effect's measure shows none in the points that follow, the data question the link itself: the mechanism may not work here, or may take longer. This is what writing the theory down is for.",
    defaultSeverity: 'info',
    check({ model, reading, report }) {
        for (const link of model.links) {
            const [cause, effect] = [link.source.ref, link.target.ref];
            if (!cause || !effect) {
                continue;
            }
            const improved = model
                .measuresOf(cause)
                .map(measure => ({ measure, read: reading(measure) }))
                .filter(
                    (m): m is { measure: Measure; read: MeasureReading } => readable(m.read) && !!m.measure.direction,
                )
                .map(m => ({ ...m, signal: improvementFrom(m.read, m.read.baselineEnd ?? 0, true) }))
                .find(m => m.signal !== undefined);
            if (!improved) {
                continue;
            }
            const effects = model
                .measuresOf(effect)
                .filter(measure => measure.direction && measure.kind !== 'balancing')
                .map(measure => ({ measure, read: reading(measure) }))
                .filter((m): m is { measure: Measure; read: MeasureReading } => readable(m.read));
            const after = (read: MeasureReading) => pointIndexFrom(read, improved.signal!.date);
            const unmoved = effects.filter(
                m =>
                    m.read.series.length - after(m.read) >= m.read.minimumPoints &&
                    !improvementFrom(m.read, after(m.read)),
            );
            if (effects.length > 0 && unmoved.length === effects.length) {
                report({
                    node: link,
                    range: linkArrowRange(link),
                    message: `The data do not yet bear out link \`${linkLabel(link)}\`: \`${improved.measure.name}\` has improved since ${improved.signal!.date}, and ${unmoved.map(m => `\`${m.measure.name}\``).join(', ')} ${unmoved.length === 1 ? 'shows' : 'show'} no improvement in the points since. Check the mechanism, or how long it should take.`,
                });
            }
        }
    },
};

function round(value: number | undefined): string {
    return value === undefined ? '?' : String(Math.round(value * 100) / 100);
}

export const DATA_RULES = [
    dataUnreadable,
    dataStale,
    tooFewPoints,
    concernSignal,
    noImprovementSignal,
    targetNotCapable,
    linkNotSupported,
];
