import { describe, expect, test } from 'vitest';
import { readDataFile } from '../../language/src/data/data-file.js';
import { plottedValues, readMeasure, summarise } from '../../language/src/data/measure-reading.js';
import { pChart, pointsOf } from '../../language/src/statistics/index.js';
import * as ast from '../../language/src/generated/ast.js';
import { loadModel } from '../support/workspace.js';
import { dayOf } from '../../language/src/utils/dates.js';

const MODEL = `activity Rounding { starts 2025-07-01 }
outcome Fewer { horizon short }
link Rounding -> Fewer { mechanism "Needs met" }
side-effect LessTime { from Rounding }
measure Falls { kind outcome measures Fewer direction decrease chart xmr recalculate at 2025-10-01 }
measure Bells { kind balancing measures LessTime }
measure Scored { kind process measures Fewer unit "%" direction increase chart p target reach 95 }
`;

async function reading(name: string, csv: string, asOf: string) {
    const model = await loadModel(MODEL);
    const analysis = model.services.analysis.ModelAnalysis;
    const programme = analysis.modelOf(model.document('model.toc'));
    const measure = programme.measures.find(m => m.name === name)!;
    return readMeasure(measure, readDataFile(csv), programme, asOf);
}

describe("a measure's reading", () => {
    test('the baseline ends when the first activity driving it starts; a side effect takes the start of what it comes from', async () => {
        const csv = 'date,value\n2025-05-01,3\n2025-06-01,4\n2025-07-01,5\n2025-08-01,4\n';
        const falls = await reading('Falls', csv, '2026-01-01');
        expect(falls).toMatchObject({ chart: 'xmr', workStarts: '2025-07-01', baselineEnd: 2 });
        expect(falls.spc).toBeDefined();
        const bells = await reading('Bells', csv, '2026-01-01');
        expect(bells).toMatchObject({ chart: 'run', workStarts: '2025-07-01', baselineEnd: 2 });
        expect(bells.run?.useful).toBeGreaterThan(0);
    });

    test('points after the check date are left out, so a check as of a date gives the same reading later', async () => {
        const csv = 'date,value\n2025-05-01,3\n2025-06-01,4\n2025-07-01,5\n2025-08-01,4\n';
        expect((await reading('Falls', csv, '2025-06-15')).series.days).toEqual(
            Int32Array.from(['2025-05-01', '2025-06-01'], dayOf),
        );
    });

    test('recalculate at starts a new period of limits', async () => {
        const month = (i: number) => `2025-${String(i + 1).padStart(2, '0')}-01`;
        const rows = Array.from({ length: 12 }, (_, i) => `${month(i)},${i % 2 === 0 ? 3 : 5}`).join('\n');
        const falls = await reading('Falls', `date,value\n${rows}\n`, '2026-01-01');
        // Points from 2025-10-01 (the tenth) on are a period of their own.
        expect(falls.spc!.periods.map(p => p.start)).toEqual([0, 9]);
    });

    test('rows of sites only are combined date by date: counts and denominators added', async () => {
        const csv =
            'date,value,denominator,site\n2025-05-01,3,100,Ward7\n2025-05-01,5,300,Ward9\n2025-06-01,2,100,Ward7\n';
        expect(pointsOf((await reading('Falls', csv, '2026-01-01')).series)).toEqual([
            { date: '2025-05-01', value: 8, denominator: 400 },
            { date: '2025-06-01', value: 2, denominator: 100 },
        ]);
    });

    test('rows with no site are the measure’s own series, beside the sites’ rows', async () => {
        const csv = 'date,value,site\n2025-05-01,3,\n2025-05-01,9,Ward7\n';
        expect(pointsOf((await reading('Falls', csv, '2026-01-01')).series)).toEqual([
            { date: '2025-05-01', value: 3 },
        ]);
    });

    test('a p chart is read in percent, so a target in percent is read against limits in percent', async () => {
        const month = (i: number) => `2024-${String(i + 1).padStart(2, '0')}-01`;
        // Twelve audits of 40 sets, about nine in ten scored right, before and after the work (illustrative).
        const rows = Array.from({ length: 12 }, (_, i) => `${month(i)},${i % 2 === 0 ? 36 : 37},40`).join('\n');
        const scored = await reading('Scored', `date,value,denominator\n${rows}\n`, '2026-01-01');
        const values = plottedValues(scored);
        expect(values[0]).toBeCloseTo(90);
        expect(values[1]).toBeCloseTo(92.5);
        const point = scored.spc!.points[0];
        // The same limits as the chart of proportions, times 100.
        const proportions = pChart(scored.series, { phases: { baselineEnd: scored.baselineEnd } }).points[0];
        expect(point.centre).toBeCloseTo(proportions.centre! * 100);
        expect(point.upper).toBeCloseTo(proportions.upper! * 100);
        expect(point.lower).toBeCloseTo(proportions.lower! * 100);
        // 95% lies within limits of about 78% to 100%: hit and miss, not a target the process cannot meet.
        expect(summarise(scored)).toMatchObject({ latest: { value: 92.5 }, assurance: 'hit and miss' });
    });
});

test('the model parses chart and recalculate at', async () => {
    const model = await loadModel(MODEL);
    const falls = (model.document('model.toc').parseResult.value as ast.Model).elements.filter(ast.isMeasure)[0];
    expect([falls.chart, falls.recalculations]).toEqual(['xmr', ['2025-10-01']]);
});
