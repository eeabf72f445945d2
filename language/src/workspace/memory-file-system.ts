import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI, UriTrie } from 'langium';

/**
 * A workspace held in memory, for a language server with no disk: the browser's. The page (or
 * editor) that owns the files writes them here; the server reads imports, `toc.config.json` and
 * measure data from here as it would from disk. A folder exists once a file is written under it.
 */
export class MemoryFileSystemProvider implements FileSystemProvider {
    private readonly files = new UriTrie<string>();

    /** Creates or replaces a file. */
    write(uri: URI, text: string): void {
        this.files.insert(uri.toString(), text);
    }

    /** Removes a file, or a folder and everything under it; whether there was anything to remove. */
    delete(uri: URI): boolean {
        const existed = this.existsSync(uri);
        this.files.delete(uri.toString());
        return existed;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        const node = this.files.findNode(uri.toString());
        if (!node) {
            throw new Error(`${uri.toString()} does not exist`);
        }
        return { isFile: node.element !== undefined, isDirectory: node.element === undefined, uri };
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.findNode(uri.toString()) !== undefined;
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.find(uri.toString());
        if (text === undefined) {
            throw new Error(`${uri.toString()} is not a file`);
        }
        return text;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }

    /** A folder under which nothing has been written lists nothing: the client may not have written it yet. */
    readDirectorySync(uri: URI): FileSystemNode[] {
        return this.files.findChildren(uri.toString()).map(child => ({
            isFile: child.element !== undefined,
            isDirectory: child.element === undefined,
            uri: URI.parse(child.uri),
        }));
    }
}
