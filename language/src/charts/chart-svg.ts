/**
 * Run, XmR, p and u charts as SVG text, with no DOM: scales and the line's path come from d3-scale
 * and d3-shape, the rest is written out here. The same text goes to a file, a PNG and a webview.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { MeasureReading } from '../data/measure-reading.js';
import { plottedValues, summarise } from '../data/measure-reading.js';
import type { Variation } from '../statistics/index.js';
import { xmlText } from '../utils/text.js';
import { MS_PER_DAY } from '../utils/dates.js';
import { dateAt } from '../statistics/series.js';

export interface ChartSpec {
    /** The measure's name and title, as the chart is headed. */
    readonly name: string;
    readonly title?: string;
    readonly unit?: string;
    /** An absolute target to draw, when the measure has one. */
    readonly target?: number;
    readonly reading: MeasureReading;
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 44, right: 24, bottom: 36, left: 56 };
const FONT = 'font-family="Liberation Sans, Arial, Helvetica, sans-serif"';

/** Making Data Count's colours: improvement blue, concern orange, common cause grey. */
const POINT_COLOUR: Record<Variation, string> = {
    'common cause': '#7b7d7d',
    'special cause improvement': '#289de0',
    'special cause concern': '#fab428',
    'special cause neither': '#361475',
};

const CHART_LABEL = { run: 'Run chart', xmr: 'XmR chart', p: 'p chart', u: 'u chart' } as const;

/** One chart as an SVG fragment (a `<g>`), `WIDTH` by `HEIGHT`, its top-left at `(x, y)`. */
export function chartGroup(spec: ChartSpec, x = 0, y = 0): string {
    const { reading } = spec;
    const values = plottedValues(reading);
    const dates = Array.from(reading.series.days, day => new Date(day * MS_PER_DAY));
    const spcPoints = reading.spc?.points ?? [];
    const levels = [
        ...values,
        ...spcPoints.flatMap(point => [point.lower, point.upper, point.centre]),
        reading.run?.centre,
        spec.target,
    ].filter((v): v is number => v !== undefined && Number.isFinite(v));
    const [low, high] = levels.length > 0 ? [Math.min(...levels), Math.max(...levels)] : [0, 1];
    const pad = (high - low || Math.abs(high) || 1) * 0.08;
    const yScale = scaleLinear()
        .domain([low - pad, high + pad])
        .nice()
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const first = dates[0] ?? new Date(0);
    const last = dates.at(-1) ?? first;
    const xScale = scaleUtc()
        .domain(
            first.getTime() === last.getTime()
                ? [new Date(first.getTime() - 864e5), new Date(last.getTime() + 864e5)]
                : [first, last],
        )
        .range([MARGIN.left, WIDTH - MARGIN.right]);
    const px = (i: number) => xScale(dates[i]).toFixed(1);
    const py = (v: number) => yScale(v).toFixed(1);

    const parts: string[] = [];
    const summary = summarise(reading);
    const heading = spec.title ? `${spec.name}: ${spec.title}` : spec.name;
    parts.push(
        `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
        `<text x="${MARGIN.left}" y="18" ${FONT} font-size="13" font-weight="bold" fill="#1f2d3a">${xmlText(heading)}</text>`,
        `<text x="${MARGIN.left}" y="34" ${FONT} font-size="11" fill="#4a5a6a">${xmlText(
            [CHART_LABEL[reading.chart], summary.signal, summary.assurance, spec.unit].filter(Boolean).join(' · '),
        )}</text>`,
    );
    // Axes: value ticks on the left, a few date ticks along the bottom.
    for (const tick of yScale.ticks(5)) {
        parts.push(
            `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(tick)}" y2="${py(tick)}" stroke="#eceff1"/>`,
            `<text x="${MARGIN.left - 6}" y="${py(tick)}" dy="4" text-anchor="end" ${FONT} font-size="10" fill="#4a5a6a">${xmlText(yScale.tickFormat(5)(tick))}</text>`,
        );
    }
    for (const tick of xScale.ticks(6)) {
        const at = xScale(tick).toFixed(1);
        parts.push(
            `<text x="${at}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" ${FONT} font-size="10" fill="#4a5a6a">${tick.toISOString().slice(0, 7)}</text>`,
        );
    }
    // Where the work began: the baseline ends there.
    const starts = reading.workStarts && new Date(`${reading.workStarts}T00:00:00Z`);
    if (starts && starts > first && starts <= last) {
        const at = xScale(starts).toFixed(1);
        parts.push(
            `<line class="work-starts" x1="${at}" x2="${at}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#9aa5b1" stroke-dasharray="2 3"/>`,
            `<text x="${(Number(at) + 4).toFixed(1)}" y="${MARGIN.top + 10}" ${FONT} font-size="9" fill="#4a5a6a">work starts</text>`,
        );
    }
    // Centre line and limits, period by period (p and u limits follow each point's denominator).
    // Each period's lines are drawn apart: limits recalculated at a date jump there, not slope.
    const stepped = (
        indices: readonly number[],
        pick: (i: number) => number | undefined,
        cls: string,
        stroke: string,
        dash: string,
    ) => {
        const path = line<number>()
            .defined(i => pick(i) !== undefined)
            .x(i => xScale(dates[i]))
            .y(i => yScale(pick(i)!))(indices);
        if (path) {
            parts.push(`<path class="${cls}" d="${path}" fill="none" stroke="${stroke}" stroke-width="1.2"${dash}/>`);
        }
    };
    if (reading.spc) {
        const points = reading.spc.points;
        for (const period of reading.spc.periods) {
            const indices = Array.from({ length: period.end - period.start }, (_, k) => period.start + k);
            stepped(indices, i => points[i].centre, 'centre', '#1f2d3a', '');
            stepped(indices, i => points[i].upper, 'limit', '#9aa5b1', ' stroke-dasharray="5 3"');
            stepped(indices, i => points[i].lower, 'limit', '#9aa5b1', ' stroke-dasharray="5 3"');
        }
    } else if (reading.run?.centre !== undefined) {
        const y = py(reading.run.centre);
        parts.push(
            `<line class="centre" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#1f2d3a" stroke-width="1.2"/>`,
        );
    }
    if (spec.target !== undefined) {
        const y = py(spec.target);
        parts.push(
            `<line class="target" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#de1b1b" stroke-dasharray="8 4"/>`,
            `<text x="${WIDTH - MARGIN.right}" y="${y}" dy="-4" text-anchor="end" ${FONT} font-size="10" fill="#de1b1b">target ${xmlText(String(spec.target))}</text>`,
        );
    }
    // The data, then each point coloured by what it shows.
    const path = line<number>()
        .defined(i => values[i] !== undefined)
        .x(i => xScale(dates[i]))
        .y(i => yScale(values[i]!))(values.map((_, i) => i));
    if (path) {
        parts.push(`<path class="series" d="${path}" fill="none" stroke="#5b6b7b" stroke-width="1.5"/>`);
    }
    const runFlag = (i: number) => reading.run?.longRuns.find(run => i >= run.first && i <= run.last)?.reading;
    values.forEach((value, i) => {
        if (value === undefined) {
            return;
        }
        const variation: Variation =
            spcPoints[i]?.variation ??
            (runFlag(i) === 'improvement'
                ? 'special cause improvement'
                : runFlag(i) === 'concern'
                  ? 'special cause concern'
                  : 'common cause');
        parts.push(
            `<circle class="point ${variation.replace(/ /g, '-')}" cx="${px(i)}" cy="${py(value)}" r="3.5" fill="${POINT_COLOUR[variation]}"><title>${xmlText(`${dateAt(reading.series, i)}: ${value}${variation === 'common cause' ? '' : ` (${variation})`}`)}</title></circle>`,
        );
    });
    return `<g class="toc-chart" transform="translate(${x} ${y})">${parts.join('')}</g>`;
}

/** Charts one above another in one SVG document. */
export function chartsSvg(specs: readonly ChartSpec[]): string {
    const height = Math.max(1, specs.length) * HEIGHT;
    const groups = specs.map((spec, i) => chartGroup(spec, 0, i * HEIGHT)).join('\n');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">\n${groups}\n</svg>\n`;
}
