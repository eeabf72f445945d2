// `npm run bench`: every benchmark, one after another, against the production bundles.
// TypeScript benchmarks are bundled first, the same way as the product.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: ['bench/validation.ts'],
    outdir: '.bench',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: {
        js: "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
});

const benchmarks = [
    'bench/server-start.mjs',
    '.bench/validation.js',
    'bench/cli-speed.mjs',
    'bench/diagram-speed.mjs',
    'bench/responsiveness.mjs',
    'bench/workspace-scale.mjs',
    'bench/measures-data.mjs',
    'bench/playground.mjs',
];
for (const script of benchmarks) {
    const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
    if (result.status !== 0) {
        process.exit(result.status ?? 1);
    }
}
