import { chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, as the tests drive it: no sandbox (tests run as root in CI), and
 * none of the background connections that this machine's closed network would refuse.
 */
export function launchChromium(): ReturnType<typeof chromium.launch> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
        ],
    });
}
