import { startLanguageServer } from 'langium/lsp';
import { TocNodeFileSystem } from './node-file-system.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { rebuildOnConfigChange } from '../../language/src/config/config-watcher.js';
import { rebuildOnDataChange } from '../../language/src/data/data-watcher.js';
import { publishDataProblems } from './data-diagnostics.js';
import { createTocServices } from '../../language/src/index.js';
import { registerDiagramHandlers } from './diagram-handler.js';
import { registerScorecardHandler } from './scorecard-handler.js';
import { applyFileSizeLimit } from './file-size-limit.js';
import type { TocInitializationOptions } from '../../language/src/protocol.js';
import { URI } from 'langium';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (process.argv.includes('--help') || !process.argv.slice(2).some(arg => TRANSPORTS.some(t => arg.startsWith(t)))) {
    process.stderr.write(
        [
            'toc-language-server: the language server for theory-of-change (.toc) files.',
            'Start it from an editor with one transport:',
            '  toc-language-server --stdio        talk over standard input and output',
            '  toc-language-server --node-ipc     talk over Node IPC (when started by a Node client)',
            '  toc-language-server --socket=PORT  connect to a socket',
            '',
        ].join('\n'),
    );
    process.exit(process.argv.includes('--help') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);

// A fault in one request must not take the server down: log it and keep serving.
process.on('uncaughtException', error => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', reason =>
    connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`),
);

const { shared, Toc } = createTocServices({ connection, ...TocNodeFileSystem });
rebuildOnConfigChange(shared, Toc.config.ConfigProvider);
rebuildOnDataChange(shared, Toc.data.MeasureData);
publishDataProblems(shared, Toc);
shared.lsp.LanguageServer.onInitialize(params => {
    const options = params.initializationOptions as TocInitializationOptions | undefined;
    if (options?.checkWholeWorkspace === true) {
        shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    }
    if (options?.workspaceTrusted === false) {
        Toc.workspace.Imports.confineTo((params.workspaceFolders ?? []).map(folder => URI.parse(folder.uri)));
    }
});
applyFileSizeLimit(shared);
registerScorecardHandler(shared, Toc);
registerDiagramHandlers(shared, Toc);
startLanguageServer(shared);
