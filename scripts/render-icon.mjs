// Renders the extension's icon (media/icon.png, which the Marketplace requires as a PNG) from
// media/icon.svg. Run after changing the SVG: node scripts/render-icon.mjs
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

await initWasm(readFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm'));
const png = new Resvg(readFileSync('media/icon.svg', 'utf8'), { fitTo: { mode: 'width', value: 256 } })
    .render()
    .asPng();
writeFileSync('media/icon.png.partial', png);
renameSync('media/icon.png.partial', 'media/icon.png');
