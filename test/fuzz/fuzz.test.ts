/**
 * A short, deterministic run of the property-based fuzzing (see `properties.ts`): 100 generated
 * and 100 mutated models. `npm run fuzz` runs the long version (`long.fuzz.ts`).
 */
import { describe, expect, test } from 'vitest';
import { generatedCase, mutatedCase, run } from './properties.js';

describe('fuzzing (short run)', () => {
    test('generated models: parse, link, validate, hover, symbols and formatting hold up', async () => {
        const stats = await run(generatedCase, 100, 20_251);
        expect(stats.cases).toBeGreaterThanOrEqual(100);
        // The generator is meant to produce mostly well-formed models, so formatting gets exercised.
        expect(stats.formatted).toBeGreaterThan(30);
    }, 120_000);

    test('mutated examples: parse, link, validate, hover, symbols and formatting hold up', async () => {
        const stats = await run(mutatedCase, 100, 4_242);
        expect(stats.cases).toBeGreaterThanOrEqual(100);
        expect(stats.withSyntaxErrors).toBeGreaterThan(30);
    }, 120_000);
});
