import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { UsageError } from './files.js';

let ready: Promise<void> | undefined;

/** PNGs are drawn at twice the drawing's size, for sharp slides and reports. */
const ZOOM = 2;
/**
 * The most pixels a PNG may have: 2^28, the limit of browsers' canvases and common image tools.
 * Beyond about twice that, the renderer runs out of memory.
 */
export const MAX_PNG_PIXELS = 2 ** 28;

/** Where operating systems keep fonts. */
const FONT_FOLDERS = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(homedir(), '.fonts'),
    join(homedir(), '.local/share/fonts'),
    '/System/Library/Fonts',
    '/Library/Fonts',
    join(homedir(), 'Library/Fonts'),
    'C:\\Windows\\Fonts',
];

/** Sans-serif fonts with Helvetica's proportions first: Graphviz sized the boxes for those. */
const PREFERRED = [
    /^LiberationSans-(Regular|Bold)\.ttf$/i,
    /^Arial(bd)?\.ttf$/i,
    /^Helvetica/i,
    /^Arimo/i,
    /^DejaVuSans(-Bold)?\.ttf$/i,
];

function findFonts(): Buffer[] {
    const found: string[] = [];
    const walk = (folder: string, depth: number) => {
        let entries;
        try {
            entries = readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const path = join(folder, entry.name);
            if (entry.isDirectory() && depth < 4) {
                walk(path, depth + 1);
            } else if (/\.(ttf|otf)$/i.test(entry.name)) {
                found.push(path);
            }
        }
    };
    FONT_FOLDERS.forEach(folder => walk(folder, 0));
    for (const pattern of PREFERRED) {
        const matches = found.filter(path =>
            pattern.test(path.substring(path.lastIndexOf('/') + 1).substring(path.lastIndexOf('\\') + 1)),
        );
        if (matches.length > 0) {
            return matches.map(path => readFileSync(path));
        }
    }
    return found.slice(0, 4).map(path => readFileSync(path));
}

/** Why a drawing of this size (in the SVG's own units) cannot be a PNG, if it cannot. */
export function pngSizeProblem(svgWidth: number, svgHeight: number): UsageError | undefined {
    const width = Math.ceil(svgWidth * ZOOM);
    const height = Math.ceil(svgHeight * ZOOM);
    if (width * height <= MAX_PNG_PIXELS) {
        return undefined;
    }
    return new UsageError(
        `the drawing would be ${width.toLocaleString('en-GB')} × ${height.toLocaleString('en-GB')} pixels, ` +
            `more than a PNG can hold here (${Math.round(MAX_PNG_PIXELS / 1e6)} million pixels). Export it as SVG (--format svg), which has no size limit, or as DOT.`,
    );
}

/**
 * SVG to PNG without a browser, with resvg compiled to WebAssembly and the system's fonts,
 * at twice the drawing's size for sharp slides and reports.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
    ready ??= initWasm(readFileSync(new URL('./resvg.wasm', import.meta.url)));
    await ready;
    const fonts = findFonts();
    if (fonts.length === 0) {
        throw new UsageError(
            'no fonts were found to draw the PNG with; install a font (for example the Liberation or DejaVu fonts), or export SVG instead.',
        );
    }
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: ZOOM },
        background: 'white',
        font: {
            fontBuffers: fonts,
            loadSystemFonts: false,
            defaultFontFamily: 'Liberation Sans',
            sansSerifFamily: 'Liberation Sans',
        },
    });
    const tooLarge = pngSizeProblem(resvg.width, resvg.height);
    if (tooLarge) {
        resvg.free();
        throw tooLarge;
    }
    return resvg.render().asPng();
}
