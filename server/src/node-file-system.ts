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
    /**
     * Read at once rather than through Node's thread pool: model files are small, and loading a
     * folder of thousands one asynchronous read at a time left the checker idle a tenth of the time.
     */
    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
        return withoutByteOrderMark(super.readFileSync(uri));
    }
}

/** The file system for the server and the CLI, in the shape `createTocServices` takes. */
export const TocNodeFileSystem = {
    fileSystemProvider: () => new TocNodeFileSystemProvider(),
};
