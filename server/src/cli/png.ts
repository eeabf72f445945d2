import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { UsageError } from './files.js';

let ready: Promise<void> | undefined;

/** Where operating systems keep fonts. */
const FONT_FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts'),
    '/System/Library/Fonts', '/Library/Fonts', join(homedir(), 'Library/Fonts'), 'C:\\Windows\\Fonts'];

/** Sans-serif fonts with Helvetica's proportions first: Graphviz sized the boxes for those. */
const PREFERRED = [/^LiberationSans-(Regular|Bold)\.ttf$/i, /^Arial(bd)?\.ttf$/i, /^Helvetica/i, /^Arimo/i, /^DejaVuSans(-Bold)?\.ttf$/i];

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
        const matches = found.filter(path => pattern.test(path.substring(path.lastIndexOf('/') + 1).substring(path.lastIndexOf('\\') + 1)));
        if (matches.length > 0) {
            return matches.map(path => readFileSync(path));
        }
    }
    return found.slice(0, 4).map(path => readFileSync(path));
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
        throw new UsageError('no fonts were found to draw the PNG with; install a font (for example the Liberation or DejaVu fonts), or export SVG instead.');
    }
    const rendered = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        background: 'white',
        font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    }).render();
    return rendered.asPng();
}
