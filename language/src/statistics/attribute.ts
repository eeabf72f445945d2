/**
 * Attribute charts, whose sigma comes from a probability model rather than from the data's own
 * spread, so each point has limits of its own from its denominator (Montgomery, "Introduction to
 * Statistical Quality Control", ch. 7: the p chart for fraction nonconforming, the u chart for
 * nonconformities per unit; NIST/SEMATECH e-Handbook of Statistical Methods, 6.3.3.1–6.3.3.2):
 *
 * - p chart: p̄ = Σ counts / Σ sample sizes, limits p̄ ± 3 √(p̄(1 − p̄)/nᵢ), kept within [0, 1];
 * - u chart: ū = Σ counts / Σ exposures, limits ū ± 3 √(ū/nᵢ), the lower kept at or above 0.
 *
 * A point's value is its count and its denominator the sample size or exposure. A point without a
 * positive denominator has no proportion or rate: it has no limits, counts in no centre line, and no
 * rule flags it. The special-cause rules are those of the XmR chart, each point read against its own
 * limits and sigma.
 */
import { assembleChart, periodRanges } from './special-causes.js';
import type { Limits } from './special-causes.js';
import { DEFAULT_SPC_OPTIONS, plottedColumn, toSeries } from './series.js';
import type { SeriesInput, SpcChart, SpcInput, SpcPeriod } from './series.js';

/**
 * Proportions: counts out of sample sizes. With `scale` 100 the chart is in percent: every value,
 * centre line, limit and sigma is the proportion's times 100, and the target is read in percent.
 */
export function pChart(points: SeriesInput, input: SpcInput = {}, scale = 1): SpcChart {
    return attributeChart(points, input, centre => Math.sqrt(centre * (1 - centre)), 1, scale);
}

/** Rates: counts per unit of exposure. */
export function uChart(points: SeriesInput, input: SpcInput = {}): SpcChart {
    return attributeChart(points, input, centre => Math.sqrt(centre), Infinity, 1);
}

/**
 * `unitSigma(centre) / √n` is a point's sigma, worked out on the counts' own scale; its limits are
 * kept within [0, ceiling]. What the chart returns is that scale times `scale`.
 */
function attributeChart(
    points: SeriesInput,
    input: SpcInput,
    unitSigma: (centre: number) => number,
    ceiling: number,
    scale: number,
): SpcChart {
    const options = { ...DEFAULT_SPC_OPTIONS, ...input.options };
    const series = toSeries(points);
    const counts = series.values;
    // Without a denominator a point has no proportion or rate.
    const sizes = series.denominators ?? new Float64Array(series.length).fill(Number.NaN);
    // A point with no denominator is not plotted; neither is one whose denominator is not positive.
    const values = plottedColumn(series);
    for (let i = 0; i < values.length; i++) {
        values[i] = Number.isNaN(sizes[i]) ? Number.NaN : values[i] * scale;
    }
    const ranges = periodRanges(values, input.phases ?? {}, options.minBaselinePoints);
    const periods = ranges.map(range => {
        let count = 0;
        let size = 0;
        for (let i = range.start; i < range.baselineEnd; i++) {
            if (!Number.isNaN(values[i])) {
                count += counts[i];
                size += sizes[i];
            }
        }
        return { ...range, centre: size > 0 ? (count / size) * scale : undefined };
    });
    const limitsIn = ({ centre: shown, start, end }: SpcPeriod, limits: Limits) => {
        if (shown === undefined) {
            return;
        }
        const centre = shown / scale;
        const spread = unitSigma(centre);
        for (let i = start; i < end; i++) {
            if (!Number.isNaN(values[i])) {
                const sigma = spread / Math.sqrt(sizes[i]);
                limits.centre[i] = shown;
                limits.lower[i] = Math.max(0, centre - 3 * sigma) * scale;
                limits.upper[i] = Math.min(ceiling, centre + 3 * sigma) * scale;
                limits.sigma[i] = sigma * scale;
            }
        }
    };
    return assembleChart(series.days, values, periods, limitsIn, options, input);
}
