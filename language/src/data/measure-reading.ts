/**
 * What a measure's data say: its series up to the check date, charted as the measure asks, with
 * the limits taken from the points before the work that should move it began.
 */
import * as ast from '../generated/ast.js';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import type { Point, RunChart, SpcChart } from '../statistics/index.js';
import { indexOfDate, median, plottedValue, pChart, runChart, uChart, xmrChart } from '../statistics/index.js';
import { DEFAULT_SPC_OPTIONS } from '../statistics/series.js';
import type { DataFile, DataRow } from './data-file.js';

export interface MeasureReading {
    readonly chart: ast.ChartKind;
    /** The measure's points dated on or before the check date, in date order. */
    readonly points: readonly Point[];
    /** When the work that should move the measure began: the earliest start of the activities that drive it. */
    readonly workStarts: string | undefined;
    /** Index of the first point on or after `workStarts`; the points before it are the baseline. */
    readonly baselineEnd: number | undefined;
    /** For a run chart. */
    readonly run?: RunChart;
    /** For an XmR, p or u chart. */
    readonly spc?: SpcChart;
}

/**
 * The reading of a measure's data as on `asOf`. The measure's own series is the rows with no site;
 * when every row names a site, the sites are combined date by date (counts and denominators added,
 * or values averaged when there are no denominators).
 */
export function readMeasure(measure: ast.Measure, data: DataFile, model: ProgrammeModel, asOf: string): MeasureReading {
    const chart = measure.chart ?? 'run';
    const points = seriesOf(data.rows).filter(point => point.date <= asOf);
    const workStarts = workStartOf(measure, model);
    const baselineEnd = workStarts === undefined ? undefined : indexOfDate(points, workStarts);
    const recalculateAt = measure.recalculations.map(date => indexOfDate(points, date));
    const direction = measure.direction;
    const target = measure.target?.value?.value;
    if (chart === 'run') {
        const baseline = points
            .slice(0, baselineEnd ?? 0)
            .map(plottedValue)
            .filter(isNumber);
        const centre = baseline.length >= DEFAULT_SPC_OPTIONS.minBaselinePoints ? median(baseline) : undefined;
        return { chart, points, workStarts, baselineEnd, run: runChart(points, { direction, centre }) };
    }
    const input = { direction, target, phases: { baselineEnd, recalculateAt } };
    const spc =
        chart === 'xmr' ? xmrChart(points, input) : chart === 'p' ? pChart(points, input) : uChart(points, input);
    return { chart, points, workStarts, baselineEnd, spc };
}

function seriesOf(rows: readonly DataRow[]): Point[] {
    const own = rows.filter(row => row.site === undefined);
    if (own.length > 0 || rows.length === 0) {
        return own.map(({ date, value, denominator }) =>
            denominator === undefined ? { date, value } : { date, value, denominator },
        );
    }
    const byDate = new Map<string, DataRow[]>();
    rows.forEach(row => byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]));
    return [...byDate.entries()].map(([date, group]) => {
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        return group.every(row => row.denominator !== undefined)
            ? { date, value: sum(group.map(row => row.value)), denominator: sum(group.map(row => row.denominator!)) }
            : { date, value: sum(group.map(row => row.value)) / group.length };
    });
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

function isNumber(value: number | undefined): value is number {
    return value !== undefined;
}
