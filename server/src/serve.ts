import type { DefaultSharedModuleContext } from 'langium/lsp';
import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { rebuildOnConfigChange } from '../../language/src/config/config-watcher.js';
import { rebuildOnDataChange } from '../../language/src/data/data-watcher.js';
import { createTocServices } from '../../language/src/index.js';
import type { TocServices } from '../../language/src/index.js';
import type { TocInitializationOptions } from '../../language/src/protocol.js';
import { publishDataProblems } from './data-diagnostics.js';
import { registerDiagramHandlers } from './diagram-handler.js';
import { applyFileSizeLimit } from './file-size-limit.js';
import { registerScorecardHandler } from './scorecard-handler.js';

/**
 * The language server over a connection and a file system: the same services, custom requests and
 * watchers wherever it runs, in Node over stdio or IPC, or in a browser's web worker.
 */
export function serveToc(context: DefaultSharedModuleContext): ReturnType<typeof createTocServices> {
    const services = createTocServices(context);
    const { shared, Toc } = services;
    rebuildOnConfigChange(shared, Toc.config.ConfigProvider);
    rebuildOnDataChange(shared, Toc.data.MeasureData);
    publishDataProblems(shared, Toc);
    shared.lsp.LanguageServer.onInitialize(params => applyInitializationOptions(shared, Toc, params));
    applyFileSizeLimit(shared);
    registerScorecardHandler(shared, Toc);
    registerDiagramHandlers(shared, Toc);
    startLanguageServer(shared);
    return services;
}

function applyInitializationOptions(
    shared: ReturnType<typeof createTocServices>['shared'],
    Toc: TocServices,
    params: { initializationOptions?: unknown; workspaceFolders?: Array<{ uri: string }> | null },
): void {
    const options = params.initializationOptions as TocInitializationOptions | undefined;
    if (options?.checkWholeWorkspace === true) {
        shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    }
    if (options?.workspaceTrusted === false) {
        Toc.workspace.Imports.confineTo((params.workspaceFolders ?? []).map(folder => URI.parse(folder.uri)));
    }
}
