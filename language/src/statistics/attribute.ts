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
import { assembleChart, NO_LIMITS, periodRanges } from './special-causes.js';
import type { PointLimits } from './special-causes.js';
import { DEFAULT_SPC_OPTIONS, plottedValue } from './series.js';
import type { Point, SpcChart, SpcInput, SpcPeriod } from './series.js';

/**
 * Proportions: counts out of sample sizes. With `scale` 100 the chart is in percent: every value,
 * centre line, limit and sigma is the proportion's times 100, and the target is read in percent.
 */
export function pChart(points: readonly Point[], input: SpcInput = {}, scale = 1): SpcChart {
    return attributeChart(points, input, centre => Math.sqrt(centre * (1 - centre)), 1, scale);
}

/** Rates: counts per unit of exposure. */
export function uChart(points: readonly Point[], input: SpcInput = {}): SpcChart {
    return attributeChart(points, input, centre => Math.sqrt(centre), Infinity, 1);
}

/**
 * `unitSigma(centre) / √n` is a point's sigma, worked out on the counts' own scale; its limits are
 * kept within [0, ceiling]. What the chart returns is that scale times `scale`.
 */
function attributeChart(
    points: readonly Point[],
    input: SpcInput,
    unitSigma: (centre: number) => number,
    ceiling: number,
    scale: number,
): SpcChart {
    const options = { ...DEFAULT_SPC_OPTIONS, ...input.options };
    const values = points.map(point =>
        point.denominator === undefined ? undefined : scaled(plottedValue(point), scale),
    );
    const ranges = periodRanges(
        values.map(value => value !== undefined),
        input.phases ?? {},
        options.minBaselinePoints,
    );
    const periods = ranges.map(range => {
        let counts = 0;
        let denominators = 0;
        for (let i = range.start; i < range.baselineEnd; i++) {
            if (values[i] !== undefined) {
                counts += points[i].value;
                denominators += points[i].denominator!;
            }
        }
        return { ...range, centre: denominators > 0 ? (counts / denominators) * scale : undefined };
    });
    const limitsIn = ({ centre: shown }: SpcPeriod, i: number): PointLimits => {
        if (shown === undefined) {
            return NO_LIMITS;
        }
        const centre = shown / scale;
        const sigma = unitSigma(centre) / Math.sqrt(points[i].denominator!);
        return {
            centre: shown,
            lower: Math.max(0, centre - 3 * sigma) * scale,
            upper: Math.min(ceiling, centre + 3 * sigma) * scale,
            sigma: sigma * scale,
        };
    };
    return assembleChart(points, values, periods, limitsIn, options, input);
}

function scaled(value: number | undefined, scale: number): number | undefined {
    return value === undefined ? undefined : value * scale;
}
