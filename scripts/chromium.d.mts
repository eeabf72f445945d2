import type { Browser } from 'playwright-core';

export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
/** Debian's Chromium, headless, with the arguments every test, benchmark and script uses. */
export function launchChromium(): Promise<Browser>;
