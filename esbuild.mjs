// Bundles the extension (CommonJS, `vscode` external), the language server and the CLI (ESM,
// runnable with plain `node`). `--minify` for release builds, `--watch` while developing.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

if (!watch) {
    // Start from an empty folder so nothing stale is packaged.
    rmSync('dist', { recursive: true, force: true });
}

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
        // The diagram preview's own script and style, for the webview (a browser).
        entryPoints: { webview: 'extension/src/webview/main.ts', 'webview-style': 'extension/src/webview/style.css' },
        outdir: 'dist/webview',
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify,
        sourcemap: !minify,
        logLevel: 'warning',
        entryNames: '[name]',
    }),
    esbuild.context({
        ...common,
        entryPoints: { 'server-main': 'server/src/main.ts', 'cli-main': 'server/src/cli/main.ts' },
        outdir: 'dist',
        format: 'esm',
        // Code only some commands need (the diagram layout engine) goes into chunks loaded on demand.
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        banner: { js: requireShim },
    }),
]);

// resvg's WebAssembly, which the CLI loads from beside its bundle to draw PNGs.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');

// The executables are small launchers: on Node 22+ they let Node keep the compiled bundle between
// runs (a cold `toc check` or server start is then faster), and on older Node they just load it.
for (const [launcher, main] of [['cli.js', 'cli-main.js'], ['server.js', 'server-main.js']]) {
    mkdirSync('dist', { recursive: true });
    writeFileSync(`dist/${launcher}`, [
        '#!/usr/bin/env node',
        "import module from 'node:module';",
        'module.enableCompileCache?.();',
        `await import('./${main}');`,
        '',
    ].join('\n'), { mode: 0o755 });
}

if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
