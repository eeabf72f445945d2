import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../server/src/cli/files.js';
import { pngSizeProblem } from '../../server/src/cli/png.js';
import { hugeMap } from '../support/variants.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const MODEL = 'examples/keystone-icu.toc';

function toc(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('toc diagram', () => {
    const out = mkdtempSync(join(tmpdir(), 'toc-diagram-'));

    test('SVG by default, with every node of the model', () => {
        const result = toc('diagram', MODEL);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
        expect(result.stdout.match(/class="node toc&#45;node /g)).toHaveLength(14);
    });

    test('PNG to a file, drawn without a browser', () => {
        const file = join(out, 'map.png');
        expect(toc('diagram', MODEL, '--format', 'png', '-o', file)).toMatchObject({ code: 0, stdout: '' });
        const png = readFileSync(file);
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels
    });

    // A 2,000-node map (43,000 lines) laid out to about 3,000 × 150,000 pixels, and the renderer
    // ran out of memory with "unreachable" after minutes.
    test('a drawing too large for a PNG is refused with a size and the formats to use instead', () => {
        expect(pngSizeProblem(1_600, 37_800)).toBeUndefined(); // a 1,000-node map: 240 million pixels
        const problem = pngSizeProblem(1_600, 75_000);
        expect(problem).toBeInstanceOf(UsageError);
        expect(problem!.message).toBe(
            'the drawing would be 3,200 × 150,000 pixels, more than a PNG can hold here (268 million pixels). ' +
                'Export it as SVG (--format svg), which has no size limit, or as DOT.',
        );
    });

    test('a map too large to lay out: SVG and PNG refused with exit 2 and the formats that work; DOT written', () => {
        const model = join(out, 'huge.toc');
        writeFileSync(model, hugeMap(2_600));
        for (const format of ['svg', 'png']) {
            const target = join(out, `huge.${format}`);
            const result = toc('diagram', model, '--format', format, '-o', target);
            expect(result.code, format).toBe(2);
            expect(result.stderr).toBe(
                'toc: The diagram has 2,601 boxes, more than the 2,500 that can be laid out here in reasonable time. ' +
                    "Export it as DOT (--format dot) and lay it out with Graphviz's own tools, or as Mermaid (--format mermaid), or draw the driver diagram (--view driver).\n",
            );
            expect(existsSync(target)).toBe(false);
        }
        const dot = toc('diagram', model, '--format', 'dot');
        expect(dot.code).toBe(0);
        expect(dot.stdout.match(/class="toc-node /g)).toHaveLength(2_601);
    });

    test('the driver diagram as Mermaid and as DOT', () => {
        const mermaid = toc('diagram', MODEL, '--view', 'driver', '--format', 'mermaid');
        expect(mermaid.code).toBe(0);
        expect(mermaid.stdout).toContain('flowchart LR');
        expect(mermaid.stdout).toContain('(["CRBSIs eliminated, and kept down');
        const dot = toc('diagram', MODEL, '--view', 'driver', '--format', 'dot');
        expect(dot.stdout).toContain('class="toc-node kind-primary-driver');
        expect(dot.stdout).toContain('class="toc-node kind-change-idea');
    });

    test('a folder, or an unknown view, is a usage error', () => {
        expect(toc('diagram', 'examples')).toMatchObject({
            code: 2,
            stderr: 'toc: examples: is a folder; give the .toc file of the model.\n',
        });
        expect(toc('diagram', MODEL, '--view', 'sideways').code).toBe(2);
    });
});
