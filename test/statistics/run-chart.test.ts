import { describe, expect, test } from 'vitest';
import {
    binomialHalfQuantile,
    crossingsLimit,
    longestRunLimit,
    median,
    runChart,
} from '../../language/src/statistics/run-chart.js';
import { series } from './points.js';

/**
 * Critical values for 10–100 useful observations as Anhøj prints them: qicharts2 vignette,
 * "Appendix 2: Critical values for longest run and number of crossings" (anhoej/qicharts2,
 * docs/articles/qicharts2.html, commit 1b9487e), the same table as Appendix D of Anhøj & Mohammed,
 * "Mastering Statistical Process Control Charts in Healthcare" (anhoej/spc4hc, 95_runs_limits.Rmd).
 * Each row: n, upper limit for the longest run, lower limit for the number of crossings.
 */
const QICHARTS2_APPENDIX_2 = `
10 6 2, 11 6 2, 12 7 3, 13 7 3, 14 7 4, 15 7 4, 16 7 4, 17 7 5, 18 7 5, 19 7 6, 20 7 6, 21 7 6, 22 7 7,
23 8 7, 24 8 8, 25 8 8, 26 8 8, 27 8 9, 28 8 9, 29 8 10, 30 8 10, 31 8 11, 32 8 11, 33 8 11, 34 8 12,
35 8 12, 36 8 13, 37 8 13, 38 8 14, 39 8 14, 40 8 14, 41 8 15, 42 8 15, 43 8 16, 44 8 16, 45 8 17, 46 9 17,
47 9 17, 48 9 18, 49 9 18, 50 9 19, 51 9 19, 52 9 20, 53 9 20, 54 9 21, 55 9 21, 56 9 21, 57 9 22, 58 9 22,
59 9 23, 60 9 23, 61 9 24, 62 9 24, 63 9 25, 64 9 25, 65 9 25, 66 9 26, 67 9 26, 68 9 27, 69 9 27, 70 9 28,
71 9 28, 72 9 29, 73 9 29, 74 9 29, 75 9 30, 76 9 30, 77 9 31, 78 9 31, 79 9 32, 80 9 32, 81 9 33, 82 9 33,
83 9 34, 84 9 34, 85 9 34, 86 9 35, 87 9 35, 88 9 36, 89 9 36, 90 9 37, 91 10 37, 92 10 38, 93 10 38,
94 10 39, 95 10 39, 96 10 39, 97 10 40, 98 10 40, 99 10 41, 100 10 41`
    .split(',')
    .map(row => row.trim().split(/\s+/).map(Number));

describe('Anhøj critical values', () => {
    test.each(QICHARTS2_APPENDIX_2)(
        'n = %i: longest run limit %i, crossings limit %i (qicharts2 vignette, Appendix 2)',
        (n, runLimit, crossings) => {
            expect(longestRunLimit(n)).toBe(runLimit);
            expect(crossingsLimit(n)).toBe(crossings);
        },
    );

    test('the binomial quantile is exact where floating point would be at its edge', () => {
        // qbinom(0.5, 1, 0.5) = 0 and qbinom(0.75, 2, 0.5) = 1: P(X ≤ c) equals the probability exactly.
        expect(binomialHalfQuantile(0.5, 1)).toBe(0);
        expect(binomialHalfQuantile(0.75, 2)).toBe(1);
        expect(binomialHalfQuantile(0.7500001, 2)).toBe(2);
        expect(binomialHalfQuantile(1, 5)).toBe(5);
        expect(binomialHalfQuantile(0, 5)).toBe(0);
        expect(binomialHalfQuantile(0.05, 0)).toBe(0);
    });

    test('series far longer than any table still get a limit', () => {
        // 4917: checked with Python's exact integers (smallest k with 20 · Σ C(9999, i≤k) ≥ 2^9999);
        // the normal approximation gives 4999.5 − 1.645 × 50 ≈ 4917.3.
        expect(crossingsLimit(10_000)).toBe(4917);
        expect(longestRunLimit(10_000)).toBe(16);
    });

    test('nonsense arguments are refused', () => {
        expect(() => binomialHalfQuantile(0.05, 2.5)).toThrow(RangeError);
        expect(() => binomialHalfQuantile(0.05, -1)).toThrow(RangeError);
        expect(() => binomialHalfQuantile(1.5, 3)).toThrow(RangeError);
        expect(() => binomialHalfQuantile(Number.NaN, 3)).toThrow(RangeError);
    });
});

describe('published run chart analyses', () => {
    test('systolic blood pressure: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, §5.1 (Figure 5.2)', () => {
        // Mohammed et al. 2008's 26 morning readings (anhoej/spc4hc, 21_first_charts.Rmd). The book:
        // "the longest run consists of four data points (#14-#17), and the data cross the centre line
        // nine times. Four observations (#4, #7, #10, #26) lie exactly on the centre line, leaving 22
        // useful observations ... the upper limit for the longest run is 7, which also corresponds to
        // the lower limit for the number of crossings. Since neither limit is exceeded, there is no
        // evidence of sustained shifts or trends".
        const systolic = [
            169, 172, 175, 174, 161, 142, 174, 171, 168, 174, 180, 194, 161, 181, 175, 176, 186, 166, 157, 183, 177,
            171, 185, 176, 181, 174,
        ];
        const chart = runChart(series(systolic));
        expect(chart).toMatchObject({
            centre: 174,
            useful: 22,
            longestRun: 4,
            longestRunLimit: 7,
            crossings: 9,
            crossingsLimit: 7,
            longRuns: [],
            fewCrossings: false,
            signal: false,
        });
        expect([4, 7, 10, 26].map(n => systolic[n - 1])).toEqual([174, 174, 174, 174]);
    });

    test('C. difficile infections against their mean: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, §7.1', () => {
        // data/cdiff.csv of anhoej/spc4hc; the book draws a C chart with its centre line at the mean
        // (5.041667, printed in §7.1) and reads "an unusually long run of 11 data points below the
        // centre line (#14–#24), and the line crosses the centre line only 7 times".
        const infections = [12, 7, 1, 4, 4, 5, 8, 5, 8, 3, 5, 6, 7, 4, 5, 3, 4, 4, 3, 4, 5, 4, 5, 5];
        const mean = infections.reduce((a, b) => a + b) / infections.length;
        const chart = runChart(series(infections), { centre: mean, direction: 'decrease' });
        expect(chart).toMatchObject({ useful: 24, longestRun: 11, crossings: 7, signal: true });
        // Critical values for 24 useful observations, from the table above: 8 and 8.
        expect(chart).toMatchObject({ longestRunLimit: 8, crossingsLimit: 8, fewCrossings: true });
        expect(chart.longRuns).toEqual([{ first: 13, last: 23, length: 11, side: 'below', reading: 'improvement' }]);
    });

    test('the 13-point sequence of Wentzel-Larsen & Anhøj, Science Trends 2019 ("crossings, runs and crossrun")', () => {
        // "there are crossings of the midline from time 3 to 4, 6 to 7, 7 to 8, 9 to 10, and 10 to 11
        // ... the longest run ... occurs at the time of 4, 5, and 6. Thus, there are five crossings,
        // and the longest run is three ... For 13 data points, non-random variation is declared if
        // there are less than three crossings". The midline is given (a median from a previous period).
        const sides = [1, 1, 1, -1, -1, -1, 1, -1, -1, 1, -1, -1, -1];
        const chart = runChart(series(sides), { centre: 0 });
        expect(chart).toMatchObject({ useful: 13, crossings: 5, longestRun: 3, crossingsLimit: 3, signal: false });
    });
});

describe('run chart rules', () => {
    test('points on the centre line neither break nor extend a run', () => {
        const chart = runChart(series([1, 1, 0, 1, -1]), { centre: 0 });
        expect(chart).toMatchObject({ useful: 4, longestRun: 3, crossings: 1 });
    });

    test('the reading of a long run follows the better direction', () => {
        const values = [...Array(10).fill(5), ...[1, 9, 1, 9, 1, 9, 1, 9, 1, 9]];
        const above = runChart(series(values), { centre: 3, direction: 'increase' });
        expect(above.longRuns).toEqual([{ first: 0, last: 9, length: 10, side: 'above', reading: 'improvement' }]);
        expect(runChart(series(values), { centre: 3, direction: 'decrease' }).longRuns[0].reading).toBe('concern');
        expect(runChart(series(values), { centre: 3 }).longRuns[0].reading).toBeUndefined();
    });

    test('the thresholds can be configured', () => {
        const values = [1, 1, 1, 1, 1, 1, 1, -1, 1, -1, 1, -1];
        expect(runChart(series(values), { centre: 0 }).signal).toBe(false);
        const strict = runChart(series(values), { centre: 0, options: { longestRunOffset: 2 } });
        expect(strict).toMatchObject({ longestRunLimit: 6, signal: true });
        const crossings = runChart(series(values), { centre: 0, options: { crossingsProbability: 0.5 } });
        expect(crossings).toMatchObject({ crossingsLimit: 5, fewCrossings: false });
    });

    test('the median of an even number of values is the mean of the middle two', () => {
        expect(median([4, 1, 3, 2])).toBe(2.5);
        expect(median([3, 1, 2])).toBe(2);
        expect(median([])).toBeUndefined();
    });

    test('a point with a denominator is plotted as its ratio', () => {
        const chart = runChart(series([1, 2, 3], [2, 4, 0]));
        expect(chart).toMatchObject({ centre: 0.5, useful: 0 });
    });
});

describe('run chart edge cases', () => {
    test('an empty series has no centre and no signal', () => {
        expect(runChart([])).toEqual({
            centre: undefined,
            useful: 0,
            longestRun: 0,
            longestRunLimit: undefined,
            crossings: 0,
            crossingsLimit: undefined,
            longRuns: [],
            fewCrossings: false,
            signal: false,
        });
    });

    test('one point lies on its own median', () => {
        expect(runChart(series([7]))).toMatchObject({ centre: 7, useful: 0, signal: false });
    });

    test('all points on the median: no useful observation, no limits, no signal', () => {
        const chart = runChart(series(Array(30).fill(4)), { direction: 'increase' });
        expect(chart).toMatchObject({ centre: 4, useful: 0, longestRunLimit: undefined, signal: false });
    });

    test('points without a value are left out', () => {
        const chart = runChart(series([1, Number.NaN, 3, Number.POSITIVE_INFINITY, 2]));
        expect(chart).toMatchObject({ centre: 2, useful: 2, crossings: 1 });
    });
});
