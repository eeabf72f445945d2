import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pChart, uChart } from '../../language/src/statistics/attribute.js';
import { crossingsLimit, longestRunLimit, runChart } from '../../language/src/statistics/run-chart.js';
import type { SpcChart, SpcPoint } from '../../language/src/statistics/series.js';
import { xmrChart } from '../../language/src/statistics/xmr.js';
import { series } from './points.js';

// Whole numbers keep sums and shifts exact, so a property never hangs on a rounding at a limit.
const values = (minLength = 0) => fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength, maxLength: 60 });
const direction = fc.constantFrom('increase' as const, 'decrease' as const);
const ruleOptions = fc.record({ screenMovingRanges: fc.boolean(), twoOfThree: fc.boolean() });

/** Counts with their denominators, some of them zero. */
const attributeData = fc
    .array(
        fc.integer({ min: 0, max: 500 }).chain(n => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        { maxLength: 60 },
    )
    .map(pairs =>
        series(
            pairs.map(([count]) => count),
            pairs.map(([, n]) => n),
        ),
    );

const readings = (chart: SpcChart) => chart.points.map(point => [point.causes, point.side, point.variation]);

function consistent(point: SpcPoint): boolean {
    const special = point.causes.length > 0;
    return special === (point.side !== undefined) && special === (point.variation !== 'common cause');
}

describe('run chart properties', () => {
    test('the longest-run limit and the crossings limit never fall as n grows', () => {
        for (let n = 1; n < 500; n++) {
            expect(longestRunLimit(n + 1)).toBeGreaterThanOrEqual(longestRunLimit(n));
            expect(crossingsLimit(n + 1)).toBeGreaterThanOrEqual(crossingsLimit(n));
        }
    });

    test('the crossings limit is the 5th percentile of Binomial(n − 1, ½), against a floating-point CDF', () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 400 }), n => {
                const trials = n - 1;
                const pmf: number[] = [];
                // log C(m, k) by sums of logs: fine to 1e-12 here, far from the 0.05 edge but where excluded.
                let logCoefficient = 0;
                for (let k = 0; k <= trials; k++) {
                    if (k > 0) {
                        logCoefficient += Math.log(trials - k + 1) - Math.log(k);
                    }
                    pmf.push(Math.exp(logCoefficient - trials * Math.LN2));
                }
                const cdf = (c: number) => pmf.slice(0, c + 1).reduce((a, b) => a + b, 0);
                const c = crossingsLimit(n);
                expect(cdf(c)).toBeGreaterThan(0.05 - 1e-9);
                if (c > 0) {
                    expect(cdf(c - 1)).toBeLessThan(0.05 + 1e-9);
                }
            }),
        );
    });

    test('a run beyond the limit above the centre line is always flagged, and read by the direction', () => {
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom(-1, 1), { minLength: 10, maxLength: 200 }),
                fc.nat(),
                fc.nat(),
                direction,
                (sides, lengthSeed, startSeed, better) => {
                    const limit = longestRunLimit(sides.length);
                    const length = limit + 1 + (lengthSeed % (sides.length - limit));
                    const start = startSeed % (sides.length - length + 1);
                    const data = sides.map((side, i) => (i >= start && i < start + length ? 1 : side));
                    const chart = runChart(series(data), { centre: 0, direction: better });
                    expect(chart.signal).toBe(true);
                    const run = chart.longRuns.find(r => r.first <= start && r.last >= start + length - 1);
                    expect(run).toMatchObject({ side: 'above' });
                    expect(run!.reading).toBe(better === 'increase' ? 'improvement' : 'concern');
                },
            ),
        );
    });

    test('runs and crossings count what they should', () => {
        fc.assert(
            fc.property(values(), data => {
                const chart = runChart(series(data));
                expect(chart.useful).toBe(data.filter(value => value !== chart.centre).length);
                expect(chart.longestRun).toBeLessThanOrEqual(chart.useful);
                expect(chart.crossings).toBeLessThanOrEqual(Math.max(chart.useful - 1, 0));
            }),
        );
    });

    test('a constant series has no signal', () => {
        fc.assert(
            fc.property(fc.integer(), fc.integer({ min: 0, max: 100 }), (value, length) => {
                expect(runChart(series(Array(length).fill(value))).signal).toBe(false);
            }),
        );
    });
});

describe('XmR properties', () => {
    test('the limits are symmetric about the mean, three sigma away', () => {
        fc.assert(
            fc.property(values(2), ruleOptions, (data, options) => {
                const { centre, lower, upper, sigma } = xmrChart(series(data), { options }).periods[0];
                expect(upper! - centre!).toBeCloseTo(centre! - lower!, 9);
                expect(upper! - centre!).toBeCloseTo(3 * sigma!, 9);
            }),
        );
    });

    test('shifting every value shifts the centre and limits and keeps every signal', () => {
        fc.assert(
            fc.property(values(), fc.integer({ min: -10_000, max: 10_000 }), ruleOptions, (data, shift, options) => {
                const before = xmrChart(series(data), { options, direction: 'increase' });
                const after = xmrChart(series(data.map(value => value + shift)), { options, direction: 'increase' });
                expect(readings(after)).toEqual(readings(before));
                after.periods.forEach((period, i) => {
                    expect(period.centre! - shift).toBeCloseTo(before.periods[i].centre!, 6);
                    if (period.upper !== undefined) {
                        expect(period.upper - shift).toBeCloseTo(before.periods[i].upper!, 6);
                        expect(period.lower! - shift).toBeCloseTo(before.periods[i].lower!, 6);
                    }
                });
            }),
        );
    });

    test('a constant series has no special cause', () => {
        fc.assert(
            fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), direction, (value, length, better) => {
                const chart = xmrChart(series(Array(length).fill(value)), { direction: better });
                expect(chart.points.every(point => point.variation === 'common cause')).toBe(true);
            }),
        );
    });

    test('reversing the direction swaps improvement and concern, and nothing else', () => {
        const swap = {
            'special cause improvement': 'special cause concern',
            'special cause concern': 'special cause improvement',
        };
        fc.assert(
            fc.property(values(), ruleOptions, (data, options) => {
                const up = xmrChart(series(data), { options, direction: 'increase' });
                const down = xmrChart(series(data), { options, direction: 'decrease' });
                const neither = xmrChart(series(data), { options });
                up.points.forEach((point, i) => {
                    expect(down.points[i].variation).toBe(
                        swap[point.variation as keyof typeof swap] ?? point.variation,
                    );
                    expect(neither.points[i].variation).toBe(
                        point.variation === 'common cause' ? 'common cause' : 'special cause neither',
                    );
                    expect(down.points[i].causes).toEqual(point.causes);
                });
            }),
        );
    });

    test('a point beyond the limits is always flagged, and causes, side and variation agree', () => {
        fc.assert(
            fc.property(values(), direction, (data, better) => {
                for (const point of xmrChart(series(data), { direction: better }).points) {
                    const beyond = point.value! > point.upper! || point.value! < point.lower!;
                    expect(point.causes.includes('outside limits')).toBe(beyond);
                    expect(consistent(point)).toBe(true);
                }
            }),
        );
    });

    test('points after a baseline of twelve do not move its limits', () => {
        fc.assert(
            fc.property(values(12), values(), (baseline, later) => {
                const alone = xmrChart(series(baseline)).periods[0];
                const frozen = xmrChart(series([...baseline, ...later]), { phases: { baselineEnd: baseline.length } });
                expect(frozen.periods[0]).toMatchObject({
                    centre: alone.centre,
                    upper: alone.upper,
                    lower: alone.lower,
                });
            }),
        );
    });

    test('a chart recalculated at an index reads like the two parts charted apart', () => {
        fc.assert(
            fc.property(values(1), values(1), (first, second) => {
                const whole = xmrChart(series([...first, ...second]), { phases: { recalculateAt: [first.length] } });
                const apart = [xmrChart(series(first)), xmrChart(series(second))];
                expect(readings(whole)).toEqual([...readings(apart[0]), ...readings(apart[1])]);
            }),
        );
    });
});

describe('attribute chart properties', () => {
    test('p chart limits lie within [0, 1] around the centre line', () => {
        fc.assert(
            fc.property(attributeData, points => {
                for (const point of pChart(points).points) {
                    if (point.value === undefined) {
                        expect(point).toMatchObject({ lower: undefined, upper: undefined, causes: [] });
                    } else {
                        expect(0 <= point.lower! && point.lower! <= point.centre!).toBe(true);
                        expect(point.centre! <= point.upper! && point.upper! <= 1).toBe(true);
                    }
                    expect(consistent(point)).toBe(true);
                }
            }),
        );
    });

    test('u chart lower limits are never below zero, and the centre is Σ counts / Σ exposure', () => {
        fc.assert(
            fc.property(attributeData, points => {
                const chart = uChart(points);
                const counted = points.filter(point => point.denominator! > 0);
                const centre =
                    counted.reduce((a, p) => a + p.value, 0) / counted.reduce((a, p) => a + p.denominator!, 0);
                expect(chart.periods[0]?.centre).toBe(counted.length > 0 ? centre : undefined);
                for (const point of chart.points) {
                    expect(point.lower === undefined || point.lower >= 0).toBe(true);
                }
            }),
        );
    });

    test('reversing the direction swaps improvement and concern on a p chart', () => {
        fc.assert(
            fc.property(attributeData, points => {
                const up = pChart(points, { direction: 'increase' }).points.map(point => point.variation);
                const down = pChart(points, { direction: 'decrease' }).points.map(point => point.variation);
                const flip = (v: string) =>
                    v === 'special cause improvement'
                        ? 'special cause concern'
                        : v === 'special cause concern'
                          ? 'special cause improvement'
                          : v;
                expect(down).toEqual(up.map(flip));
            }),
        );
    });

    test('a constant proportion with a constant sample size has no special cause', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1, max: 500 }),
                fc.nat(),
                fc.integer({ min: 0, max: 60 }),
                (n, seed, length) => {
                    const count = seed % (n + 1);
                    const chart = pChart(series(Array(length).fill(count), n), { direction: 'increase' });
                    expect(chart.points.every(point => point.causes.length === 0)).toBe(true);
                },
            ),
        );
    });
});
