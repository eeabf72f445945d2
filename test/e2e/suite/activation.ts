import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, EXTENSION_ID, openModel, waitFor, waitForDiagnostics } from './helpers.js';

/**
 * The findings `toc check examples/keystone-icu.toc` reports: the same must reach the editor. Each
 * is on the line of the first `text` after `anchor` (or of `anchor` itself).
 */
const KEYSTONE_FINDINGS: ReadonlyArray<{
    anchor: string;
    text?: string;
    code: string;
    word: string;
    severity: vscode.DiagnosticSeverity;
}> = [
    { anchor: 'programme KeystoneIcu', code: 'no-balancing-measure', word: 'KeystoneIcu', severity: 1 },
    { anchor: 'programme KeystoneIcu', code: 'no-protected-time', word: 'IcuTeamLeaders', severity: 1 },
    { anchor: 'outcome PracticesUsed', code: 'unmeasured-outcome', word: 'PracticesUsed', severity: 1 },
    { anchor: 'outcome NursesSpeakUp', code: 'unmeasured-outcome', word: 'NursesSpeakUp', severity: 1 },
    {
        anchor: 'link ScienceOfSafety -> NursesSpeakUp',
        text: 'evidence weak',
        code: 'contested-evidence',
        word: 'weak',
        severity: 1,
    },
    {
        anchor: 'link ExecutivePartnership -> SaferCulture',
        text: 'evidence weak',
        code: 'contested-evidence',
        word: 'weak',
        severity: 1,
    },
    { anchor: 'measure CrbsiRateMean', text: 'data "', code: 'too-few-points', word: 'CrbsiRateMean', severity: 2 },
    { anchor: 'risk UnderAscertainment', code: 'unwatched-risk', word: 'UnderAscertainment', severity: 1 },
];

/** The 0-based line of the first `text` at or after `anchor`. */
function lineAfter(document: vscode.TextDocument, anchor: string, text = anchor): number {
    const content = document.getText();
    const start = content.indexOf(anchor);
    assert.ok(start >= 0, `${anchor} is in the example`);
    return document.positionAt(content.indexOf(text, start)).line;
}

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
                'toc.openMeasures',
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
            for (const { anchor, text, code, word, severity } of KEYSTONE_FINDINGS) {
                const line = lineAfter(document, anchor, text);
                const found = list.find(d => d.range.start.line === line && codeOf(d) === code);
                assert.ok(found, `${code} on line ${line + 1} among:\n${summary}`);
                assert.equal(found.severity, severity);
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
                .find(
                    d =>
                        codeOf(d) === 'unmeasured-outcome' &&
                        d.range.start.line ===
                            lineAfter(vscode.window.activeTextEditor!.document, 'outcome PracticesUsed'),
                )!;
            assert.equal(vscode.window.activeTextEditor!.document.getText(finding.range), 'PracticesUsed');
            const code = finding.code as { value: string; target: vscode.Uri };
            assert.match(code.target.toString(), /docs\/rules\/unmeasured-outcome\.md$/);
        });

        test('no-balancing-measure is on the programme', () => {
            const document = vscode.window.activeTextEditor!.document;
            const finding = vscode.languages
                .getDiagnostics(document.uri)
                .find(d => codeOf(d) === 'no-balancing-measure')!;
            assert.equal(finding.range.start.line, lineAfter(document, 'programme KeystoneIcu'));
            assert.equal(document.getText(finding.range), 'KeystoneIcu');
        });
    });
}
