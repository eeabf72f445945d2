declare const __TOC_VERSION__: string | undefined;

/** The package version, stamped in by the bundler. */
export const VERSION: string = typeof __TOC_VERSION__ === 'string' ? __TOC_VERSION__ : '0.0.0-dev';
