import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['scripts/polyfills.mjs'],
        testTimeout: 30_000,
    },
});
