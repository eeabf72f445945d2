import { randomBytes } from 'node:crypto';
import {
    accessSync,
    closeSync,
    constants,
    fchmodSync,
    fsyncSync,
    openSync,
    realpathSync,
    renameSync,
    statSync,
    unlinkSync,
    writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { causeOf, UsageError } from './files.js';

/**
 * The one way the command-line tools write a file: the new content goes to a temporary file in
 * the same folder, is flushed to disk, and is renamed over the target, so a failure at any point
 * (a full disk, a lost permission, the process killed) leaves the target as it was. A symbolic
 * link is written through to its target, and the target keeps its permissions. `what` names the
 * file in the message of a failure, such as "the baseline". A file the user may not write is
 * refused, though renaming over it would succeed: its permissions say to leave it alone.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, what = 'the file'): void {
    const target = realTarget(path);
    const temporary = join(
        dirname(target),
        `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    let descriptor: number | undefined;
    try {
        const mode = existingMode(target);
        if (mode !== undefined) {
            accessSync(target, constants.W_OK);
        }
        descriptor = openSync(temporary, 'wx', mode ?? 0o666);
        if (mode !== undefined) {
            fchmodSync(descriptor, mode); // not narrowed by the umask: the target's own permissions
        }
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        for (let written = 0; written < bytes.length;) {
            written += writeSync(descriptor, bytes, written, bytes.length - written);
        }
        fsyncSync(descriptor);
        closeSync(descriptor);
        descriptor = undefined;
        renameSync(temporary, target);
    } catch (error) {
        if (descriptor !== undefined) {
            try {
                closeSync(descriptor);
            } catch {
                // Already failing: the write's own error is the one to report.
            }
        }
        try {
            unlinkSync(temporary);
        } catch {
            // Never created, or already gone.
        }
        throw new WriteFailure(path, what, causeOf(error));
    }
}

/** A write that failed and changed nothing; `reason` says why in words, such as "the disk is full". */
export class WriteFailure extends UsageError {
    constructor(
        readonly path: string,
        what: string,
        readonly reason: string,
    ) {
        super(`${path}: cannot write ${what} (${reason}); nothing was changed.`);
    }
}

/** Where writing `path` really lands: through a symbolic link to its target. */
function realTarget(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return resolve(path); // does not exist yet
    }
}

function existingMode(path: string): number | undefined {
    try {
        return statSync(path).mode & 0o7777;
    } catch {
        return undefined;
    }
}
