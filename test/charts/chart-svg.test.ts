import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { chartsSvg } from '../../language/src/charts/chart-svg.js';
import { readDataFile } from '../../language/src/data/data-file.js';
import { readMeasure } from '../../language/src/data/measure-reading.js';
import { loadModel } from '../support/workspace.js';

const month = (i: number) => new Date(Date.UTC(2024, i + 1, 0)).toISOString().slice(0, 10);
/** Fifteen months before the work, fourteen after at a lower level, then a month far worse (illustrative). */
const VALUES = [
    ...Array.from({ length: 15 }, (_, i) => (i % 2 ? 6.4 : 6)),
    ...Array.from({ length: 14 }, (_, i) => (i % 2 ? 5.2 : 5)),
    8,
];
const CSV = ['date,value', ...VALUES.map((v, i) => `${month(i)},${v}`)].join('\n') + '\n';

async function svgOf(chart: string, title = 'Falls per 1,000 bed-days') {
    const model = await loadModel(
        `activity Rounding { starts 2025-04-01 }\noutcome Fewer\nlink Rounding -> Fewer { mechanism "m" }\nmeasure Falls "${title}" { kind outcome measures Fewer direction decrease target reach 4.9 chart ${chart} }\n`,
    );
    const programme = model.services.analysis.ModelAnalysis.modelOf(model.document('model.toc'));
    const reading = readMeasure(programme.measures[0], readDataFile(CSV), programme, '2026-07-01');
    const svg = chartsSvg([{ name: 'Falls', title, target: 4.9, reading }]);
    return { svg, dom: new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document };
}

describe('charts as SVG', () => {
    test('an XmR chart: centre line, limits, target, where the work starts, and each point coloured by what it shows', async () => {
        const { dom } = await svgOf('xmr');
        expect(dom.querySelectorAll('path.centre')).toHaveLength(1);
        expect(dom.querySelectorAll('path.limit')).toHaveLength(2);
        expect(dom.querySelectorAll('line.target')).toHaveLength(1);
        expect(dom.querySelectorAll('line.work-starts')).toHaveLength(1);
        expect(dom.querySelectorAll('circle.point')).toHaveLength(30);
        expect(dom.querySelectorAll('circle.special-cause-improvement').length).toBeGreaterThanOrEqual(14);
        expect(dom.querySelectorAll('circle.special-cause-concern')).toHaveLength(1);
        expect(dom.querySelector('text')!.textContent).toBe('Falls: Falls per 1,000 bed-days');
        expect(dom.querySelectorAll('text')[1].textContent).toBe(
            'XmR chart · special cause concern · will consistently fail',
        );
    });

    test('limits recalculated at a date are drawn apart, each period with its own lines', async () => {
        const { dom } = await svgOf('xmr recalculate at 2025-04-30');
        expect(dom.querySelectorAll('path.centre')).toHaveLength(2);
        expect(dom.querySelectorAll('path.limit')).toHaveLength(4);
    });

    test('a run chart has a median line and no limits', async () => {
        const { dom } = await svgOf('run');
        expect(dom.querySelectorAll('line.centre')).toHaveLength(1);
        expect(dom.querySelectorAll('path.limit')).toHaveLength(0);
    });

    test('a title with markup is shown as written, and nothing in it acts', async () => {
        const { svg, dom } = await svgOf('xmr', '<script>alert(1)</script> & more');
        expect(svg).not.toContain('<script>');
        expect(dom.querySelector('text')!.textContent).toBe('Falls: <script>alert(1)</script> & more');
    });
});
