#!/usr/bin/env node
// `npm run test:vscode`: the extension test suite (test/e2e/suite) in desktop VS Code, downloaded
// and started by @vscode/test-electron. It needs to reach VS Code's download servers, and on Linux
// a display (`xvfb-run -a npm run test:vscode` on a machine without one). Where VS Code cannot be
// downloaded, `npm run test:e2e` runs the same suite in code-server instead.
//
// Environment: VSCODE_TEST_VERSION ('stable' by default, 'insiders', or a version such as 1.91.1),
// or VSCODE_EXECUTABLE_PATH to use a VS Code already installed instead of downloading one.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, checkExtensionBuilt, ROOT } from './build-suite.mjs';

checkExtensionBuilt();
const suite = await buildSuite();

// The suite edits and adds files: it gets a copy of examples/, never the real one.
const temp = mkdtempSync(join(tmpdir(), 'toc-vscode-test-'));
const workspace = join(temp, 'examples');
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });

let exitCode;
try {
    exitCode = await runTests({
        version: process.env.VSCODE_TEST_VERSION ?? 'stable',
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
        // Downloads are kept under .e2e/ (ignored by git), not in .vscode-test/.
        cachePath: join(ROOT, '.e2e', 'vscode-test'),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: suite,
        launchArgs: [
            workspace,
            // Only the extension under development (and VS Code's built-in ones) run.
            '--disable-extensions',
            `--user-data-dir=${join(temp, 'user-data')}`,
            `--extensions-dir=${join(temp, 'extensions')}`,
        ],
    });
} catch (error) {
    console.error(`The VS Code extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
} finally {
    rmSync(temp, { recursive: true, force: true });
}
process.exit(exitCode);
