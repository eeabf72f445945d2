import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, EXTENSION_ID, openModel, waitFor, waitForDiagnostics } from './helpers.js';

/** The findings `toc check examples/keystone-icu.toc` reports: the same must reach the editor. */
const KEYSTONE_FINDINGS = [
    [38, 'no-balancing-measure', 'KeystoneIcu'],
    [38, 'no-protected-time', 'IcuTeamLeaders'],
    [154, 'unmeasured-outcome', 'PracticesUsed'],
    [158, 'unmeasured-outcome', 'NursesSpeakUp'],
    [208, 'contested-evidence', 'weak'],
    [218, 'contested-evidence', 'weak'],
    [514, 'unwatched-risk', 'UnderAscertainment'],
] as const;

export function activationTests(): void {
    suite('Activation and diagnostics', () => {
        test('the extension is installed from the development path', () => {
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, `${EXTENSION_ID} is loaded`);
            assert.equal(extension.packageJSON.main, './dist/extension.cjs');
        });

        test('opening keystone-icu.toc activates the extension and sets the language', async () => {
            const editor = await openModel('keystone-icu.toc');
            assert.equal(editor.document.languageId, 'toc');
            const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
            await waitFor('the extension to activate', () => extension.isActive);
            const commands = await vscode.commands.getCommands(true);
            for (const command of [
                'toc.newModel',
                'toc.scorecard',
                'toc.openDiagramPreview',
                'toc.openDriverDiagram',
                'toc.exportDiagram',
            ]) {
                assert.ok(commands.includes(command), `${command} is registered`);
            }
        });

        test('the language server publishes the findings of the checker', async () => {
            const { document } = await openModel('keystone-icu.toc');
            const list = await waitForDiagnostics(
                document.uri,
                `${KEYSTONE_FINDINGS.length} findings`,
                d => d.length >= KEYSTONE_FINDINGS.length,
                60_000,
            );
            const summary = describeDiagnostics(list);
            assert.equal(list.length, KEYSTONE_FINDINGS.length, summary);
            for (const [line, code, word] of KEYSTONE_FINDINGS) {
                const found = list.find(d => d.range.start.line === line - 1 && codeOf(d) === code);
                assert.ok(found, `${code} on line ${line} among:\n${summary}`);
                assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
                assert.ok(found.message.includes(word), `"${found.message}" mentions ${word}`);
            }
            assert.ok(
                list.every(d => d.severity !== vscode.DiagnosticSeverity.Error),
                `no errors in:\n${summary}`,
            );
        });

        test('unmeasured-outcome points at the name PracticesUsed and links to its rule page', () => {
            const uri = vscode.window.activeTextEditor!.document.uri;
            const finding = vscode.languages
                .getDiagnostics(uri)
                .find(d => codeOf(d) === 'unmeasured-outcome' && d.range.start.line === 153)!;
            assert.equal(vscode.window.activeTextEditor!.document.getText(finding.range), 'PracticesUsed');
            const code = finding.code as { value: string; target: vscode.Uri };
            assert.match(code.target.toString(), /docs\/rules\/unmeasured-outcome\.md$/);
        });

        test('no-balancing-measure is on the programme', () => {
            const document = vscode.window.activeTextEditor!.document;
            const finding = vscode.languages
                .getDiagnostics(document.uri)
                .find(d => codeOf(d) === 'no-balancing-measure')!;
            assert.equal(finding.range.start.line, 37);
            assert.equal(document.getText(finding.range), 'KeystoneIcu');
        });
    });
}
