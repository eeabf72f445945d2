// The extension test suite, run inside VS Code: `run()` is the entry point VS Code calls for
// `--extensionTestsPath` (desktop VS Code through @vscode/test-electron, or code-server in a browser).
// Bundled to one CommonJS file by test/e2e/build-suite.mjs, with `vscode` and `mocha` left external.
import { activationTests } from './activation.js';
import { commandTests } from './commands.js';
import { editingTests } from './editing.js';
import { exampleTests } from './examples.js';
import { languageFeatureTests } from './language-features.js';
import { problemsTests } from './problems.js';
import { runSuites } from './runner.js';
import { workbenchTests } from './workbench.js';

export async function run(): Promise<void> {
    await runSuites('toc-e2e', () => {
        activationTests();
        exampleTests();
        languageFeatureTests();
        commandTests();
        editingTests();
        problemsTests();
        workbenchTests();
    });
}
