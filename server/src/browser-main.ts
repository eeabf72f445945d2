/**
 * The language server in a browser's web worker: the same services as in Node, over the worker's
 * messages, with the workspace held in memory and written by the page that started it.
 */
import { URI } from 'langium';
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    createConnection,
    FileChangeType,
} from 'vscode-languageserver/browser';
import type { FileEvent } from 'vscode-languageserver/browser';
import { WriteFilesNotification } from '../../language/src/protocol.js';
import { MemoryFileSystemProvider } from '../../language/src/workspace/memory-file-system.js';
import { serveToc } from './serve.js';

const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const files = new MemoryFileSystemProvider();
const { shared } = serveToc({ connection, fileSystemProvider: () => files });

// Files written by the page are changes on "disk": the same watchers as in Node check again what
// they touch (the models that import a file, read a data file, or sit under a config file).
connection.onNotification(WriteFilesNotification.type, ({ files: written }) => {
    const changes: FileEvent[] = written.map(file => {
        const uri = URI.parse(file.uri);
        if (file.text === null) {
            files.delete(uri);
            return { uri: file.uri, type: FileChangeType.Deleted };
        }
        const existed = files.existsSync(uri);
        files.write(uri, file.text);
        return { uri: file.uri, type: existed ? FileChangeType.Changed : FileChangeType.Created };
    });
    shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
});
