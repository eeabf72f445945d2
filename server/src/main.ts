import { TocNodeFileSystem } from './node-file-system.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serveToc } from './serve.js';

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

serveToc({ connection, ...TocNodeFileSystem });
