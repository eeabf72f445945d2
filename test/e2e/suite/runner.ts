// Runs mocha suites inside the extension host and reports their counts on a line the code-server
// runner looks for (as VS Code's desktop runner only needs the thrown error).
import Mocha from 'mocha';

/** Lines the code-server runner looks for: where the suite's output starts, and its counts as JSON. */
export const START_MARKER = '[toc-e2e] start';
export const RESULT_MARKER = '[toc-e2e] result ';

export async function runSuites(name: string, define: () => void): Promise<void> {
    console.log(START_MARKER);
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
    // Binds `suite`, `test` and the hooks exported by 'mocha' to this run, as loading a test file would.
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, name, mocha);
    define();
    const counts = await new Promise<{ passed: number; failed: number; pending: number }>(resolve => {
        const runner = mocha.run();
        const counts = { passed: 0, failed: 0, pending: 0 };
        runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => counts.passed++);
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => counts.failed++);
        runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => counts.pending++);
        runner.on(Mocha.Runner.constants.EVENT_RUN_END, () => resolve(counts));
    });
    console.log(`${RESULT_MARKER}${JSON.stringify(counts)}`);
    if (counts.failed > 0 || counts.passed === 0) {
        throw new Error(
            counts.passed === 0 ? 'No test ran.' : `${counts.failed} of ${counts.passed + counts.failed} tests failed.`,
        );
    }
}
