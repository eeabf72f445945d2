// Bundles the extension (CommonJS, `vscode` external), the language server and the CLI (ESM,
// runnable with plain `node`). `--minify` for release builds, `--watch` while developing.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

// Bundled CommonJS dependencies call `require` for Node built-ins; give ESM output one.
const requireShim =
    "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);";

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
    // What Node 20 lacks (scripts/polyfills.mjs), ahead of every module in the bundle.
    inject: ['scripts/polyfills.mjs'],
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
        // The extension in VS Code for the Web: the same commands and previews, its language
        // server in a web worker (dist/browser/server-worker.js).
        entryPoints: { 'extension-web': 'extension/src/extension-web.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        target: 'es2022',
        mainFields: ['browser', 'module', 'main'],
        external: ['vscode'],
        minify,
        sourcemap: !minify,
        logLevel: 'warning',
        define: { __TOC_VERSION__: JSON.stringify(version) },
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
        entryPoints: { 'server-main': 'server/src/main.ts' },
        outdir: 'dist',
        format: 'esm',
        // Code only some requests need (the diagram layout engine) goes into chunks loaded on demand.
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        banner: { js: requireShim },
    }),
    esbuild.context({
        // The language server for a browser's web worker (VS Code for the Web, the playground):
        // one classic script, as every browser can start it as a worker.
        entryPoints: { 'server-worker': 'server/src/browser-main.ts' },
        outdir: 'dist/browser',
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        mainFields: ['browser', 'module', 'main'],
        // csv-parse's build for browsers brings its own Buffer.
        alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
        minify,
        sourcemap: !minify,
        logLevel: 'warning',
        define: { __TOC_VERSION__: JSON.stringify(version) },
    }),
    esbuild.context({
        // The playground's page (playground/), and Monaco's own worker beside it: modules, with
        // code only some features need (Monaco's languages) in chunks loaded on demand.
        entryPoints: {
            playground: 'playground/src/main.ts',
            'editor.worker': 'monaco-editor/editor/editor.worker',
        },
        outdir: 'dist/playground',
        bundle: true,
        platform: 'browser',
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        target: 'es2022',
        loader: { '.ttf': 'file' },
        minify,
        sourcemap: !minify,
        logLevel: 'warning',
    }),
    esbuild.context({
        // The CLI is one CommonJS file, so that its launcher can keep V8's compiled code between
        // runs on every Node version (see server/src/launch/compiled-bundle.ts).
        ...common,
        entryPoints: { 'cli-main': 'server/src/cli/main.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        define: { ...common.define, 'import.meta.url': '__tocBundleUrl' },
        banner: { js: "const __tocBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
]);

// resvg's WebAssembly, which the CLI loads from beside its bundle to draw PNGs.
mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');

// The executables are small launchers that keep the compiled bundle between runs, so that a cold
// `toc check` or server start does not compile it again: the server's on Node 22+ (Node's own
// compile cache), the CLI's on every Node.
await esbuild.build({
    ...common,
    sourcemap: false,
    entryPoints: { cli: 'server/src/launch/cli.ts' },
    outdir: 'dist',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);
writeFileSync(
    'dist/server.js',
    [
        '#!/usr/bin/env node',
        "import module from 'node:module';",
        'module.enableCompileCache?.();',
        "await import('./server-main.js');",
        '',
    ].join('\n'),
    { mode: 0o755 },
);

/** The playground is a static site: its page and bundles, the language server's worker, and the examples. */
function writePlaygroundFiles() {
    copyFileSync('playground/index.html', 'dist/playground/index.html');
    copyFileSync('dist/browser/server-worker.js', 'dist/playground/server-worker.js');
    writeFileSync('dist/playground/examples.json', JSON.stringify(playgroundExamples()));
}

/** Every file of the bundled examples by path, and the models to offer (Keystone first). */
function playgroundExamples() {
    const files = {};
    const walk = folder => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
            const path = `${folder}/${entry.name}`;
            if (entry.isDirectory()) {
                walk(path);
            } else if (/\.(toc|csv)$/.test(entry.name) || entry.name === 'toc.config.json') {
                files[path.slice('examples/'.length)] = readFileSync(path, 'utf8');
            }
        }
    };
    walk('examples');
    const models = Object.keys(files)
        .filter(path => /^programme /m.test(files[path]))
        .sort((a, b) => (a === 'keystone-icu.toc' ? -1 : b === 'keystone-icu.toc' ? 1 : a.localeCompare(b)))
        .map(path => ({ path, title: /^programme \w+ "([^"]*)"/m.exec(files[path])?.[1] ?? path }));
    return { files, models };
}

if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    writePlaygroundFiles();
    await Promise.all(contexts.map(context => context.dispose()));
}
