import type { Disposable } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { TocConfigProvider } from './config-provider.js';
import { CONFIG_FILE_NAME } from './toc-config.js';

/**
 * In a language server: when a `toc.config.json` is created, changed or deleted, forget the
 * configuration read so far and check every model again with the new settings.
 */
export function rebuildOnConfigChange(shared: LangiumSharedServices, configs: TocConfigProvider): Disposable {
    return shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (!params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            return;
        }
        configs.clear();
        const workspace = shared.workspace;
        const all = workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        void workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update(all, [], token));
    });
}
