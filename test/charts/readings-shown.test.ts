import { describe, expect, test } from 'vitest';
import { measureCharts, previewCharts } from '../../language/src/charts/measure-charts.js';
import { sparkline } from '../../language/src/charts/sparkline.js';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import { toDot } from '../../language/src/diagram/dot.js';
import { loadWorkspace } from '../support/workspace.js';

const month = (i: number) => new Date(Date.UTC(2024, i + 1, 0)).toISOString().slice(0, 10);
const csv = (values: number[]) => ['date,value', ...values.map((v, i) => `${month(i)},${v}`)].join('\n') + '\n';
/** Fifteen steady months, then fifteen lower once rounding started (illustrative). */
const FALLING = [
    ...Array.from({ length: 15 }, (_, i) => (i % 2 ? 6.4 : 6)),
    ...Array.from({ length: 15 }, (_, i) => (i % 2 ? 4.2 : 4)),
];
/** Thirty months of the same up and down, whatever the work. */
const FLAT = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 5.4 : 5));

const MODEL = `programme Falls "Fewer falls" { aims FewerFalls }
activity Rounding { starts 2025-04-01 }
outcome RoundsDone { horizon short }
outcome FewerFalls { horizon long }
link Rounding -> RoundsDone { mechanism "m" }
link RoundsDone -> FewerFalls { mechanism "m" }
measure Rounds { kind process measures RoundsDone direction increase }
measure FallsRate { kind outcome measures FewerFalls direction decrease data "falls.csv" chart xmr target reach 3 }
measure Harm { kind balancing measures Rounding direction decrease data "harm.csv" chart xmr }
`;

async function workspace(falls: number[]) {
    return loadWorkspace(
        {
            'plan.toc': MODEL,
            'falls.csv': csv(falls),
            'harm.csv': csv(FLAT),
            'toc.config.json': '{ "asOf": "2026-12-31" }',
        },
        ['plan.toc'],
    );
}

describe('a sparkline', () => {
    test('scales the latest values from the lowest block to the highest, a gap as a space', () => {
        expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
        expect(sparkline([10, undefined, 0])).toBe('█ ▁');
        expect(sparkline([4, 4, 4])).toBe('▄▄▄');
        expect(sparkline(Array.from({ length: 30 }, (_, i) => i))).toHaveLength(24);
    });
});

describe("measures' readings on the diagrams and in the Measures view", () => {
    test('a measure whose data show a special cause has its badge under each box, explained in the legend', async () => {
        const ws = await workspace(FALLING);
        for (const view of ['map', 'driver'] as const) {
            const dot = toDot(diagramOf(ws.services, ws.document('plan.toc'), view));
            expect(dot).toContain('ID="badge-FewerFalls-FallsRate-improvement"');
            expect(dot).toContain('TITLE="FallsRate: special cause: improvement"');
            // Common cause only: a grey badge of its own.
            expect(dot).toContain('ID="badge-Rounding-Harm-common-cause"');
            expect(dot).toMatch(/<B>Data<\/B>.*special cause: improvement.*common cause variation only/);
            // A measure with no data has no badge.
            expect(dot).not.toContain('badge-RoundsDone-Rounds');
        }
    });

    test('a target the process will not meet shows the assurance badge; a model without data has no badges', async () => {
        const ws = await workspace(FLAT);
        const dot = toDot(diagramOf(ws.services, ws.document('plan.toc'), 'map'));
        expect(dot).toContain('ID="badge-FewerFalls-FallsRate-target-not-met"');
        expect(dot).toContain('target: will not be met');
        const plain = await loadWorkspace({ 'plan.toc': MODEL.replace(/ data "\w+\.csv"/g, '') }, ['plan.toc']);
        const none = toDot(diagramOf(plain.services, plain.document('plan.toc'), 'map'));
        expect(none).not.toContain('badge-');
        expect(none).not.toContain('<B>Data</B>');
    });

    test('the Measures view lists every measure from the aim down, each with its chart or why it has none', async () => {
        const ws = await workspace(FALLING);
        const root = ws.document('plan.toc');
        expect(measureCharts(ws.services, root).map(chart => chart.measure.name)).toEqual([
            'FallsRate',
            'Rounds',
            'Harm',
        ]);
        const { title, charts } = previewCharts(ws.services, root);
        expect(title).toBe('Fewer falls');
        const [falls, rounds, harm] = charts;
        expect(falls).toMatchObject({
            id: 'chart-FallsRate',
            kind: 'outcome',
            of: ['FewerFalls'],
            badges: [{ key: 'improvement' }, { key: 'target-not-met' }],
        });
        expect(falls.svg).toMatch(/^<svg [^>]*viewBox="0 0 640 300"/);
        expect(falls.reading).toMatch(
            /^latest 4 on 2026-06-30 · special cause improvement · will consistently fail · 30 points, xmr chart$/,
        );
        expect(falls.location?.range.start.line).toBe(7);
        expect(rounds).toMatchObject({ badges: [], missing: expect.stringContaining('No data yet') });
        expect(rounds.svg).toBeUndefined();
        expect(harm.badges.map(badge => badge.key)).toEqual(['common-cause']);
    });

    test('a data file that cannot be used is said so in the Measures view, with its finding', async () => {
        const ws = await loadWorkspace(
            { 'plan.toc': MODEL, 'falls.csv': 'date,value\n2025-01-31,n/a\n', 'harm.csv': csv(FLAT) },
            ['plan.toc'],
        );
        const falls = previewCharts(ws.services, ws.document('plan.toc')).charts[0];
        expect(falls.missing).toContain('cannot be used');
        expect(falls.findings.map(finding => finding.rule)).toContain('data-unreadable');
    });
});
