import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';

export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads files from disk as editors show them: a leading byte-order mark (which some Windows
 * editors write) is dropped, so positions on the first line match the editor's columns. Which
 * files had one is remembered, so that a tool writing a file back can keep it.
 */
export class TocNodeFileSystemProvider extends NodeFileSystemProvider {
    private readonly withByteOrderMark = new Set<string>();

    override async readFile(uri: URI): Promise<string> {
        return this.withoutByteOrderMark(uri, await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return this.withoutByteOrderMark(uri, super.readFileSync(uri));
    }

    /** Whether the file began with a byte-order mark when it was last read. */
    hadByteOrderMark(uri: URI): boolean {
        return this.withByteOrderMark.has(uri.toString());
    }

    private withoutByteOrderMark(uri: URI, text: string): string {
        if (!text.startsWith(BYTE_ORDER_MARK)) {
            this.withByteOrderMark.delete(uri.toString());
            return text;
        }
        this.withByteOrderMark.add(uri.toString());
        return text.slice(1);
    }
}

/**
 * For the command-line checker: reads at once rather than through Node's thread pool. Model
 * files are small, and reading a folder of thousands one asynchronous read at a time left the
 * checker idle a tenth of the time. (The server reads asynchronously, so that a message from the
 * editor is heard while the workspace loads.)
 */
export class TocNodeFileSystemProviderSync extends TocNodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }
}

/** The file system for the server, in the shape `createTocServices` takes. */
export const TocNodeFileSystem = {
    fileSystemProvider: () => new TocNodeFileSystemProvider(),
};

/** The file system for the command-line checker. */
export const TocNodeFileSystemSync = {
    fileSystemProvider: () => new TocNodeFileSystemProviderSync(),
};
