import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pChart } from '../../language/src/statistics/attribute.js';
import type { SpcChart, SpcPoint, SpecialCause } from '../../language/src/statistics/series.js';
import { xmrChart } from '../../language/src/statistics/xmr.js';
import { series } from './points.js';

/**
 * The special-cause rules written out the plain way, point by point, as NHSRplotthedots states
 * them: the charts flag points in one fused pass over typed columns, and must flag the same points
 * on the same sides as this reading of the rules, given the same limits.
 */
function referenceFlags(
    points: readonly SpcPoint[],
    rules: { shiftLength: number; trendLength: number; twoOfThree: boolean },
): Array<{ causes: SpecialCause[]; side: 'high' | 'low' | undefined }> {
    const found = points.map(() => new Map<SpecialCause, number>());
    const periods = new Set(points.map(point => point.period));
    for (const period of periods) {
        // The points the rules read: those of the period with a value and a centre line, in order.
        const used = points.flatMap((point, index) =>
            point.period === period && point.value !== undefined && point.centre !== undefined ? [index] : [],
        );
        const value = (k: number) => points[used[k]].value!;
        const side = (k: number) => Math.sign(value(k) - points[used[k]].centre!);
        const outside = (k: number) => {
            const { upper, lower } = points[used[k]];
            return (upper !== undefined && value(k) > upper) || (lower !== undefined && value(k) < lower);
        };
        const close = (k: number) =>
            !outside(k) && Math.abs(value(k) - points[used[k]].centre!) > 2 * points[used[k]].sigma!;
        const mark = (cause: SpecialCause, from: number, to: number, sign: number) => {
            for (let k = from; k <= to; k++) {
                found[used[k]].set(cause, sign);
            }
        };
        used.forEach((_, k) => outside(k) && mark('outside limits', k, k, side(k)));
        // Stretches: maximal runs of positions where `same(k - 1, k)` holds.
        const stretches = (same: (a: number, b: number) => boolean) => {
            const runs: Array<[number, number]> = [];
            for (let from = 0, k = 1; k <= used.length; k++) {
                if (k === used.length || !same(k - 1, k)) {
                    runs.push([from, k - 1]);
                    from = k;
                }
            }
            return runs;
        };
        for (const [from, to] of stretches((a, b) => side(a) !== 0 && side(a) === side(b))) {
            if (side(from) !== 0 && to - from + 1 >= rules.shiftLength) {
                mark('shift', from, to, side(from));
            }
        }
        const rising = stretches((a, b) => value(b) > value(a)).map(([from, to]) => [from, to, 1] as const);
        const falling = stretches((a, b) => value(b) < value(a)).map(([from, to]) => [from, to, -1] as const);
        // A point that ends one trend and starts the next takes the later one's side.
        for (const [from, to, sign] of [...rising, ...falling].sort((a, b) => a[0] - b[0])) {
            if (to - from + 1 >= rules.trendLength) {
                mark('trend', from, to, sign);
            }
        }
        for (let k = 0; rules.twoOfThree && k + 2 < used.length; k++) {
            const window = [k, k + 1, k + 2];
            const oneSide = side(k) !== 0 && window.every(j => side(j) === side(k));
            if (oneSide && window.filter(close).length >= 2) {
                window.filter(close).forEach(j => mark('two of three', j, j, side(k)));
            }
        }
    }
    const order: SpecialCause[] = ['outside limits', 'trend', 'two of three', 'shift'];
    return found.map(causes => {
        const flaggedBy = order.filter(cause => causes.has(cause));
        const sign = flaggedBy.length > 0 ? causes.get(flaggedBy[0])! : 0;
        return { causes: flaggedBy, side: sign > 0 ? 'high' : sign < 0 ? 'low' : undefined };
    });
}

const flagsOf = (chart: SpcChart) => chart.points.map(({ causes, side }) => ({ causes: [...causes], side }));

/** Small whole numbers, so that ties, points on the centre line and long runs all come up often. */
const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.NaN)), {
    minLength: 0,
    maxLength: 80,
});
const rules = fc.record({
    shiftLength: fc.integer({ min: 2, max: 8 }),
    trendLength: fc.integer({ min: 2, max: 8 }),
    twoOfThree: fc.boolean(),
});
const phases = fc.record({
    baselineEnd: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    recalculateAt: fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 2 }),
});

describe('the special-cause rules agree with their plain statement', () => {
    test('on XmR charts, with gaps, periods and any rule lengths', () => {
        fc.assert(
            fc.property(values, rules, phases, (data, options, { baselineEnd, recalculateAt }) => {
                const length = data.length;
                const chart = xmrChart(series(data), {
                    options: { ...options, minBaselinePoints: 4 },
                    phases: {
                        baselineEnd: baselineEnd === undefined ? undefined : Math.min(baselineEnd, length),
                        recalculateAt: recalculateAt.filter(at => at < length),
                    },
                });
                expect(flagsOf(chart)).toEqual(referenceFlags(chart.points, options));
            }),
            { numRuns: 2000 },
        );
    });

    test('on p charts, whose limits change from point to point', () => {
        const counts = fc.array(
            fc.integer({ min: 1, max: 40 }).chain(n => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
            { maxLength: 60 },
        );
        fc.assert(
            fc.property(counts, rules, (pairs, options) => {
                const chart = pChart(
                    series(
                        pairs.map(([count]) => count),
                        pairs.map(([, n]) => n),
                    ),
                    { options },
                );
                expect(flagsOf(chart)).toEqual(referenceFlags(chart.points, options));
            }),
            { numRuns: 1000 },
        );
    });
});
