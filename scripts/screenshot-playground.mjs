// Takes docs/images/playground.png: the built playground (npm run build) on the Safer Patients
// Initiative's phase 2, in Debian's Chromium. Written to a temporary file, then renamed.
import { renameSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const target = 'docs/images/playground.png';
const site = await serveStatic('dist/playground');
const browser = await launchChromium();
try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    await page.goto(`${site.address}#example=safer-patients-initiative/spi2.toc`);
    await page.waitForSelector('#diagram svg g.toc-node', { timeout: 60_000 });
    // Past the model's opening comment and its programme, to its first activities.
    await page.mouse.move(300, 400);
    for (let step = 0; step < 5; step++) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(100);
    }
    await page.waitForTimeout(300);
    const temporary = `${target}.${process.pid}.tmp`;
    await page.screenshot({ path: temporary, type: 'png' });
    renameSync(temporary, target);
    console.log(`Wrote ${target}`);
} finally {
    await browser.close();
    await site.close();
}
