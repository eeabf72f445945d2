/**
 * The shapes the statistics core reads and returns. Plain data, no I/O: the same functions run in
 * the language server, the CLI and a browser.
 */
import { dateOfDay, dayOf } from '../utils/dates.js';

/** One observation of a measure, in date order with the others of its series. */
export interface Point {
    /** ISO date, YYYY-MM-DD. */
    readonly date: string;
    /** The value measured; with a denominator, the count (numerator). */
    readonly value: number;
    /** What the count is out of: a sample size (p chart) or an exposure such as patient days (u chart). */
    readonly denominator?: number;
}

/**
 * A series as columns: point i is on day `days[i]` (days since 1970-01-01; `dateAt` gives it as
 * an ISO date), with `values[i]` and, when it has one, `denominators[i]` (NaN where a point has
 * none). Data files are read into columns so that a check of many long series makes no object or
 * string per point.
 */
export interface Series {
    readonly length: number;
    readonly days: Int32Array;
    readonly values: ArrayLike<number>;
    /** Absent when no point has a denominator. */
    readonly denominators?: ArrayLike<number>;
}

/** A series given as columns, or as one object per point (as tests and small callers write it). */
export type SeriesInput = Series | readonly Point[];

/** The series as columns; points are copied into columns, columns are used as they are. */
export function toSeries(input: SeriesInput): Series {
    if (!Array.isArray(input)) {
        return input as Series;
    }
    const points = input as readonly Point[];
    const values = new Float64Array(points.length);
    let denominators: Float64Array | undefined;
    points.forEach((point, i) => {
        values[i] = point.value;
        if (point.denominator !== undefined) {
            denominators ??= new Float64Array(points.length).fill(Number.NaN);
            denominators[i] = point.denominator;
        }
    });
    const days = Int32Array.from(points, point => dayOf(point.date));
    return { length: points.length, days, values, denominators };
}

/** The ISO date of point i. */
export function dateAt(series: Pick<Series, 'days'>, index: number): string {
    return dateOfDay(series.days[index]);
}

/** The series one object per point, as `toSeries` takes it. */
export function pointsOf(series: Series): Point[] {
    return Array.from({ length: series.length }, (_, i) => {
        const date = dateAt(series, i);
        const denominator = series.denominators?.[i];
        return denominator === undefined || Number.isNaN(denominator)
            ? { date, value: series.values[i] }
            : { date, value: series.values[i], denominator };
    });
}

/** The first `count` points of a series. */
export function firstPoints(series: Series, count: number): Series {
    const head = (column: ArrayLike<number>) => Float64Array.from({ length: count }, (_, i) => column[i]);
    return {
        length: count,
        days: series.days.slice(0, count),
        values: head(series.values),
        denominators: series.denominators && head(series.denominators),
    };
}

/** Which way is better for a measure; `undefined` when neither is. */
export type Direction = 'increase' | 'decrease' | undefined;

/**
 * Thresholds of the Anhøj run chart rules (Anhøj & Olesen 2014, PLoS ONE 9(11):e113825; Anhøj 2015,
 * PLoS ONE 10(3):e0121349), as `runs.analysis` in qicharts2 (R/helper.functions.R) applies them.
 */
export interface RunChartOptions {
    /**
     * A run longer than round(log2(n) + this) is unusually long, n being the useful observations.
     * Default 3: the approximate upper 95% prediction limit of the longest run (Schilling 2012).
     */
    readonly longestRunOffset: number;
    /**
     * Fewer crossings than the smallest c with P(X ≤ c) ≥ this, X ~ Binomial(n − 1, 0.5), are
     * unusually few. Default 0.05: the lower 5% prediction limit (Chen 2010).
     */
    readonly crossingsProbability: number;
}

export const DEFAULT_RUN_CHART_OPTIONS: RunChartOptions = Object.freeze({
    longestRunOffset: 3,
    crossingsProbability: 0.05,
});

/**
 * Thresholds of the SPC special-cause rules. The defaults are those of NHS England's "Making Data
 * Count" as the NHS-R Community implements them in NHSRplotthedots (R/ptd_calculate_point_type.R:
 * `ptd_seven_point_one_side_mean`, `ptd_seven_point_trend`, `ptd_two_in_three`;
 * R/ptd_spc_standard.R: 2.66, 3.267, `screen_outliers`; R/ptd_spc_options.R: `fix_after_n_points >= 12`).
 */
export interface SpcOptions {
    /** This many points in a row on one side of the centre line are a shift. Default 7. */
    readonly shiftLength: number;
    /** This many points in a row each higher (or each lower) than the one before are a trend. Default 7. */
    readonly trendLength: number;
    /** Whether two of three points in a row beyond two sigma, all three on one side, are a special cause. Default true. */
    readonly twoOfThree: boolean;
    /** A baseline needs this many points to give limits on its own; with fewer, the whole period gives them. Default 12. */
    readonly minBaselinePoints: number;
    /**
     * XmR only: leave out of the mean moving range the moving ranges at or above 3.267 times it (the
     * moving-range chart's upper limit), then average again (Nelson 1982). Default true, as in
     * NHSRplotthedots and qicharts2; the Making Data Count Excel tools do not screen (false).
     */
    readonly screenMovingRanges: boolean;
}

export const DEFAULT_SPC_OPTIONS: SpcOptions = Object.freeze({
    shiftLength: 7,
    trendLength: 7,
    twoOfThree: true,
    minBaselinePoints: 12,
    screenMovingRanges: true,
});

/**
 * How a series is cut for its limits. Periods start at 0 and at each index of `recalculateAt`; each
 * period's limits come from its own points only, and no rule looks across a period's edge.
 */
export interface Phases {
    /**
     * Index of the first point after the baseline. In the period holding it, limits come from the
     * points before it, frozen and extended over the later ones, when there are at least
     * `minBaselinePoints` of them; with fewer, from all the period's points.
     */
    readonly baselineEnd?: number;
    /** Indices of the points that start a new period ("recalculate at"). */
    readonly recalculateAt?: readonly number[];
}

/** What an SPC chart is drawn with besides its points. */
export interface SpcInput {
    readonly direction?: Direction;
    /** A target to read the assurance against. */
    readonly target?: number;
    readonly phases?: Phases;
    readonly options?: Partial<SpcOptions>;
}

/** A rule that flagged a point as special cause. */
export type SpecialCause = 'outside limits' | 'shift' | 'trend' | 'two of three';

/** The NHS variation reading of a point (Making Data Count's variation icons). */
export type Variation =
    'common cause' | 'special cause improvement' | 'special cause concern' | 'special cause neither';

/** The NHS assurance reading of a target against the limits (Making Data Count's assurance icons). */
export type Assurance = 'will consistently pass' | 'hit and miss' | 'will consistently fail';

/** One point of an SPC chart. */
export interface SpcPoint {
    readonly date: string;
    /**
     * What the chart plots: the value, or the count over its denominator. `undefined` when it cannot
     * be had (a denominator of zero, a value that is not a number): such a point has no limits and is
     * flagged by no rule, and the rules read the points either side of it as neighbours.
     */
    readonly value: number | undefined;
    /** Index of the period the point belongs to. */
    readonly period: number;
    readonly centre: number | undefined;
    readonly lower: number | undefined;
    readonly upper: number | undefined;
    /** One sigma at this point, for the two-of-three rule. */
    readonly sigma: number | undefined;
    /** Every rule that flags the point, the one that sets `side` first. */
    readonly causes: readonly SpecialCause[];
    /** Which way the special cause lies: above the centre line or rising (`high`), below or falling (`low`). */
    readonly side: 'high' | 'low' | undefined;
    readonly variation: Variation;
}

/** One period of an SPC chart: points [start, end), limits from [start, baselineEnd). */
export interface SpcPeriod {
    readonly start: number;
    readonly end: number;
    readonly baselineEnd: number;
    readonly centre: number | undefined;
}

export interface SpcChart<P extends SpcPeriod = SpcPeriod> {
    /** How many points the chart has. */
    readonly length: number;
    /** Every point, made when first asked for: the rules read single points with the methods below. */
    readonly points: readonly SpcPoint[];
    /** What the chart plots for point i; `undefined` where it has no value. */
    valueAt(index: number): number | undefined;
    variationAt(index: number): Variation;
    /** Every rule that flags point i, the one that sets its side first. */
    causesAt(index: number): readonly SpecialCause[];
    /** Point i, made when asked for. */
    pointAt(index: number): SpcPoint;
    readonly periods: readonly P[];
    /** The variation of the latest point with a value: what the NHS variation icon shows. */
    readonly variation: Variation | undefined;
    /** The assurance against the target, with the latest limits; `undefined` without a target, a direction or limits. */
    readonly assurance: Assurance | undefined;
}

/**
 * What a chart plots for a value and its denominator (NaN for none): the value, or the count over
 * its denominator; NaN when neither is a number.
 */
function plotted(value: number, denominator: number): number {
    if (!Number.isFinite(value)) {
        return Number.NaN;
    }
    if (Number.isNaN(denominator)) {
        return value;
    }
    return Number.isFinite(denominator) && denominator > 0 ? value / denominator : Number.NaN;
}

/** What a chart plots for point i; `undefined` when it plots nothing. */
export function plottedAt(series: Series, index: number): number | undefined {
    const value = plotted(series.values[index], series.denominators?.[index] ?? Number.NaN);
    return Number.isNaN(value) ? undefined : value;
}

/** What a chart plots for each point, NaN where it plots nothing. */
export function plottedColumn(series: Series): Float64Array {
    const { values, denominators } = series;
    const column = new Float64Array(series.length);
    for (let i = 0; i < series.length; i++) {
        column[i] = plotted(values[i], denominators === undefined ? Number.NaN : denominators[i]);
    }
    return column;
}

/** The values [start, end) of a column that are not NaN, in order. */
export function valuesIn(values: Float64Array, start: number, end: number): Float64Array {
    const last = Math.min(end, values.length);
    const found = new Float64Array(Math.max(last - start, 0));
    let count = 0;
    for (let i = start; i < last; i++) {
        const value = values[i];
        if (!Number.isNaN(value)) {
            found[count++] = value;
        }
    }
    return found.subarray(0, count);
}

/** Index of the first point on or after `date`: where a "recalculate at" date starts its period. */
export function indexOfDate(series: Pick<Series, 'days'>, date: string): number {
    // The points are in date order: a binary search, by day, or as text for a date not in the
    // calendar (which the validator reports), as ISO dates sort the same either way.
    const { days } = series;
    const day = dayOf(date);
    const before = Number.isNaN(day) ? (i: number) => dateAt(series, i) < date : (i: number) => days[i] < day;
    let low = 0;
    let high = days.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(middle)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
