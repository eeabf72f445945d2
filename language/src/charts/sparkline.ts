/** Block characters from the lowest value to the highest: a chart that fits in a hover or a terminal. */
const BARS = '▁▂▃▄▅▆▇█';

/** The points a sparkline shows at most: the latest ones. */
export const SPARKLINE_POINTS = 24;

/**
 * The latest values as block characters scaled between their lowest and highest; a point with no
 * value is a space, and values that are all the same sit mid-height.
 */
export function sparkline(values: readonly (number | undefined)[]): string {
    const shown = values.slice(-SPARKLINE_POINTS);
    const numbers = shown.filter((value): value is number => value !== undefined && Number.isFinite(value));
    const low = Math.min(...numbers);
    const span = Math.max(...numbers) - low;
    return shown
        .map(value => {
            if (value === undefined || !Number.isFinite(value)) {
                return ' ';
            }
            const level = span === 0 ? 3 : Math.round(((value - low) / span) * (BARS.length - 1));
            return BARS[level];
        })
        .join('');
}
