// Bundles the in-editor test suite (test/e2e/suite/*.ts) into one CommonJS file that VS Code can
// load as `--extensionTestsPath`. `vscode` is provided by the extension host; `mocha` is loaded from
// the project's node_modules. Written under .e2e/ (ignored by git).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const SUITE_BUNDLE = join(ROOT, '.e2e', 'out', 'suite.cjs');

/** Builds the suite bundle and returns its path. */
export async function buildSuite() {
    await esbuild.build({
        entryPoints: [join(ROOT, 'test', 'e2e', 'suite', 'index.ts')],
        outfile: SUITE_BUNDLE,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
        sourcemap: 'inline',
        logLevel: 'warning',
    });
    return SUITE_BUNDLE;
}

/** The extension under test is this repository; it runs from dist/, made by `npm run build`. */
export function checkExtensionBuilt() {
    const missing = ['dist/extension.cjs', 'dist/server.js', 'dist/server-main.js', 'dist/webview/webview.js'].filter(file => !existsSync(join(ROOT, file)));
    if (missing.length > 0) {
        throw new Error(`The extension is not built (${missing.join(', ')} missing): run \`npm run build\` first.`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    console.log(await buildSuite());
}
