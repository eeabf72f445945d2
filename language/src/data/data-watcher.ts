import type { Disposable } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { MeasureData } from './measure-data.js';

/**
 * In a language server: when a data file that a measure reads is created, changed or deleted,
 * read it again and check again the files that name it (and so the models they are in).
 */
export function rebuildOnDataChange(shared: LangiumSharedServices, data: MeasureData): Disposable {
    return shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        const readers = params.changes
            .map(change => URI.parse(change.uri))
            .filter(uri => data.isDataFile(uri))
            .flatMap(uri => data.forget(uri));
        if (readers.length === 0) {
            return;
        }
        const workspace = shared.workspace;
        const loaded = readers.filter(uri => workspace.LangiumDocuments.hasDocument(uri));
        void workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update(loaded, [], token));
    });
}
