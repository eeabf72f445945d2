/**
 * Run charts read with the Anhøj rules (Anhøj & Olesen, "Run charts revisited", PLoS ONE 2014;
 * 9(11):e113825; Anhøj, "Diagnostic value of run chart analysis", PLoS ONE 2015;10(3):e0121349),
 * computed as qicharts2's `runs.analysis` does (R/helper.functions.R): points on the centre line
 * neither break nor extend a run, and count for nothing.
 */
import { DEFAULT_RUN_CHART_OPTIONS, plottedColumn, toSeries } from './series.js';
import type { Direction, RunChartOptions, SeriesInput } from './series.js';

/** A run longer than the rules expect. Indices are of the points, first and last inclusive. */
export interface LongRun {
    readonly first: number;
    readonly last: number;
    /** Points in the run, not counting those on the centre line. */
    readonly length: number;
    readonly side: 'above' | 'below';
    /** Whether the run lies on the better side of the centre line; `undefined` without a direction. */
    readonly reading: 'improvement' | 'concern' | undefined;
}

export interface RunChart {
    /** The centre line: the median of the values, unless one was given. */
    readonly centre: number | undefined;
    /** Useful observations: points with a value that is not on the centre line. */
    readonly useful: number;
    readonly longestRun: number;
    /** The longest run expected from random variation; `undefined` with no useful observation. */
    readonly longestRunLimit: number | undefined;
    readonly crossings: number;
    /** The fewest crossings expected from random variation; `undefined` with no useful observation. */
    readonly crossingsLimit: number | undefined;
    /** Every run longer than `longestRunLimit`. */
    readonly longRuns: readonly LongRun[];
    readonly fewCrossings: boolean;
    /** Non-random variation: an unusually long run or unusually few crossings. */
    readonly signal: boolean;
}

export interface RunChartInput {
    readonly direction?: Direction;
    /** A fixed centre line, such as the median of a baseline period; by default the median of all values. */
    readonly centre?: number;
    readonly options?: Partial<RunChartOptions>;
}

export function median(values: ArrayLike<number>): number | undefined {
    if (values.length === 0) {
        return undefined;
    }
    // A typed array sorts numbers as numbers, with no comparison function to call.
    const sorted = Float64Array.from(values).sort();
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The longest run expected among `useful` observations: round(log2(n) + 3) by default. */
export function longestRunLimit(useful: number, offset = DEFAULT_RUN_CHART_OPTIONS.longestRunOffset): number {
    return Math.round(Math.log2(useful) + offset);
}

/** The fewest crossings expected among `useful` observations: qbinom(0.05, n − 1, 0.5) by default. */
export function crossingsLimit(useful: number, probability = DEFAULT_RUN_CHART_OPTIONS.crossingsProbability): number {
    return binomialHalfQuantile(probability, Math.max(useful - 1, 0));
}

/**
 * The smallest c with P(X ≤ c) ≥ `probability`, X ~ Binomial(trials, 0.5): R's
 * `qbinom(probability, trials, 0.5)`. Computed exactly in integers, Σ C(trials, k) against
 * probability · 2^trials, so no rounding can move a limit and no table bounds the series' length.
 */
export function binomialHalfQuantile(probability: number, trials: number): number {
    const key = `${probability} ${trials}`;
    let quantile = QUANTILES.get(key);
    if (quantile === undefined) {
        quantile = exactBinomialHalfQuantile(probability, trials);
        if (QUANTILES.size >= MAX_QUANTILES) {
            QUANTILES.clear();
        }
        QUANTILES.set(key, quantile);
    }
    return quantile;
}

/**
 * The quantiles worked out, by probability and trials: the sum runs over numbers of about `trials`
 * bits, a fraction of a millisecond for a long series, and every edit reads every chart again.
 */
const QUANTILES = new Map<string, number>();
const MAX_QUANTILES = 4096;

function exactBinomialHalfQuantile(probability: number, trials: number): number {
    if (!Number.isInteger(trials) || trials < 0) {
        throw new RangeError(`trials must be a whole number, not ${trials}`);
    }
    if (!(probability <= 1)) {
        throw new RangeError(`probability must be at most 1, not ${probability}`);
    }
    if (probability <= 0) {
        return 0;
    }
    // A double is a dyadic rational: probability = numerator / 2^exponent, exactly.
    let scaled = probability;
    let exponent = 0n;
    while (!Number.isInteger(scaled)) {
        scaled *= 2;
        exponent++;
    }
    const target = BigInt(scaled) << BigInt(trials);
    let coefficient = 1n;
    let cumulative = 0n;
    for (let k = 0; k < trials; k++) {
        cumulative += coefficient;
        if (cumulative << exponent >= target) {
            return k;
        }
        coefficient = (coefficient * BigInt(trials - k)) / BigInt(k + 1);
    }
    return trials;
}

export function runChart(points: SeriesInput, input: RunChartInput = {}): RunChart {
    const options = { ...DEFAULT_RUN_CHART_OPTIONS, ...input.options };
    const values = plottedColumn(toSeries(points));
    const centre = input.centre ?? median(values.filter(value => !Number.isNaN(value)));

    // The runs of useful observations: how many, how long the longest, how many observations.
    let useful = 0;
    let runs = 0;
    let longestRun = 0;
    for (let i = 0, side = 0, length = 0; i < values.length; i++) {
        const next = sideOf(values[i], centre);
        if (next !== 0) {
            useful++;
            length = next === side ? length + 1 : 1;
            runs += next === side ? 0 : 1;
            side = next;
            longestRun = Math.max(longestRun, length);
        }
    }
    const crossings = Math.max(runs - 1, 0);
    if (useful === 0) {
        return {
            centre,
            useful,
            longestRun,
            longestRunLimit: undefined,
            crossings,
            crossingsLimit: undefined,
            longRuns: [],
            fewCrossings: false,
            signal: false,
        };
    }

    const runLimit = longestRunLimit(useful, options.longestRunOffset);
    const fewestCrossings = crossingsLimit(useful, options.crossingsProbability);
    const longRuns = longestRun > runLimit ? runsLongerThan(values, centre!, runLimit, input.direction) : [];
    const fewCrossings = crossings < fewestCrossings;
    return {
        centre,
        useful,
        longestRun,
        longestRunLimit: runLimit,
        crossings,
        crossingsLimit: fewestCrossings,
        longRuns,
        fewCrossings,
        signal: longRuns.length > 0 || fewCrossings,
    };
}

/** +1 above the centre line, -1 below; 0 on it or with no value, where it counts for nothing. */
function sideOf(value: number, centre: number | undefined): number {
    return centre === undefined || Number.isNaN(value) ? 0 : value > centre ? 1 : value < centre ? -1 : 0;
}

/** The runs of more than `limit` useful observations, with the indices of their first and last points. */
function runsLongerThan(values: Float64Array, centre: number, limit: number, direction: Direction): LongRun[] {
    const found: LongRun[] = [];
    let first = 0;
    let last = 0;
    let length = 0;
    let side = 0;
    const end = () => {
        if (length > limit) {
            const where = side > 0 ? 'above' : 'below';
            found.push({ first, last, length, side: where, reading: runReading(where, direction) });
        }
    };
    for (let i = 0; i < values.length; i++) {
        const next = sideOf(values[i], centre);
        if (next === 0) {
            continue;
        }
        if (next !== side) {
            end();
            first = i;
            length = 0;
            side = next;
        }
        last = i;
        length++;
    }
    end();
    return found;
}

function runReading(side: 'above' | 'below', direction: Direction): LongRun['reading'] {
    if (direction === undefined) {
        return undefined;
    }
    return (side === 'above') === (direction === 'increase') ? 'improvement' : 'concern';
}
