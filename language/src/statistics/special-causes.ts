/**
 * What every SPC chart here shares once it has its limits: the periods the limits come from, the
 * special-cause rules, and the NHS variation and assurance readings. The rules follow NHSRplotthedots
 * (R/ptd_calculate_point_type.R), the NHS-R Community's implementation of NHS England's "Making
 * Data Count", with each rule's length an option.
 */
import type {
    Assurance,
    Direction,
    Phases,
    Point,
    SpcInput,
    SpcChart,
    SpcOptions,
    SpcPeriod,
    SpcPoint,
    SpecialCause,
    Variation,
} from './series.js';

/** A point's centre line and limits; all `undefined` where the chart has none. */
export interface PointLimits {
    readonly centre: number | undefined;
    readonly lower: number | undefined;
    readonly upper: number | undefined;
    readonly sigma: number | undefined;
}

export interface PeriodRange {
    readonly start: number;
    readonly end: number;
    /** Limits come from the points [start, baselineEnd). */
    readonly baselineEnd: number;
}

type Side = 'high' | 'low';

/** The rule that gives a point its side when several flag it: NHSRplotthedots' `ptd_special_cause_type` order. */
const PRIORITY: readonly SpecialCause[] = ['outside limits', 'trend', 'two of three', 'shift'];
const NONE: readonly SpecialCause[] = [];

/**
 * The periods of a series of `usable.length` points. A baseline shorter than `minBaselinePoints`
 * usable points is too short to freeze limits on, so its period takes its limits from all its points.
 */
export function periodRanges(usable: readonly boolean[], phases: Phases, minBaselinePoints: number): PeriodRange[] {
    const length = usable.length;
    const { baselineEnd: cut, recalculateAt = [] } = phases;
    for (const index of [...recalculateAt, ...(cut === undefined ? [] : [cut])]) {
        if (!Number.isInteger(index)) {
            throw new RangeError(`a period boundary must be a point's index, not ${index}`);
        }
    }
    const starts = [...new Set([0, ...recalculateAt])]
        .filter(start => start >= 0 && start < length)
        .sort((a, b) => a - b);
    return starts.map((start, i) => {
        const end = starts[i + 1] ?? length;
        const baselineSize = cut === undefined ? 0 : usable.slice(start, cut).filter(Boolean).length;
        const frozen = cut !== undefined && cut > start && cut < end && baselineSize >= minBaselinePoints;
        return { start, end, baselineEnd: frozen ? cut : end };
    });
}

/** The NHS variation reading of a special cause on `side` of a measure whose better direction is `direction`. */
export function variationOf(side: Side | undefined, direction: Direction): Variation {
    if (side === undefined) {
        return 'common cause';
    }
    if (direction === undefined) {
        return 'special cause neither';
    }
    return (side === 'high') === (direction === 'increase') ? 'special cause improvement' : 'special cause concern';
}

/**
 * The NHS assurance reading of a target (NHSRplotthedots' `ptd_calculate_assurance_type`): a target
 * beyond the limits on the better side will consistently fail, one beyond them on the worse side
 * will consistently pass, and one within them (limits included) is hit and miss.
 */
export function assuranceOf(
    target: number,
    lower: number,
    upper: number,
    direction: 'increase' | 'decrease',
): Assurance {
    if (target > upper) {
        return direction === 'increase' ? 'will consistently fail' : 'will consistently pass';
    }
    if (target < lower) {
        return direction === 'increase' ? 'will consistently pass' : 'will consistently fail';
    }
    return 'hit and miss';
}

/** The limits of a point that has no value, or of a period that has no centre line. */
export const NO_LIMITS: PointLimits = Object.freeze({
    centre: undefined,
    lower: undefined,
    upper: undefined,
    sigma: undefined,
});

/**
 * The chart from each point's plotted value and its period's limits (`limitsIn`, asked for each
 * point that has a value): the special causes within each period, their readings, and the
 * readings of the latest point. Every chart here ends with this.
 */
export function assembleChart<P extends SpcPeriod>(
    points: readonly Point[],
    values: readonly (number | undefined)[],
    periods: readonly P[],
    limitsIn: (period: P, index: number) => PointLimits,
    options: SpcOptions,
    { direction, target }: SpcInput,
): SpcChart<P> {
    // The periods cover the points in order, from the first to the last.
    const limits: PointLimits[] = [];
    for (const period of periods) {
        for (let i = period.start; i < period.end; i++) {
            limits[i] = values[i] === undefined ? NO_LIMITS : limitsIn(period, i);
        }
    }
    // Most points are flagged by no rule: a map only for those that are.
    const causes: Array<Map<SpecialCause, Side> | undefined> = new Array(values.length);
    periods.forEach(period => {
        const indices: number[] = [];
        for (let i = period.start; i < period.end; i++) {
            if (values[i] !== undefined && limits[i].centre !== undefined) {
                indices.push(i);
            }
        }
        // `indices` holds only points with a value, so the rules read `values` as numbers.
        flagPeriod(indices, values as readonly number[], limits, options, causes);
    });

    let periodIndex = 0;
    const charted = points.map(({ date }, i): SpcPoint => {
        while (i >= periods[periodIndex].end) {
            periodIndex++;
        }
        const found = causes[i];
        const ordered = found ? PRIORITY.filter(cause => found.has(cause)) : NONE;
        const side = found && ordered.length > 0 ? found.get(ordered[0]) : undefined;
        return {
            date,
            value: values[i],
            period: periodIndex,
            ...limits[i],
            causes: ordered,
            side,
            variation: variationOf(side, direction),
        };
    });

    const latest = lastOf(charted, point => point.value !== undefined);
    const latestLimits = lastOf(charted, point => point.lower !== undefined && point.upper !== undefined);
    return {
        points: charted,
        periods,
        variation: latest?.variation,
        assurance:
            target === undefined || direction === undefined || latestLimits === undefined
                ? undefined
                : assuranceOf(target, latestLimits.lower!, latestLimits.upper!, direction),
    };
}

/** Flags the special causes among `indices`, the points of one period that have a value and a centre line. */
function flagPeriod(
    indices: readonly number[],
    values: readonly number[],
    limits: readonly PointLimits[],
    options: SpcOptions,
    causes: Array<Map<SpecialCause, Side> | undefined>,
): void {
    const value = (k: number) => values[indices[k]];
    const at = (k: number) => limits[indices[k]];
    const sides = indices.map((_, k) => Math.sign(value(k) - at(k).centre!));
    const sideOf = (sign: number): Side => (sign > 0 ? 'high' : 'low');
    const mark = (from: number, to: number, cause: SpecialCause, side: Side) => {
        for (let k = from; k <= to; k++) {
            (causes[indices[k]] ??= new Map()).set(cause, side);
        }
    };

    const outside = indices.map((_, k) => {
        const { lower, upper } = at(k);
        const above = upper !== undefined && value(k) > upper;
        const below = lower !== undefined && value(k) < lower;
        if (above || below) {
            mark(k, k, 'outside limits', above ? 'high' : 'low');
        }
        return above || below;
    });

    // A point on the centre line breaks a shift, as in `ptd_seven_point_one_side_mean`.
    for (const [from, to] of stretches(indices.length, k => sides[k] !== 0 && sides[k] === sides[k + 1])) {
        if (sides[from] !== 0 && to - from + 1 >= options.shiftLength) {
            mark(from, to, 'shift', sideOf(sides[from]));
        }
    }

    // Each point strictly beyond the one before, as in `ptd_seven_point_trend`: a tie breaks a trend.
    // A point ending one trend and starting the next takes the later one's side, as the package does.
    const trends = [
        ...stretches(indices.length, k => value(k + 1) > value(k)).map(s => [...s, 1] as const),
        ...stretches(indices.length, k => value(k + 1) < value(k)).map(s => [...s, -1] as const),
    ]
        .filter(([from, to]) => to - from + 1 >= options.trendLength)
        .sort((a, b) => a[0] - b[0]);
    for (const [from, to, sign] of trends) {
        mark(from, to, 'trend', sideOf(sign));
    }

    if (options.twoOfThree) {
        // Beyond two sigma but within the limits, as `close_to_limits` in `ptd_spc_standard`: a point
        // outside the limits is flagged by that rule and does not count towards this one.
        const close = indices.map((_, k) => {
            const { centre, sigma } = at(k);
            return sigma !== undefined && !outside[k] && Math.abs(value(k) - centre!) > 2 * sigma;
        });
        for (let k = 0; k + 2 < indices.length; k++) {
            const window = [k, k + 1, k + 2];
            const oneSide = sides[k] !== 0 && window.every(j => sides[j] === sides[k]);
            if (oneSide && window.filter(j => close[j]).length >= 2) {
                window.filter(j => close[j]).forEach(j => mark(j, j, 'two of three', sideOf(sides[k])));
            }
        }
    }
}

/** The maximal stretches [from, to] of positions 0..length-1 in which each position joins the next. */
function stretches(length: number, joins: (k: number) => boolean): [number, number][] {
    const result: [number, number][] = [];
    let from = 0;
    for (let k = 0; k < length; k++) {
        if (k === length - 1 || !joins(k)) {
            result.push([from, k]);
            from = k + 1;
        }
    }
    return result;
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
    for (let i = items.length - 1; i >= 0; i--) {
        if (test(items[i])) {
            return items[i];
        }
    }
    return undefined;
}
