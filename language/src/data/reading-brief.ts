/**
 * A measure's reading in brief, as plain data: what the measurement plan, the hover, the diagrams
 * and the preview carry. Types only from elsewhere, so that the extension can describe a reading
 * without bundling the statistics.
 */
import type { ChartKind } from '../generated/ast.js';
import type { Assurance } from '../statistics/series.js';

/** A reading in a few words, as the measurement plan and hover show it. */
export interface ReadingSummary {
    readonly latest?: { readonly date: string; readonly value: number };
    /**
     * What the latest data show: `too few points`; on an XmR, p or u chart the NHS variation
     * reading (`common cause`, `special cause improvement`, ...); on a run chart `long run of
     * improvement`, `long run of concern`, `non-random variation` or `random variation`.
     */
    readonly signal: string;
    /** Against the target, on an XmR, p or u chart with an absolute target: the NHS assurance reading. */
    readonly assurance?: Assurance;
    /** What `signal` means whatever the chart, as the badges show it; absent with too few points. */
    readonly variation?: VariationReading;
}

/** What the latest points show, as Making Data Count's variation icons read it. */
export type VariationReading = 'improvement' | 'concern' | 'neither' | 'common cause';

/** A reading's summary with its chart's kind and size: what the diagrams and the hover carry. */
export interface ReadingBrief extends ReadingSummary {
    readonly chart: ChartKind;
    readonly points: number;
}

/** A reading in words: `latest 3 on 2005-06-30 · special cause improvement · 26 points, xmr chart`. */
export function describeBrief(brief: ReadingBrief): string {
    return [
        brief.latest && `latest ${brief.latest.value} on ${brief.latest.date}`,
        brief.signal,
        brief.assurance,
        `${brief.points} points, ${brief.chart} chart`,
    ]
        .filter(part => typeof part === 'string')
        .join(' · ');
}
