import { describe, expect, test } from 'vitest';
import { pChart, uChart } from '../../language/src/statistics/attribute.js';
import { expectPublished, flagged, series } from './points.js';

/**
 * Montgomery's orange juice cans (Introduction to Statistical Quality Control, 2nd ed., pp. 152–155):
 * nonconforming cans in 30 samples of 50, then 24 more after a machine adjustment, as data/orangejuice.txt
 * and data/orangejuice2.txt of the qcc package (luca-scr/qcc) hold them.
 */
const ORANGE_JUICE = [
    12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];
const ORANGE_JUICE_ADJUSTED = [9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5];

/** Monthly bacteremias, Anhøj & Mohammed, Mastering SPC Charts in Healthcare (anhoej/spc4hc, data/bacteremia.csv). */
const BACTEREMIA = {
    infections: [24, 29, 26, 16, 28, 16, 14, 18, 27, 30, 28, 24, 16, 25, 20, 25, 22, 28, 23, 23, 17, 22, 21, 22],
    riskDays: [
        32421, 29349, 32981, 29588, 30856, 30544, 26482, 27637, 30495, 30600, 31770, 31679, 32720, 29698, 32118, 30212,
        31612, 30514, 26362, 28131, 29071, 28481, 29223, 28611,
    ],
    deaths: [23, 22, 13, 14, 17, 15, 15, 25, 21, 24, 23, 26, 18, 23, 24, 25, 15, 21, 26, 16, 25, 22, 24, 18],
    patients: [
        100, 105, 99, 85, 98, 85, 89, 99, 103, 86, 110, 98, 93, 96, 115, 102, 94, 94, 94, 97, 114, 108, 102, 104,
    ],
};

describe('published p charts', () => {
    test('orange juice trial samples: qcc vignette, "p and np charts" (Montgomery 2nd ed. pp. 152–155)', () => {
        // docs/articles/qcc.html of luca-scr/qcc prints Center 0.2313333, LCL 0.05242755, UCL 0.4102391,
        // and removes samples 15 and 23 as the out-of-control points (a new batch of cardboard stock;
        // an inexperienced operator, as help(orangejuice) explains).
        const chart = pChart(series(ORANGE_JUICE, 50), { direction: 'decrease' });
        expectPublished(chart.periods[0].centre, '0.2313333');
        expectPublished(chart.points[0].lower, '0.05242755');
        expectPublished(chart.points[0].upper, '0.4102391');
        expect(flagged(chart.points, 'outside limits')).toEqual([15, 23]);
        expect(chart.points[14].variation).toBe('special cause concern');
    });

    test('orange juice, revised without samples 15 and 23: Center 0.215, LCL 0.04070284, UCL 0.3892972', () => {
        const chart = pChart(
            series(
                ORANGE_JUICE.filter((_, i) => i !== 14 && i !== 22),
                50,
            ),
        );
        expectPublished(chart.periods[0].centre, '0.215');
        expectPublished(chart.points[0].lower, '0.04070284');
        expectPublished(chart.points[0].upper, '0.3892972');
    });

    test('orange juice after the adjustment: Center 0.1108333, LCL 0 (clamped), UCL 0.2440207', () => {
        const chart = pChart(series(ORANGE_JUICE_ADJUSTED, 50));
        expectPublished(chart.periods[0].centre, '0.1108333');
        expect(chart.points[0].lower).toBe(0);
        expectPublished(chart.points[0].upper, '0.2440207');
    });

    test('30-day mortality after bacteremia: Anhøj & Mohammed, Mastering SPC Charts in Healthcare, §6.3.3', () => {
        // "The average mortality is 21%, and all data points fall within the control limits. As with
        // the U chart, the control limits vary with the size of the denominator."
        const chart = pChart(series(BACTEREMIA.deaths, BACTEREMIA.patients));
        expectPublished(chart.periods[0].centre! * 100, '21');
        expect(flagged(chart.points, 'outside limits')).toEqual([]);
        expect(new Set(chart.points.map(point => point.upper)).size).toBeGreaterThan(1);
    });
});

describe('published u charts', () => {
    test('nonconformities in personal computers: qcc vignette, "c and u charts" (Montgomery 2nd ed. pp. 181–182)', () => {
        // data/pcmanufact.txt of luca-scr/qcc, 20 samples of 5 computers; the vignette prints
        // Center 1.93, LCL 0.06613305, UCL 3.793867.
        const nonconformities = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
        const chart = uChart(series(nonconformities, 5));
        expectPublished(chart.periods[0].centre, '1.93');
        expectPublished(chart.points[0].lower, '0.06613305');
        expectPublished(chart.points[0].upper, '3.793867');
        expect(flagged(chart.points, 'outside limits')).toEqual([]);
    });

    test('circuit board nonconformities per board, samples 6 and 20 removed: Center 0.1966667, LCL 0.06362532, UCL 0.329708', () => {
        // data/circuit.txt of luca-scr/qcc (Montgomery 2nd ed. pp. 173–175), 100 boards a sample, as
        // the qcc vignette's u chart of `x[inc]`, `inc` the trial samples but 6 and 20.
        const circuit = [
            21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15,
        ];
        const chart = uChart(
            series(
                circuit.filter((_, i) => i !== 5 && i !== 19),
                100,
            ),
        );
        expectPublished(chart.periods[0].centre, '0.1966667');
        expectPublished(chart.points[0].lower, '0.06362532');
        expectPublished(chart.points[0].upper, '0.329708');
    });

    test('hospital-acquired bacteremias per 10,000 risk days: Anhøj & Mohammed, §6.3.2', () => {
        // "an average of 7.5 infections per 10,000 risk days, with all data points within control limits".
        const chart = uChart(series(BACTEREMIA.infections, BACTEREMIA.riskDays));
        expectPublished(chart.periods[0].centre! * 10_000, '7.5');
        expect(flagged(chart.points, 'outside limits')).toEqual([]);
    });

    test('bacteremias as counts (a u chart of one unit each is a C chart): UCL 36.94952, CL 22.66667, LCL 8.38381, §6.3.1', () => {
        const chart = uChart(series(BACTEREMIA.infections, 1));
        expectPublished(chart.points[0].upper, '36.94952');
        expectPublished(chart.periods[0].centre, '22.66667');
        expectPublished(chart.points[0].lower, '8.38381');
        expect(flagged(chart.points, 'outside limits')).toEqual([]);
    });

    test('C. difficile infections: Anhøj & Mohammed, §7.1 — ucl 11.77776, lcl 0 (censored), cl 5.041667; #1 above', () => {
        // data/cdiff.csv of anhoej/spc4hc; the book prints these limits and reads "one data point (#1)
        // lies above the upper control limit ... an unusually long run of 11 data points below the
        // centre line (#14–#24)", which the NHS shift rule (seven or more) also finds.
        const infections = [12, 7, 1, 4, 4, 5, 8, 5, 8, 3, 5, 6, 7, 4, 5, 3, 4, 4, 3, 4, 5, 4, 5, 5];
        const chart = uChart(series(infections, 1), { direction: 'decrease' });
        expectPublished(chart.points[0].upper, '11.77776');
        expect(chart.points[0].lower).toBe(0);
        expectPublished(chart.periods[0].centre, '5.041667');
        expect(flagged(chart.points, 'outside limits')).toEqual([1]);
        expect(flagged(chart.points, 'shift')).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
        expect(chart.points[0].variation).toBe('special cause concern');
        expect(chart.variation).toBe('special cause improvement');
    });
});

describe('attribute chart rules', () => {
    test('two of three uses each point its own sigma', () => {
        // p̄ = 0.1: with n = 100 sigma is 0.03, with n = 400 it is 0.015. A proportion of 0.14 is
        // beyond two sigma (and within three) only where n = 400.
        const counts = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 56, 14, 56];
        const sizes = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 400, 100, 400];
        const chart = pChart(series(counts, sizes), { phases: { baselineEnd: 12 } });
        [0.015, 0.03, 0.015].forEach((sigma, i) => expect(chart.points[12 + i].sigma).toBeCloseTo(sigma, 12));
        expect(flagged(chart.points, 'two of three')).toEqual([13, 15]);
    });

    test('the baseline and periods apply as they do on the XmR chart', () => {
        const counts = [...Array(12).fill(5), 30, 30];
        const chart = pChart(series(counts, 100), { phases: { baselineEnd: 12 } });
        expect(chart.periods[0]).toMatchObject({ baselineEnd: 12, centre: 0.05 });
        expect(flagged(chart.points, 'outside limits')).toEqual([13, 14]);
        const recalculated = uChart(series(counts, 100), { phases: { recalculateAt: [12] } });
        expect(recalculated.periods.map(period => period.centre)).toEqual([0.05, 0.3]);
    });

    test("a target reads against the latest point's limits", () => {
        const chart = pChart(series(Array(20).fill(50), 100), { direction: 'increase', target: 0.9 });
        expect(chart.assurance).toBe('will consistently fail');
    });
});

describe('attribute chart edge cases', () => {
    test('an empty series has no periods and no readings', () => {
        for (const chart of [pChart([]), uChart([])]) {
            expect(chart).toMatchObject({
                length: 0,
                points: [],
                periods: [],
                variation: undefined,
                assurance: undefined,
            });
        }
    });

    test('one point gives its own centre line and limits', () => {
        const chart = pChart(series([5], 20));
        expect(chart.points[0]).toMatchObject({ value: 0.25, centre: 0.25, causes: [], variation: 'common cause' });
        expect(chart.points[0].upper).toBeCloseTo(0.25 + 3 * Math.sqrt((0.25 * 0.75) / 20), 12);
    });

    test('all equal: no special cause; all zero: zero-width limits at zero, still none', () => {
        expect(pChart(series(Array(20).fill(3), 30)).points.every(p => p.causes.length === 0)).toBe(true);
        const zero = uChart(series(Array(20).fill(0), 30));
        expect(zero.points[0]).toMatchObject({ centre: 0, lower: 0, upper: 0, sigma: 0 });
        expect(zero.points.every(p => p.causes.length === 0)).toBe(true);
    });

    test('a zero, missing or non-numeric denominator: no value, no limits, no flag, not in the centre line', () => {
        const points = [
            ...series(Array(12).fill(10), 100),
            { date: '2021-01-01', value: 80, denominator: 0 },
            { date: '2021-01-02', value: 80 },
            { date: '2021-01-03', value: 80, denominator: Number.NaN },
        ];
        for (const chart of [pChart(points), uChart(points)]) {
            expect(chart.periods[0].centre).toBe(0.1);
            expect(chart.points.slice(12)).toEqual(
                ['2021-01-01', '2021-01-02', '2021-01-03'].map(date => ({
                    date,
                    value: undefined,
                    period: 0,
                    centre: undefined,
                    lower: undefined,
                    upper: undefined,
                    sigma: undefined,
                    causes: [],
                    side: undefined,
                    variation: 'common cause',
                })),
            );
            expect(chart.variation).toBe('common cause');
        }
    });

    test('a period whose points all lack a denominator has no centre line', () => {
        const chart = uChart(series([1, 2, 3], 0));
        expect(chart.periods[0].centre).toBeUndefined();
        expect(chart.variation).toBeUndefined();
    });
});
