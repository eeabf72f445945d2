/**
 * The badges that carry a measure's reading on the diagrams: one table for variation and one for
 * assurance, with the meanings of NHS England's Making Data Count icons drawn our own way (a
 * coloured square with a sign). The diagrams, their legend, the preview's card and the hover all
 * read these tables.
 */
import type { ReadingSummary, VariationReading } from '../data/reading-brief.js';
import type { Assurance } from '../statistics/index.js';

export interface ReadingIcon {
    /** A class and id fragment: `improvement`, `target-met`. */
    readonly key: string;
    /** One character, drawn in white on `fill`. */
    readonly sign: string;
    readonly fill: string;
    /** What it means, as the legend and tooltips say it. */
    readonly meaning: string;
}

/** Improvement blue, concern orange, neither purple, common cause grey (the Making Data Count colours). */
export const VARIATION_ICONS: { readonly [Reading in VariationReading]: ReadingIcon } = {
    improvement: { key: 'improvement', sign: '+', fill: '#1f7fbf', meaning: 'special cause: improvement' },
    concern: { key: 'concern', sign: '!', fill: '#d27a00', meaning: 'special cause: concern' },
    neither: { key: 'neither', sign: '?', fill: '#4b2a8c', meaning: 'special cause: neither better nor worse' },
    'common cause': { key: 'common-cause', sign: '~', fill: '#6b7072', meaning: 'common cause variation only' },
};

export const ASSURANCE_ICONS: { readonly [Reading in Assurance]: ReadingIcon } = {
    'will consistently pass': { key: 'target-met', sign: 'P', fill: '#1f7fbf', meaning: 'target: will be met' },
    'hit and miss': { key: 'hit-and-miss', sign: 'H', fill: '#6b7072', meaning: 'target: hit and miss' },
    'will consistently fail': { key: 'target-not-met', sign: 'F', fill: '#d27a00', meaning: 'target: will not be met' },
};

/** The badges a reading earns: none with too few points to read. */
export function readingIcons(summary: ReadingSummary): ReadingIcon[] {
    return [
        summary.variation && VARIATION_ICONS[summary.variation],
        summary.assurance && ASSURANCE_ICONS[summary.assurance],
    ].filter((icon): icon is ReadingIcon => icon !== undefined);
}
