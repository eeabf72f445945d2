/**
 * The XmR (individuals) chart as NHS England's "Making Data Count" draws it, computed as
 * NHSRplotthedots' `ptd_spc_standard` does (R/ptd_spc_standard.R): the mean, the mean moving range,
 * limits at the mean ± 2.66 mean moving ranges.
 */
import { assembleChart, periodRanges } from './special-causes.js';
import type { Limits } from './special-causes.js';
import { DEFAULT_SPC_OPTIONS, plottedColumn, toSeries, valuesIn } from './series.js';
import type { SeriesInput, SpcChart, SpcInput, SpcPeriod } from './series.js';

/** 3/d2 with d2 = 1.128, the expected range of two normal values in sigmas, rounded as Wheeler and the NHS do. */
export const XMR_LIMIT_FACTOR = 2.66;
/** D4 for ranges of two: the moving-range chart's upper limit in mean moving ranges, the screening threshold. */
export const MOVING_RANGE_LIMIT_FACTOR = 3.267;

export interface XmrPeriod extends SpcPeriod {
    /** The mean moving range of the baseline, after screening; `undefined` with fewer than two values. */
    readonly meanMovingRange: number | undefined;
    readonly lower: number | undefined;
    readonly upper: number | undefined;
    readonly sigma: number | undefined;
}

/** The absolute differences of neighbouring values. */
export function movingRanges(values: ArrayLike<number>): number[] {
    return Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => Math.abs(values[i + 1] - values[i]));
}

/**
 * The mean moving range, screened when asked: moving ranges at or above 3.267 times the mean are
 * left out and the rest averaged again, once (`screen_outliers` in NHSRplotthedots). A constant
 * series has a mean moving range of zero, which no screening can lower. Plain loops, summing in
 * order: every XmR chart's baseline is read on each check.
 */
export function meanMovingRange(values: ArrayLike<number>, screen: boolean): number | undefined {
    const count = values.length - 1;
    if (count < 1) {
        return undefined;
    }
    let sum = 0;
    for (let i = 0; i < count; i++) {
        sum += Math.abs(values[i + 1] - values[i]);
    }
    const mean = sum / count;
    if (!screen || mean === 0) {
        return mean;
    }
    const limit = MOVING_RANGE_LIMIT_FACTOR * mean;
    let kept = 0;
    let keptSum = 0;
    for (let i = 0; i < count; i++) {
        const range = Math.abs(values[i + 1] - values[i]);
        if (range < limit) {
            keptSum += range;
            kept++;
        }
    }
    return kept === 0 ? undefined : keptSum / kept;
}

export function xmrChart(points: SeriesInput, input: SpcInput = {}): SpcChart<XmrPeriod> {
    const options = { ...DEFAULT_SPC_OPTIONS, ...input.options };
    const series = toSeries(points);
    const values = plottedColumn(series);
    const ranges = periodRanges(values, input.phases ?? {}, options.minBaselinePoints);
    const periods = ranges.map((range): XmrPeriod => {
        const baseline = valuesIn(values, range.start, range.baselineEnd);
        const centre = average(baseline);
        const mr = meanMovingRange(baseline, options.screenMovingRanges);
        const limited = centre !== undefined && mr !== undefined;
        return {
            ...range,
            centre,
            meanMovingRange: mr,
            lower: limited ? centre - XMR_LIMIT_FACTOR * mr : undefined,
            upper: limited ? centre + XMR_LIMIT_FACTOR * mr : undefined,
            sigma: limited ? (XMR_LIMIT_FACTOR / 3) * mr : undefined,
        };
    });
    // Every point of a period has the period's limits.
    const limitsIn = (period: XmrPeriod, limits: Limits) =>
        limits.setRange(values, period.start, period.end, period.centre, period.lower, period.upper, period.sigma);
    return assembleChart(series.days, values, periods, limitsIn, options, input);
}

function average(values: Float64Array): number | undefined {
    if (values.length === 0) {
        return undefined;
    }
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
        sum += values[i];
    }
    return sum / values.length;
}
