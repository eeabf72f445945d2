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
import { align, requireKernels, scratch } from '../wasm/kernels.js';

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

/**
 * The rule that gives a point its side when several flag it: NHSRplotthedots' `ptd_special_cause_type`
 * order. The flagging kernel keeps its flags per rule in this order.
 */
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
    // The periods cover the points in order, from the first to the last.
    for (let index = 0; index < periods.length; index++) {
        const period = periods[index];
        periodOf.fill(index, period.start, period.end);
        limitsIn(period, limits);
    }
    const flags = flagSpecialCauses(values, limits, periods, options);
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

/**
 * Which rules flag each point, and on which side: per rule (in `PRIORITY` order), one entry per
 * point, 0 when the rule does not flag it, +1 high, -1 low. A rule that flags a point again sets
 * its side again. Typed arrays rather than a map per flagged point: a chart of 1,000 points is read
 * on every check.
 */
class CauseFlags {
    /** `sides` per rule; `flagged`, whether any rule flags the point (most points are flagged by none). */
    constructor(
        readonly sides: readonly Int8Array[],
        readonly flagged: Uint8Array,
    ) {}

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
 * Flags the special causes within each period, by the WebAssembly kernel `flagPeriod`
 * (language/assembly/special-causes.ts), which states the rules: the limits go in as columns and
 * the flags come out as columns.
 */
function flagSpecialCauses(
    values: Float64Array,
    limits: Limits,
    periods: readonly PeriodRange[],
    { shiftLength, trendLength, twoOfThree }: SpcOptions,
): CauseFlags {
    const wasm = requireKernels();
    const length = values.length;
    const columnBytes = align(length * 8);
    const start = scratch(wasm, columnBytes * 5 + PRIORITY.length * length + length);
    if (start === undefined) {
        throw new Error(`a chart of ${length} points is more than the memory available can hold`);
    }
    const inputs = [values, limits.centre, limits.lower, limits.upper, limits.sigma];
    const at = inputs.map((_, k) => start + k * columnBytes);
    const memory = wasm.memory.buffer;
    inputs.forEach((column, k) => new Float64Array(memory, at[k], length).set(column));
    const sidesAt = start + inputs.length * columnBytes;
    const flaggedAt = sidesAt + PRIORITY.length * length;
    new Uint8Array(memory, sidesAt, PRIORITY.length * length + length).fill(0);
    for (const period of periods) {
        wasm.flagPeriod(
            period.start,
            period.end,
            length,
            at[0],
            at[1],
            at[2],
            at[3],
            at[4],
            shiftLength,
            trendLength,
            twoOfThree,
            sidesAt,
            flaggedAt,
        );
    }
    return new CauseFlags(
        PRIORITY.map((_, cause) => new Int8Array(memory, sidesAt + cause * length, length).slice()),
        new Uint8Array(memory, flaggedAt, length).slice(),
    );
}
