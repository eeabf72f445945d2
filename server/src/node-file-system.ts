import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';

const BYTE_ORDER_MARK = '\uFEFF';

function withoutByteOrderMark(text: string): string {
    return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * Reads files from disk as editors show them: a leading byte-order mark (which some Windows
 * editors write) is dropped, so positions on the first line match the editor's columns.
 */
export class TocNodeFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return withoutByteOrderMark(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return withoutByteOrderMark(super.readFileSync(uri));
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
