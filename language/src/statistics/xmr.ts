/**
 * The XmR (individuals) chart as NHS England's "Making Data Count" draws it, computed as
 * NHSRplotthedots' `ptd_spc_standard` does (R/ptd_spc_standard.R): the mean, the mean moving range,
 * limits at the mean ± 2.66 mean moving ranges.
 */
import { assembleChart, periodRanges } from './special-causes.js';
import type { Limits } from './special-causes.js';
import { DEFAULT_SPC_OPTIONS, plottedColumn, toSeries } from './series.js';
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
export function movingRanges(values: readonly number[]): number[] {
    return values.slice(1).map((value, i) => Math.abs(value - values[i]));
}

/**
 * The mean moving range, screened when asked: moving ranges at or above 3.267 times the mean are
 * left out and the rest averaged again, once (`screen_outliers` in NHSRplotthedots). A constant
 * series has a mean moving range of zero, which no screening can lower.
 */
export function meanMovingRange(values: readonly number[], screen: boolean): number | undefined {
    const ranges = movingRanges(values);
    const mean = average(ranges);
    if (!screen || mean === undefined || mean === 0) {
        return mean;
    }
    return average(ranges.filter(range => range < MOVING_RANGE_LIMIT_FACTOR * mean));
}

export function xmrChart(points: SeriesInput, input: SpcInput = {}): SpcChart<XmrPeriod> {
    const options = { ...DEFAULT_SPC_OPTIONS, ...input.options };
    const series = toSeries(points);
    const values = plottedColumn(series);
    const ranges = periodRanges(values, input.phases ?? {}, options.minBaselinePoints);
    const periods = ranges.map((range): XmrPeriod => {
        const baseline = Array.from(values.subarray(range.start, range.baselineEnd)).filter(
            value => !Number.isNaN(value),
        );
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

function average(values: readonly number[]): number | undefined {
    return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}
