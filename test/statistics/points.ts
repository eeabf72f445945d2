import { expect } from 'vitest';
import type { Point } from '../../language/src/statistics/series.js';

/** Points on consecutive days from 2020-01-01, with one denominator for all or one each. */
export function series(values: readonly number[], denominators?: number | readonly number[]): Point[] {
    return values.map((value, i) => {
        const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
        if (denominators === undefined) {
            return { date, value };
        }
        return { date, value, denominator: typeof denominators === 'number' ? denominators : denominators[i] };
    });
}

/** `actual` rounds to `published` at the precision it was published with. */
export function expectPublished(actual: number | undefined, published: string): void {
    const decimals = published.split('.')[1]?.length ?? 0;
    expect(actual).toBeDefined();
    expect(Math.abs(actual! - Number(published))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

/** The 1-based numbers of the points flagged with `cause`, as the sources number them. */
export function flagged<T extends { causes: readonly string[] }>(points: readonly T[], cause: string): number[] {
    return points.flatMap((point, i) => (point.causes.includes(cause) ? [i + 1] : []));
}
