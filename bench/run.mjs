// `npm run bench`: every benchmark, one after another, against the production bundles.
import { spawnSync } from 'node:child_process';

const benchmarks = ['bench/server-start.mjs'];
for (const script of benchmarks) {
    const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
    if (result.status !== 0) {
        process.exit(result.status ?? 1);
    }
}
