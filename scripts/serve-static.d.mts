/** A static web server on 127.0.0.1: a folder's files, or what `read` gives for a path (`undefined`: 404). */
export function serveStatic(
    source: string | ((path: string) => string | Buffer | undefined),
    port?: number,
): Promise<{ address: string; close(): Promise<void> }>;
