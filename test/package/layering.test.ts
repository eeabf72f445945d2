/**
 * The layering the lint enforces: language/ imports nothing of VS Code, the server or the
 * extension; the server nothing of VS Code or the extension; the extension no server source; the
 * preview's page nothing of Node or VS Code. A file that breaks it fails `npm test`.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function refusedImports(path: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: `${ROOT}/${path}` });
    return result.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message);
}

describe('layering', () => {
    test.each([
        ['language/src/probe.ts', "import * as vscode from 'vscode';"],
        ['language/src/probe.ts', "import { startServer } from '../../server/src/main.js';"],
        ['language/src/diagram/probe.ts', "import { activate } from '../../../extension/src/extension.js';"],
        ['server/src/probe.ts', "import * as vscode from 'vscode';"],
        ['server/src/probe.ts', "import { LanguageClient } from 'vscode-languageclient/node';"],
        ['extension/src/commands/probe.ts', "import { startServer } from '../../../server/src/main.js';"],
        ['extension/src/webview/probe.ts', "import { readFileSync } from 'node:fs';"],
        ['extension/src/webview/probe.ts', "import * as vscode from 'vscode';"],
    ])('%s may not `%s`', async (path, source) => {
        expect(await refusedImports(path, `${source}\nexport {};\n`)).toHaveLength(1);
    });

    test.each([
        ['server/src/probe.ts', "import { createTocServices } from '../../language/src/index.js';"],
        ['extension/src/probe.ts', "import { DiagramRequest } from '../../language/src/protocol.js';"],
        ['extension/src/probe.ts', "import * as vscode from 'vscode';"],
        ['extension/src/webview/probe.ts', "import type { ToPreview } from '../../../language/src/protocol.js';"],
    ])('%s may `%s`', async (path, source) => {
        expect(await refusedImports(path, `${source}\nexport {};\n`)).toEqual([]);
    });
});
