/**
 * The long fuzzing run, `npm run fuzz`: FUZZ_RUNS cases in all (10,000 by default), half generated
 * models and half mutated examples, from the seed FUZZ_SEED (fixed by default, so a failure can be
 * replayed; fast-check prints the seed and path of a counterexample). Not part of `vitest run`:
 * the default configuration only picks up `*.test.ts`.
 */
import { describe, expect, test } from 'vitest';
import { generatedCase, mutatedCase, run, type RunStats } from './properties.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1_905);
// Each case takes a few tens of milliseconds; allow a generous second each.
const TIMEOUT = Math.max(60_000, RUNS * 1_000);

function report(name: string, stats: RunStats): void {
    const known = Object.entries(stats.known).map(([issue, count]) => `${count} showed the known issue "${issue}"`);
    console.log(
        [
            `${name}: ${stats.cases} cases passed in ${(stats.totalMs / 1000).toFixed(1)} s (seed ${SEED})`,
            `  ${stats.withSyntaxErrors} with syntax errors, ${stats.formatted} formatted and compared`,
            `  slowest parse, link and validate: ${Math.round(stats.slowestLoadMs)} ms`,
            ...known.map(line => `  ${line}`),
        ].join('\n'),
    );
}

describe(`fuzzing: ${RUNS} cases`, () => {
    test(
        'generated models',
        async () => {
            const stats = await run(generatedCase, Math.ceil(RUNS / 2), SEED);
            report('generated models', stats);
            expect(stats.cases).toBeGreaterThanOrEqual(Math.ceil(RUNS / 2));
        },
        TIMEOUT,
    );

    test(
        'mutated examples',
        async () => {
            const stats = await run(mutatedCase, Math.floor(RUNS / 2), SEED + 1);
            report('mutated examples', stats);
            expect(stats.cases).toBeGreaterThanOrEqual(Math.floor(RUNS / 2));
        },
        TIMEOUT,
    );
});
