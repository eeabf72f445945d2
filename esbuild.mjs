// Bundles the extension (CommonJS, `vscode` external), the language server and the CLI (ESM,
// runnable with plain `node`). `--minify` for release builds, `--watch` while developing.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

// Bundled CommonJS dependencies call `require` for Node built-ins; give ESM output one.
const requireShim = "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);";

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
    mainFields: ['module', 'main'],
    define: { __TOC_VERSION__: JSON.stringify(version) },
};

const contexts = await Promise.all([
    esbuild.context({
        ...common,
        entryPoints: { extension: 'extension/src/extension.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        external: ['vscode'],
    }),
    esbuild.context({
        ...common,
        entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli/main.ts' },
        outdir: 'dist',
        format: 'esm',
        banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    }),
]);

if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
