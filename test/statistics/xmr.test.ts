import { describe, expect, test } from 'vitest';
import { assuranceOf, variationOf } from '../../language/src/statistics/special-causes.js';
import { indexOfDate, toSeries } from '../../language/src/statistics/series.js';
import { meanMovingRange, movingRanges, xmrChart } from '../../language/src/statistics/xmr.js';
import { expectPublished, flagged, series } from './points.js';

/** R's `set.seed(123); rnorm(20)`, the data of NHSRplotthedots' own tests (tests/testthat/test-ptd_spc_standard.R). */
const RNORM_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285,
    -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716,
    0.7013559, -0.47279141,
];

describe('published XmR charts', () => {
    describe('NHSRplotthedots vignette "Deviations from Excel defaults", 1. Treatment of outlying points', () => {
        const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

        test('screened (the package default): UPL 4.6, mean 1.94, LPL -0.72', () => {
            const period = xmrChart(series(data)).periods[0];
            expectPublished(period.upper, '4.6');
            expectPublished(period.centre, '1.94');
            expectPublished(period.lower, '-0.72');
        });

        test('not screened (the Making Data Count Excel tools): UPL 6.95, mean 1.94, LPL -3.06', () => {
            const period = xmrChart(series(data), { options: { screenMovingRanges: false } }).periods[0];
            expectPublished(period.upper, '6.95');
            expectPublished(period.centre, '1.94');
            expectPublished(period.lower, '-3.06');
        });

        test("either way the fifth point alone is special cause improvement (the figures' captions)", () => {
            for (const screenMovingRanges of [true, false]) {
                const chart = xmrChart(series(data), { direction: 'increase', options: { screenMovingRanges } });
                expect(chart.points.map(point => point.variation)).toEqual(
                    data.map((_, i) => (i === 4 ? 'special cause improvement' : 'common cause')),
                );
            }
        });
    });

    describe("NHSRplotthedots' snapshots of rnorm(20), seed 123 (tests/testthat/_snaps/ptd_spc_standard.md)", () => {
        test('r1: mean_col 0.1416238, lpl -3.01138, upl 3.294627', () => {
            const period = xmrChart(series(RNORM_123)).periods[0];
            expectPublished(period.centre, '0.1416238');
            expectPublished(period.lower, '-3.01138');
            expectPublished(period.upper, '3.294627');
        });

        test('r2, the 15th value set to 10, outliers screened: mean_col 0.6694159, lpl -2.383666, upl 3.722497', () => {
            const data = RNORM_123.map((value, i) => (i === 14 ? 10 : value));
            const period = xmrChart(series(data)).periods[0];
            expectPublished(period.centre, '0.6694159');
            expectPublished(period.lower, '-2.383666');
            expectPublished(period.upper, '3.722497');
        });

        test('r3, the same not screened: lpl -4.596625, upl 5.935457', () => {
            const data = RNORM_123.map((value, i) => (i === 14 ? 10 : value));
            const period = xmrChart(series(data), { options: { screenMovingRanges: false } }).periods[0];
            expectPublished(period.lower, '-4.596625');
            expectPublished(period.upper, '5.935457');
        });

        test('faceted in two groups of ten (_snaps/ptd_spc.md): 0.0746/-2.60/2.75 and 0.209/-3.28/3.70, all common cause', () => {
            const chart = xmrChart(series(RNORM_123), { phases: { recalculateAt: [10] } });
            const [first, second] = chart.periods;
            expectPublished(first.centre, '0.0746');
            expectPublished(first.lower, '-2.60');
            expectPublished(first.upper, '2.75');
            expectPublished(second.centre, '0.209');
            expectPublished(second.lower, '-3.28');
            expectPublished(second.upper, '3.70');
            expect(chart.points.every(point => point.variation === 'common cause')).toBe(true);
        });
    });

    test('screened moving ranges: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, ch. 11', () => {
        // The 24 values of §11 (anhoej/spc4hc, docs/screenedmr.html): "The average moving range (AMR)
        // is 5 ... remove any moving ranges greater than 3.267 × AMR (= 16.335) and recalculate the AMR
        // (= 4.45) ... the control limits for the I chart: (= 15.8 ± 2.66 x 4.45)", and the unscreened
        // limits are "just wide enough to suppress a signal that would otherwise have been detected".
        const y = [18, 16, 8, 9, 10, 11, 26, 14, 15, 14, 18, 19, 18, 11, 28, 20, 16, 17, 12, 13, 24, 16, 15, 11];
        expect(meanMovingRange(y, false)).toBe(5);
        expectPublished(meanMovingRange(y, true), '4.45');
        const screened = xmrChart(series(y));
        expectPublished(screened.periods[0].centre, '15.8');
        expect(screened.periods[0].upper).toBeCloseTo(screened.periods[0].centre! + 2.66 * (49 / 11), 12);
        expect(flagged(screened.points, 'outside limits')).toEqual([15]);
        const unscreened = xmrChart(series(y), { options: { screenMovingRanges: false } });
        expect(flagged(unscreened.points, 'outside limits')).toEqual([]);
    });

    test('systolic blood pressure: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, §5.2', () => {
        // The moving ranges the book prints, and "One data point falls below the lower control limit".
        const systolic = [
            169, 172, 175, 174, 161, 142, 174, 171, 168, 174, 180, 194, 161, 181, 175, 176, 186, 166, 157, 183, 177,
            171, 185, 176, 181, 174,
        ];
        expect(movingRanges(systolic)).toEqual([
            3, 3, 1, 13, 19, 32, 3, 3, 6, 6, 14, 33, 20, 6, 1, 10, 20, 9, 26, 6, 6, 14, 9, 5, 7,
        ]);
        const chart = xmrChart(series(systolic), { direction: 'decrease' });
        expect(flagged(chart.points, 'outside limits')).toEqual([6]);
        expect(chart.points[5]).toMatchObject({ side: 'low', variation: 'special cause improvement' });
    });

    test('caesarean section delays: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, §6.4.1', () => {
        // The latest 60 of data/csection_delay.csv (anhoej/spc4hc), unscreened as the book computes
        // them: "The average delay for these cases is 24 minutes. Three data points fall outside the
        // control limits (#1, #4, and #31)".
        const delay = [
            10, 21, 30, 36, 18, 21, 27, 22, 22, 30, 27, 22, 21, 30, 26, 20, 20, 18, 24, 21, 24, 22, 23, 27, 23, 20, 26,
            26, 21, 25, 43, 25, 24, 25, 25, 22, 22, 22, 22, 23, 19, 20, 26, 28, 21, 22, 21, 19, 22, 20, 19, 25, 23, 30,
            25, 27, 27, 20, 25, 31,
        ];
        const chart = xmrChart(series(delay), { options: { screenMovingRanges: false } });
        expectPublished(chart.periods[0].centre, '24');
        expect(flagged(chart.points, 'outside limits')).toEqual([1, 4, 31]);
    });

    test('viscosity: Montgomery, Introduction to SQC 5th ed. pp. 232–235, as the qcc vignette charts it', () => {
        // data/viscosity.txt of luca-scr/qcc; its vignette (docs/articles/qcc.html, "Continuous
        // one-at-time data") prints Center 34.088 and Standard deviation 0.5076521 (= mean moving range
        // / 1.128), and drops batch 4, "out-of-control because of a process temperature controller
        // failure", after which Center 33.98947 and Standard deviation 0.4117415. qcc's limits use
        // 3/1.128 = 2.6596 where the NHS uses 2.66, so they are compared to a thousandth only.
        const viscosity = [
            34.05, 34.4, 33.59, 35.96, 34.7, 33.51, 33.79, 34.04, 34.52, 33.75, 33.27, 33.71, 34.03, 34.58, 34.02,
            33.97, 34.05, 34.04, 33.73, 34.05,
        ];
        const options = { screenMovingRanges: false };
        const trial = xmrChart(series(viscosity), { options });
        expectPublished(trial.periods[0].centre, '34.088');
        expectPublished(trial.periods[0].meanMovingRange! / 1.128, '0.5076521');
        expect(trial.periods[0].lower).toBeCloseTo(32.56504, 2);
        expect(trial.periods[0].upper).toBeCloseTo(35.61096, 2);
        expect(flagged(trial.points, 'outside limits')).toEqual([4]);

        const revised = xmrChart(series(viscosity.filter((_, i) => i !== 3)), { options }).periods[0];
        expectPublished(revised.centre, '33.98947');
        expectPublished(revised.meanMovingRange! / 1.128, '0.4117415');
    });
});

describe('special-cause rules', () => {
    test("a trend is of points each strictly beyond the one before (NHSRplotthedots' ptd_seven_point_trend tests)", () => {
        // test-ptd_calculate_point_type.R: c(1:3, 3:6) has no trend; c(2, 1:7, 3) has one at 1:7.
        expect(flagged(xmrChart(series([1, 2, 3, 3, 4, 5, 6])).points, 'trend')).toEqual([]);
        const chart = xmrChart(series([2, 1, 2, 3, 4, 5, 6, 7, 3]), { direction: 'decrease' });
        expect(flagged(chart.points, 'trend')).toEqual([2, 3, 4, 5, 6, 7, 8]);
        expect(chart.points[1]).toMatchObject({ side: 'high', variation: 'special cause concern' });
        const falling = xmrChart(series([2, 7, 6, 5, 4, 3, 2, 1, 3]));
        expect(flagged(falling.points, 'trend')).toEqual([2, 3, 4, 5, 6, 7, 8]);
        expect(falling.points[1].side).toBe('low');
    });

    test("two close points on opposite sides are not two of three (NHSRplotthedots' test-ptd_spc_standard.R)", () => {
        const data = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 5.5, -5.5];
        const chart = xmrChart(series(data));
        expect(chart.points.slice(-2).map(point => point.variation)).toEqual(['common cause', 'common cause']);
        // The two are within the limits but beyond two sigma, so only their sides kept them apart.
        expect(chart.points.slice(-2).every(p => Math.abs(p.value!) > 2 * p.sigma! && p.value! < p.upper!)).toBe(true);
    });

    test('two of three beyond two sigma on one side flags the two', () => {
        // A constant baseline of 0 and 1 alternating: mean 0.5, mean moving range 1, sigma 0.8867.
        const baseline = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
        const chart = xmrChart(series([...baseline, 2.5, 0.6, 2.6]), { phases: { baselineEnd: 12 } });
        expect(flagged(chart.points, 'two of three')).toEqual([13, 15]);
        expect(chart.points[13].causes).toEqual([]);
        expect(chart.points[12].side).toBe('high');
    });

    test('a shift is a run of seven on one side; a point on the centre line breaks it', () => {
        const baseline = [2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0];
        const shifted = xmrChart(series([...baseline, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]), {
            phases: { baselineEnd: 12 },
            direction: 'decrease',
        });
        expect(flagged(shifted.points, 'shift')).toEqual([13, 14, 15, 16, 17, 18, 19]);
        expect(shifted.variation).toBe('special cause concern');
        const broken = xmrChart(series([...baseline, 1.5, 1.5, 1.5, 1, 1.5, 1.5, 1.5]), {
            phases: { baselineEnd: 12 },
        });
        expect(flagged(broken.points, 'shift')).toEqual([]);
    });

    test('rule lengths can be configured, and two of three turned off', () => {
        const baseline = [2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0];
        const input = { phases: { baselineEnd: 12 } };
        const level = [...baseline, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5];
        const rising = [...baseline, 1.6, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        expect(flagged(xmrChart(series(level), input).points, 'shift')).toEqual([]);
        expect(flagged(xmrChart(series(rising), input).points, 'trend')).toEqual([]);
        const short = { ...input, options: { shiftLength: 6, trendLength: 6 } };
        expect(flagged(xmrChart(series(level), short).points, 'shift')).toEqual([13, 14, 15, 16, 17, 18]);
        expect(flagged(xmrChart(series(rising), short).points, 'trend')).toEqual([14, 15, 16, 17, 18, 19]);
        const close = [...baseline, 2.5, 0.6, 2.6];
        const off = xmrChart(series(close), { ...input, options: { twoOfThree: false } });
        expect(flagged(off.points, 'two of three')).toEqual([]);
    });

    test('a point flagged by several rules takes its side from the first in the package order', () => {
        // Outside the limits comes before a trend, a trend before two of three, two of three before a shift.
        const baseline = [2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0];
        const chart = xmrChart(series([...baseline, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 9]), { phases: { baselineEnd: 12 } });
        expect(chart.points[18].causes).toEqual(['outside limits', 'trend', 'shift']);
        expect(chart.points[18].side).toBe('high');
    });
});

describe('variation and assurance readings', () => {
    test('no direction reads special causes as neither improvement nor concern', () => {
        expect(variationOf('high', undefined)).toBe('special cause neither');
        expect(variationOf('low', 'increase')).toBe('special cause concern');
        expect(variationOf('low', 'decrease')).toBe('special cause improvement');
        expect(variationOf(undefined, 'decrease')).toBe('common cause');
    });

    test.each([
        // NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R: target 4 against
        // limits (1, 3), (5, 7) and (1, 5).
        [1, 3, 'increase', 'will consistently fail'],
        [5, 7, 'increase', 'will consistently pass'],
        [1, 5, 'increase', 'hit and miss'],
        [1, 3, 'decrease', 'will consistently pass'],
        [5, 7, 'decrease', 'will consistently fail'],
        [1, 5, 'decrease', 'hit and miss'],
        [4, 7, 'increase', 'hit and miss'],
    ] as const)('target 4, limits %d–%d, %s is better: %s', (lower, upper, direction, reading) => {
        expect(assuranceOf(4, lower, upper, direction)).toBe(reading);
    });

    test('a chart reads its target against its latest limits, and only with a direction', () => {
        const values = [
            ...Array(12)
                .fill(0)
                .map((_, i) => i % 2),
            10,
            11,
            10,
            11,
            10,
            11,
            10,
            11,
            10,
            11,
            10,
            11,
        ];
        const input = { target: 5, phases: { recalculateAt: [12] } } as const;
        expect(xmrChart(series(values), { ...input, direction: 'increase' }).assurance).toBe('will consistently pass');
        expect(xmrChart(series(values), { ...input, direction: 'decrease' }).assurance).toBe('will consistently fail');
        expect(xmrChart(series(values), input).assurance).toBeUndefined();
        expect(xmrChart(series(values), { direction: 'increase' }).assurance).toBeUndefined();
    });
});

describe('baselines and periods', () => {
    const baseline = [5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6, 4];

    test('limits come from a baseline of twelve or more and are extended over later points', () => {
        const chart = xmrChart(series([...baseline, 9, 9, 1]), { phases: { baselineEnd: 12 } });
        expect(chart.periods).toHaveLength(1);
        expect(chart.periods[0]).toMatchObject({ start: 0, end: 15, baselineEnd: 12, centre: 5 });
        expect(chart.points.map(point => point.upper)).toEqual(Array(15).fill(chart.periods[0].upper));
        expect(flagged(chart.points, 'outside limits')).toEqual([13, 14, 15]);
    });

    test('a baseline shorter than twelve gives way to the whole period', () => {
        const chart = xmrChart(series([...baseline.slice(0, 11), 9, 9]), { phases: { baselineEnd: 11 } });
        expect(chart.periods[0].baselineEnd).toBe(13);
        const shorter = xmrChart(series([...baseline.slice(0, 11), 9, 9]), {
            phases: { baselineEnd: 11 },
            options: { minBaselinePoints: 10 },
        });
        expect(shorter.periods[0].baselineEnd).toBe(11);
    });

    test('each period has limits of its own, and no rule looks across its edge', () => {
        const before = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2, 2, 2];
        const after = [2, 2, 2, 2, 11, 12, 11, 12, 11, 12];
        const whole = xmrChart(series([...before, ...after]), { phases: { recalculateAt: [13] } });
        const apart = [xmrChart(series(before)), xmrChart(series(after))];
        expect(whole.periods.map(p => [p.start, p.end, p.centre, p.upper])).toEqual([
            [0, 13, apart[0].periods[0].centre, apart[0].periods[0].upper],
            [13, 23, apart[1].periods[0].centre, apart[1].periods[0].upper],
        ]);
        expect(whole.points.map(p => p.causes)).toEqual([...apart[0].points, ...apart[1].points].map(p => p.causes));
        expect(whole.points[13].period).toBe(1);
    });

    test('"recalculate at" dates are found as indices', () => {
        const points = toSeries(series([1, 2, 3, 4]));
        expect(indexOfDate(points, '2020-01-03')).toBe(2);
        expect(indexOfDate(points, '2020-01-02T12:00')).toBe(2);
        expect(indexOfDate(points, '2021-01-01')).toBe(4);
    });

    test('boundaries outside the series are ignored; ones that are not indices are refused', () => {
        const chart = xmrChart(series([1, 2, 3]), { phases: { recalculateAt: [0, 3, 7, -1], baselineEnd: 9 } });
        expect(chart.periods.map(p => [p.start, p.end, p.baselineEnd])).toEqual([[0, 3, 3]]);
        expect(() => xmrChart(series([1, 2, 3]), { phases: { recalculateAt: [1.5] } })).toThrow(RangeError);
        expect(() => xmrChart(series([1, 2, 3]), { phases: { baselineEnd: Number.NaN } })).toThrow(RangeError);
    });
});

describe('XmR edge cases', () => {
    test('an empty series has no periods and no readings', () => {
        expect(xmrChart([], { direction: 'increase', target: 3 })).toMatchObject({
            length: 0,
            points: [],
            periods: [],
            variation: undefined,
            assurance: undefined,
        });
    });

    test('one point has a centre line but no moving range, so no limits', () => {
        const chart = xmrChart(series([4]), { direction: 'increase', target: 3 });
        expect(chart.points[0]).toMatchObject({ value: 4, centre: 4, lower: undefined, upper: undefined });
        expect(chart).toMatchObject({ variation: 'common cause', assurance: undefined });
    });

    test('all equal values: zero-width limits, no special cause', () => {
        const chart = xmrChart(series(Array(20).fill(3)), { direction: 'increase' });
        expect(chart.periods[0]).toMatchObject({ centre: 3, lower: 3, upper: 3, meanMovingRange: 0 });
        expect(chart.points.every(point => point.variation === 'common cause')).toBe(true);
    });

    test('a point without a value has no limits, no flag, and its neighbours are read as adjacent', () => {
        const values = [2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 1.5, 1.5, 1.5, Number.NaN, 1.5, 1.5, 1.5, 1.5];
        const chart = xmrChart(series(values), { phases: { baselineEnd: 12 } });
        expect(chart.points[15]).toMatchObject({ value: undefined, centre: undefined, causes: [] });
        expect(chart.points[15].variation).toBe('common cause');
        expect(flagged(chart.points, 'shift')).toEqual([13, 14, 15, 17, 18, 19, 20]);
    });

    test('a point with a denominator is charted as its ratio, and a zero denominator as no value', () => {
        const chart = xmrChart(series([1, 3, 5], [2, 4, 0]));
        expect(chart.points.map(point => point.value)).toEqual([0.5, 0.75, undefined]);
        expect(chart.periods[0].centre).toBe(0.625);
    });
});
