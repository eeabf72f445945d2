// Bundles the in-editor test suite (test/e2e/suite/*.ts) into one CommonJS file that VS Code can
// load as `--extensionTestsPath`. `vscode` is provided by the extension host; `mocha` is loaded from
// the project's node_modules. Written under .e2e/ (ignored by git).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const SUITE_BUNDLE = join(ROOT, '.e2e', 'out', 'suite.cjs');
/** The suite for a workspace the user has not trusted, run in a session of its own. */
export const RESTRICTED_BUNDLE = join(ROOT, '.e2e', 'out', 'restricted.cjs');

/** Builds one suite bundle and returns its path. */
async function bundle(entry, outfile) {
    await esbuild.build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
        sourcemap: 'inline',
        logLevel: 'warning',
    });
    return outfile;
}

/** Builds the main suite bundle and returns its path. */
export function buildSuite() {
    return bundle(join(ROOT, 'test', 'e2e', 'suite', 'index.ts'), SUITE_BUNDLE);
}

/** Builds the Restricted Mode suite bundle and returns its path. */
export function buildRestrictedSuite() {
    return bundle(join(ROOT, 'test', 'e2e', 'restricted', 'index.ts'), RESTRICTED_BUNDLE);
}

/** The extension under test is this repository; it runs from dist/, made by `npm run build`. */
export function checkExtensionBuilt() {
    const missing = ['dist/extension.cjs', 'dist/server.js', 'dist/server-main.js', 'dist/webview/webview.js'].filter(
        file => !existsSync(join(ROOT, file)),
    );
    if (missing.length > 0) {
        throw new Error(`The extension is not built (${missing.join(', ')} missing): run \`npm run build\` first.`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    console.log(await buildSuite());
}
