/**
 * What a measure's data say: its series up to the check date, charted as the measure asks, with
 * the limits taken from the points before the work that should move it began.
 */
import * as ast from '../generated/ast.js';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import type { LongRun, RunChart, Series, SpcChart, Variation } from '../statistics/index.js';
import { indexOfDate, median, plottedAt, pChart, runChart, uChart, xmrChart } from '../statistics/index.js';
import { dateAt, DEFAULT_SPC_OPTIONS, firstPoints, plottedColumn, toSeries, valuesIn } from '../statistics/series.js';
import { dayOf } from '../utils/dates.js';
import type { DataFile, DataSeries } from './data-file.js';
import { rowsOf } from './data-file.js';
import type { ReadingBrief, ReadingSummary, VariationReading } from './reading-brief.js';
import { absoluteTarget } from '../analysis/describe.js';

export interface MeasureReading {
    readonly chart: ast.ChartKind;
    /** The measure's points dated on or before the check date, in date order. */
    readonly series: Series;
    /** When the work that should move the measure began: the earliest start of the activities that drive it. */
    readonly workStarts: string | undefined;
    /** Index of the first point on or after `workStarts`; the points before it are the baseline. */
    readonly baselineEnd: number | undefined;
    /** For a run chart. */
    readonly run?: RunChart;
    /** For an XmR, p or u chart. */
    readonly spc?: SpcChart;
    /** The fewest points this chart needs before its signals are read (too-few-points' threshold). */
    readonly minimumPoints: number;
}

/** A measure's reading in the model at hand, `undefined` when it has no data to read: how the diagrams and plans ask. */
export type ReadingOf = (measure: ast.Measure) => MeasureReading | undefined;

/** A p chart is read and drawn in percent, as teams state proportions and their targets (`reach 95`). */
const P_CHART_PERCENT = 100;

/**
 * Everything a measure's reading depends on besides its data, as plain values: two measures with
 * the same data and the same inputs have the same reading, whatever else in the model changed.
 */
export interface ReadingInputs {
    readonly chart: ast.ChartKind;
    readonly direction: ast.Measure['direction'];
    /** An absolute target ("reach 4.9"): the only kind that is a level to read against the limits. */
    readonly target: number | undefined;
    readonly workStarts: string | undefined;
    readonly recalculations: readonly string[];
    readonly asOf: string;
    readonly minimumPoints: number;
}

/** What the reading of a measure depends on in the model, as on `asOf`. */
export function readingInputsOf(
    measure: ast.Measure,
    model: ProgrammeModel,
    asOf: string,
    minimum: Readonly<Record<ast.ChartKind, number>> = MIN_POINTS,
): ReadingInputs {
    const chart = measure.chart ?? 'run';
    return {
        chart,
        direction: measure.direction,
        target: absoluteTarget(measure.target)?.value,
        workStarts: workStartOf(measure, model),
        recalculations: [...measure.recalculations],
        asOf,
        minimumPoints: minimum[chart],
    };
}

/** The reading of a measure's data as on `asOf`. */
export function readMeasure(
    measure: ast.Measure,
    data: DataFile,
    model: ProgrammeModel,
    asOf: string,
    minimum: Readonly<Record<ast.ChartKind, number>> = MIN_POINTS,
): MeasureReading {
    return readData(data, readingInputsOf(measure, model, asOf, minimum));
}

/**
 * The reading of a data file with the given inputs. The measure's own series is the rows with no
 * site; when every row names a site, the sites are combined date by date (counts and denominators
 * added, or values averaged when there are no denominators).
 */
export function readData(data: DataFile, inputs: ReadingInputs): MeasureReading {
    const { chart, direction, target, workStarts, minimumPoints } = inputs;
    const series = upTo(measureSeries(data.series), inputs.asOf);
    const baselineEnd = workStarts === undefined ? undefined : indexOfDate(series, workStarts);
    const recalculateAt = inputs.recalculations.map(date => indexOfDate(series, date));
    if (chart === 'run') {
        const baseline = valuesIn(plottedColumn(series), 0, baselineEnd ?? 0);
        const centre = baseline.length >= DEFAULT_SPC_OPTIONS.minBaselinePoints ? median(baseline) : undefined;
        return { chart, series, workStarts, baselineEnd, minimumPoints, run: runChart(series, { direction, centre }) };
    }
    const input = { direction, target, phases: { baselineEnd, recalculateAt } };
    const spc =
        chart === 'xmr'
            ? xmrChart(series, input)
            : chart === 'p'
              ? pChart(series, input, P_CHART_PERCENT)
              : uChart(series, input);
    return { chart, series, workStarts, baselineEnd, minimumPoints, spc };
}

/** The points of a series in date order dated on or before `asOf`. */
function upTo(series: Series, asOf: string): Series {
    let end = series.length;
    const last = dayOf(asOf);
    while (end > 0 && series.days[end - 1] > last) {
        end--;
    }
    return end === series.length ? series : firstPoints(series, end);
}

/** The measure's own series: the rows with no site, or the sites combined date by date. */
function measureSeries(series: DataSeries): Series {
    const sites = series.sites;
    if (sites === undefined) {
        return series;
    }
    const rows = rowsOf(series);
    const own = rows.filter(row => row.site === undefined);
    if (own.length > 0) {
        return toSeries(own);
    }
    const byDate = new Map<string, typeof rows>();
    rows.forEach(row => byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]));
    return toSeries(
        [...byDate.entries()].map(([date, group]) => {
            const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
            return group.every(row => row.denominator !== undefined)
                ? {
                      date,
                      value: sum(group.map(row => row.value)),
                      denominator: sum(group.map(row => row.denominator!)),
                  }
                : { date, value: sum(group.map(row => row.value)) / group.length };
        }),
    );
}

/**
 * The earliest start of the activities that drive what the measure tracks: the activity itself, the
 * activities upstream of an outcome, or for a risk or side effect, those it comes from (and what
 * drives them). The programme's start when none of them has a date.
 */
export function workStartOf(measure: ast.Measure, model: ProgrammeModel): string | undefined {
    const tracked = measure.measures.map(ref => ref.ref).filter(node => node !== undefined);
    const causes = tracked.flatMap(node =>
        ast.isRisk(node) ? node.causes.map(cause => cause.ref).filter(cause => cause !== undefined) : [node],
    );
    const starts = [...model.upstreamOf(causes)]
        .filter(ast.isActivity)
        .map(activity => activity.start)
        .filter((start): start is string => start !== undefined)
        .sort();
    return starts[0] ?? model.all(ast.isProgramme)[0]?.period?.start;
}

/** A signal in the data: where it starts, and whether it is sustained (a run, shift or trend) rather than one point. */
export interface Signal {
    readonly date: string;
    readonly sustained: boolean;
}

/**
 * The first signal of improvement on or after point `from`: a special cause in the better direction
 * on an XmR, p or u chart, or an unusually long run on the better side of a run chart's centre.
 * `sustainedOnly` asks for a shift, trend or long run, not a single point outside the limits.
 */
export function improvementFrom(reading: MeasureReading, from: number, sustainedOnly = false): Signal | undefined {
    if (reading.run) {
        const run = reading.run.longRuns.find(r => r.reading === 'improvement' && r.last >= from);
        return run && { date: dateAt(reading.series, Math.max(run.first, from)), sustained: true };
    }
    const spc = reading.spc;
    for (let index = from; spc && index < spc.length; index++) {
        if (spc.variationAt(index) === 'special cause improvement') {
            const causes = spc.causesAt(index);
            const sustained = causes.includes('shift') || causes.includes('trend');
            if (sustained || !sustainedOnly) {
                return { date: dateAt(reading.series, index), sustained };
            }
        }
    }
    return undefined;
}

/** Whether the latest point is a special cause in the worse direction (a run chart: it ends a long run on the worse side). */
export function concernNow(reading: MeasureReading): boolean {
    return reading.run
        ? runEndingNow(reading)?.reading === 'concern'
        : reading.spc?.variation === 'special cause concern';
}

/** On a run chart, the unusually long run the latest point ends, if it ends one. */
function runEndingNow(reading: MeasureReading): LongRun | undefined {
    return reading.run?.longRuns.find(run => run.last === reading.series.length - 1);
}

/** Index of the first point on or after a date. */
export function pointIndexFrom(reading: MeasureReading, date: string): number {
    return indexOfDate(reading.series, date);
}

/** The fewest points each kind of chart needs before its signals are read, unless configured (see too-few-points). */
export const MIN_POINTS: Readonly<Record<ast.ChartKind, number>> = { run: 10, xmr: 12, p: 12, u: 12 };

/** The too-few-points threshold that sets each kind of chart's fewest points. */
const MIN_POINTS_THRESHOLD: Readonly<Record<ast.ChartKind, 'runChartPoints' | 'controlChartPoints'>> = {
    run: 'runChartPoints',
    xmr: 'controlChartPoints',
    p: 'controlChartPoints',
    u: 'controlChartPoints',
};

/** Each kind of chart's fewest points under too-few-points' thresholds as configured. */
export function minimumPointsFrom(
    thresholds: Readonly<Record<string, number>> | undefined,
): Record<ast.ChartKind, number> {
    const minimum = { ...MIN_POINTS };
    for (const chart of Object.keys(minimum) as ast.ChartKind[]) {
        minimum[chart] = thresholds?.[MIN_POINTS_THRESHOLD[chart]] ?? MIN_POINTS[chart];
    }
    return minimum;
}

/** What a measure's chart plots for each point: on an SPC chart, the value it read against its limits. */
export function plottedValues(reading: MeasureReading): Array<number | undefined> {
    return Array.from({ length: reading.series.length }, (_, i) => plottedValueAt(reading, i));
}

/** What the measure's chart plots for point i. */
function plottedValueAt(reading: MeasureReading, index: number): number | undefined {
    return reading.spc ? reading.spc.valueAt(index) : plottedAt(reading.series, index);
}

export function summarise(reading: MeasureReading): ReadingSummary {
    const last = reading.series.length - 1;
    const value = last >= 0 ? plottedValueAt(reading, last) : undefined;
    const latest =
        value !== undefined
            ? { date: dateAt(reading.series, last), value: Math.round(value * 1000) / 1000 }
            : undefined;
    if (reading.series.length < reading.minimumPoints) {
        return { latest, signal: 'too few points' };
    }
    if (reading.spc) {
        const variation = reading.spc.variation ?? 'common cause';
        return {
            latest,
            signal: variation,
            variation: SPC_VARIATION[variation],
            ...(reading.spc.assurance ? { assurance: reading.spc.assurance } : {}),
        };
    }
    const run = reading.run!;
    const ending = runEndingNow(reading);
    if (ending?.reading) {
        return { latest, signal: `long run of ${ending.reading}`, variation: ending.reading };
    }
    return run.signal
        ? { latest, signal: 'non-random variation', variation: 'neither' }
        : { latest, signal: 'random variation', variation: 'common cause' };
}

export function briefOf(reading: MeasureReading): ReadingBrief {
    return { ...summarise(reading), chart: reading.chart, points: reading.series.length };
}

const SPC_VARIATION: Readonly<Record<Variation, VariationReading>> = {
    'common cause': 'common cause',
    'special cause improvement': 'improvement',
    'special cause concern': 'concern',
    'special cause neither': 'neither',
};
