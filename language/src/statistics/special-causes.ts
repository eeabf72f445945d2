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
    SpcInput,
    SpcChart,
    SpcOptions,
    SpcPeriod,
    SpcPoint,
    SpecialCause,
    Variation,
} from './series.js';
import { dateOfDay } from '../utils/dates.js';

/**
 * Each point's centre line, limits and one sigma, as columns; NaN where a point has none (a point
 * with no value, or a period with no centre line).
 */
export class Limits {
    readonly centre: Float64Array;
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly sigma: Float64Array;

    constructor(length: number) {
        this.centre = new Float64Array(length).fill(Number.NaN);
        this.lower = new Float64Array(length).fill(Number.NaN);
        this.upper = new Float64Array(length).fill(Number.NaN);
        this.sigma = new Float64Array(length).fill(Number.NaN);
    }

    /** Gives the points [start, end) that have a value the same limits. */
    setRange(
        values: Float64Array,
        start: number,
        end: number,
        centre: number | undefined,
        lower: number | undefined,
        upper: number | undefined,
        sigma: number | undefined,
    ): void {
        if (centre === undefined) {
            return;
        }
        this.centre.fill(centre, start, end);
        this.lower.fill(lower ?? Number.NaN, start, end);
        this.upper.fill(upper ?? Number.NaN, start, end);
        this.sigma.fill(sigma ?? Number.NaN, start, end);
        // A point with no value has no limits.
        for (let i = start; i < end; i++) {
            if (Number.isNaN(values[i])) {
                this.centre[i] = Number.NaN;
                this.lower[i] = Number.NaN;
                this.upper[i] = Number.NaN;
                this.sigma[i] = Number.NaN;
            }
        }
    }
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
export function periodRanges(values: Float64Array, phases: Phases, minBaselinePoints: number): PeriodRange[] {
    const length = values.length;
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
        const baselineSize = cut === undefined ? 0 : countValues(values, start, cut);
        const frozen = cut !== undefined && cut > start && cut < end && baselineSize >= minBaselinePoints;
        return { start, end, baselineEnd: frozen ? cut : end };
    });
}

/** How many of the points [from, to) have a value. */
function countValues(values: Float64Array, from: number, to: number): number {
    let count = 0;
    for (let i = from; i < Math.min(to, values.length); i++) {
        count += Number.isNaN(values[i]) ? 0 : 1;
    }
    return count;
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

/**
 * The chart from each point's plotted value (NaN where it has none) and its period's limits
 * (`limitsIn`, asked to set them for the points of the period that have a value): the special
 * causes within each period, their readings, and the readings of the latest point. Every chart here
 * ends with this.
 */
export function assembleChart<P extends SpcPeriod>(
    days: Int32Array,
    values: Float64Array,
    periods: readonly P[],
    limitsIn: (period: P, limits: Limits) => void,
    options: SpcOptions,
    { direction, target }: SpcInput,
): SpcChart<P> {
    const limits = new Limits(values.length);
    const periodOf = new Uint32Array(values.length);
    const flags = new CauseFlags(values.length);
    // The periods cover the points in order, from the first to the last.
    for (let index = 0; index < periods.length; index++) {
        const period = periods[index];
        periodOf.fill(index, period.start, period.end);
        limitsIn(period, limits);
        flagPeriod(period.start, period.end, values, limits, options, flags);
    }
    return new ColumnChart(days, values, periodOf, limits, flags, periods, direction, target);
}

/** An SPC chart kept as columns; its points are made only when asked for. */
class ColumnChart<P extends SpcPeriod> implements SpcChart<P> {
    readonly length: number;
    readonly variation: Variation | undefined;
    readonly assurance: Assurance | undefined;
    private made: readonly SpcPoint[] | undefined;

    constructor(
        private readonly days: Int32Array,
        private readonly values: Float64Array,
        private readonly periodOf: Uint32Array,
        private readonly limits: Limits,
        private readonly flags: CauseFlags,
        readonly periods: readonly P[],
        private readonly direction: Direction,
        target: number | undefined,
    ) {
        this.length = values.length;
        let latest = values.length - 1;
        while (latest >= 0 && Number.isNaN(values[latest])) {
            latest--;
        }
        this.variation = latest < 0 ? undefined : this.variationAt(latest);
        const { lower, upper } = limits;
        let latestLimits = values.length - 1;
        while (latestLimits >= 0 && (Number.isNaN(lower[latestLimits]) || Number.isNaN(upper[latestLimits]))) {
            latestLimits--;
        }
        this.assurance =
            target === undefined || direction === undefined || latestLimits < 0
                ? undefined
                : assuranceOf(target, lower[latestLimits], upper[latestLimits], direction);
    }

    get points(): readonly SpcPoint[] {
        this.made ??= Array.from({ length: this.length }, (_, i) => this.pointAt(i));
        return this.made;
    }

    valueAt(index: number): number | undefined {
        return numberOrUndefined(this.values[index]);
    }

    causesAt(index: number): readonly SpecialCause[] {
        return this.flags.causesOf(index);
    }

    variationAt(index: number): Variation {
        return variationOf(this.sideAt(index), this.direction);
    }

    private sideAt(index: number): Side | undefined {
        return this.flags.sideOf(index);
    }

    pointAt(i: number): SpcPoint {
        const { centre, lower, upper, sigma } = this.limits;
        return {
            date: dateOfDay(this.days[i]),
            value: this.valueAt(i),
            period: this.periodOf[i],
            centre: numberOrUndefined(centre[i]),
            lower: numberOrUndefined(lower[i]),
            upper: numberOrUndefined(upper[i]),
            sigma: numberOrUndefined(sigma[i]),
            causes: this.causesAt(i),
            side: this.sideAt(i),
            variation: this.variationAt(i),
        };
    }
}

function numberOrUndefined(value: number): number | undefined {
    return Number.isNaN(value) ? undefined : value;
}

/** Each rule's place in `PRIORITY`, by which the flags are kept. */
const OUTSIDE_LIMITS = 0;
const TREND = 1;
const TWO_OF_THREE = 2;
const SHIFT = 3;

/**
 * Which rules flag each point, and on which side: per rule (in `PRIORITY` order), one entry per
 * point, 0 when the rule does not flag it, +1 high, -1 low. A rule that flags a point again sets
 * its side again. Typed arrays rather than a map per flagged point: a chart of 1,000 points is read
 * on every check.
 */
class CauseFlags {
    readonly sides: readonly Int8Array[];
    /** Whether any rule flags the point: most points are flagged by none. */
    readonly flagged: Uint8Array;

    constructor(length: number) {
        this.flagged = new Uint8Array(length);
        this.sides = PRIORITY.map(() => new Int8Array(length));
    }

    /**
     * Flags the points from `from` to `to` that the rules read (those with a centre line) by rule
     * `cause`, on the side of `sign`.
     */
    mark(from: number, to: number, cause: number, sign: number, centre: Float64Array): void {
        const sides = this.sides[cause];
        const side = sign > 0 ? 1 : -1;
        for (let i = from; i <= to; i++) {
            if (!Number.isNaN(centre[i])) {
                sides[i] = side;
                this.flagged[i] = 1;
            }
        }
    }

    /** The rules that flag the point, the one that sets its side first. */
    causesOf(index: number): readonly SpecialCause[] {
        if (this.flagged[index] === 0) {
            return NONE;
        }
        return PRIORITY.filter((_, cause) => this.sides[cause][index] !== 0);
    }

    /** The side the first rule in priority order gives the point; `undefined` when none flags it. */
    sideOf(index: number): Side | undefined {
        if (this.flagged[index] === 0) {
            return undefined;
        }
        for (const sides of this.sides) {
            if (sides[index] !== 0) {
                return sides[index] > 0 ? 'high' : 'low';
            }
        }
        return undefined;
    }
}

/**
 * Flags the special causes among the points [start, end) of one period that the rules read: those
 * with a value and a centre line (a point with no value has no centre line), taken in order as if
 * the others were not there.
 *
 * One pass does every rule, keeping each rule's current stretch: a shift (points on one side of the
 * centre line, as `ptd_seven_point_one_side_mean`; a point on the line is in none), a trend (points
 * each strictly beyond the one before, as `ptd_seven_point_trend`; a tie breaks it), and the last
 * three points for two of three. A stretch is flagged when it ends. A point that ends one trend and
 * starts the next takes the later one's side, as in the package. The rules run over every point of
 * every chart on each check, mostly in a process that has just started: one loop with no array
 * per rule costs the least before the engine has optimised anything.
 */
function flagPeriod(
    start: number,
    end: number,
    values: Float64Array,
    { centre, lower, upper, sigma }: Limits,
    { shiftLength, trendLength, twoOfThree }: SpcOptions,
    flags: CauseFlags,
): void {
    let shiftFrom = -1;
    let shiftSide = 0;
    let shiftCount = 0;
    let riseFrom = -1;
    let riseCount = 0;
    let fallFrom = -1;
    let fallCount = 0;
    // The last two points read, for trends and two of three.
    let last = -1;
    let lastValue = Number.NaN;
    let lastSide = 0;
    let lastClose = 0;
    let before = -1;
    let beforeSide = 0;
    let beforeClose = 0;
    for (let i = start; i < end; i++) {
        const mean = centre[i];
        if (Number.isNaN(mean)) {
            continue;
        }
        const value = values[i];
        const side = value > mean ? 1 : value < mean ? -1 : 0;
        // Beyond two sigma but within the limits: a point outside them (a comparison with a missing
        // limit is false) is flagged by that rule and does not count towards two of three.
        let close = 0;
        if (value > upper[i] || value < lower[i]) {
            flags.mark(i, i, OUTSIDE_LIMITS, value > upper[i] ? 1 : -1, centre);
        } else if (Math.abs(value - mean) > 2 * sigma[i]) {
            close = 1;
        }
        if (side !== shiftSide) {
            if (shiftSide !== 0 && shiftCount >= shiftLength) {
                flags.mark(shiftFrom, last, SHIFT, shiftSide, centre);
            }
            shiftFrom = i;
            shiftSide = side;
            shiftCount = 0;
        }
        shiftCount++;
        if (!(value > lastValue)) {
            if (riseCount >= trendLength) {
                flags.mark(riseFrom, last, TREND, 1, centre);
            }
            riseFrom = i;
            riseCount = 0;
        }
        riseCount++;
        if (!(value < lastValue)) {
            if (fallCount >= trendLength) {
                flags.mark(fallFrom, last, TREND, -1, centre);
            }
            fallFrom = i;
            fallCount = 0;
        }
        fallCount++;
        if (
            twoOfThree &&
            before !== -1 &&
            side !== 0 &&
            beforeSide === side &&
            lastSide === side &&
            beforeClose + lastClose + close >= 2
        ) {
            for (const [point, near] of [
                [before, beforeClose],
                [last, lastClose],
                [i, close],
            ]) {
                if (near) {
                    flags.mark(point, point, TWO_OF_THREE, side, centre);
                }
            }
        }
        before = last;
        beforeSide = lastSide;
        beforeClose = lastClose;
        last = i;
        lastValue = value;
        lastSide = side;
        lastClose = close;
    }
    if (shiftSide !== 0 && shiftCount >= shiftLength) {
        flags.mark(shiftFrom, last, SHIFT, shiftSide, centre);
    }
    if (riseCount >= trendLength) {
        flags.mark(riseFrom, last, TREND, 1, centre);
    }
    if (fallCount >= trendLength) {
        flags.mark(fallFrom, last, TREND, -1, centre);
    }
}
