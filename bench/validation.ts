// Time to load, link and check the largest example with every rule, in process (no start-up),
// as the editor does on opening it. Fresh services for each run, so nothing is cached.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createTocServices } from '../language/src/index.js';
// @ts-expect-error plain JavaScript helper shared by the benchmarks
import { median, printTable } from './common.mjs';

const RUNS = 5;
const examples = resolve('examples');

function tocFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? tocFiles(path) : entry.name.endsWith('.toc') ? [path] : [];
    });
}

const largest = tocFiles(examples).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const cold: number[] = [];
const warm: number[] = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
    // Cold: new services, so the parser is built and every file is read and checked from scratch.
    const { shared, Toc } = createTocServices(NodeFileSystem);
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    let started = performance.now();
    const [document] = await Toc.workspace.ImportLoader.buildWithImports([URI.file(largest)]);
    cold.push(performance.now() - started);
    findings = document.diagnostics?.length ?? 0;
    // Warm: the same file checked again after a change, as on an edit in the editor.
    started = performance.now();
    await shared.workspace.DocumentBuilder.update([document.uri], []);
    warm.push(performance.now() - started);
}
const row = (label: string, samples: number[]) => [
    label,
    relative(process.cwd(), largest),
    findings,
    median(samples).toFixed(1),
    Math.min(...samples).toFixed(1),
    Math.max(...samples).toFixed(1),
];
printTable(`Checking the largest example with every rule, in process (${RUNS} runs)`, [
    ['run', 'file', 'findings', 'median ms', 'min ms', 'max ms'],
    row('cold', cold),
    row('warm', warm),
]);
