import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the long property-based fuzzing run, kept out of the normal `vitest run`. */
export default defineConfig({
    test: {
        include: ['test/fuzz/**/*.fuzz.ts'],
        setupFiles: ['scripts/polyfills.mjs'],
        testTimeout: 60_000,
    },
});
