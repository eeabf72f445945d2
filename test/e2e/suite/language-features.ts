import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
    codeOf,
    hoverText,
    lineOf,
    openModel,
    positionOf,
    target,
    waitForDiagnostics,
    workspaceFile,
    readText,
    waitFor,
} from './helpers.js';

/** Every line (0-based) of keystone-icu.toc where `PracticesUsed` is declared or referenced. */
function practicesUsedLines(document: vscode.TextDocument): { declaration: number; references: number[] } {
    return {
        declaration: lineOf(document, 'outcome PracticesUsed'),
        references: [
            lineOf(document, 'link FivePracticesTaught: TeachFivePractices -> PracticesUsed'),
            lineOf(document, 'link LineCart -> PracticesUsed'),
            lineOf(document, 'link NursesSpeakUp -> PracticesUsed'),
            lineOf(document, 'link InfectionFeedback -> PracticesUsed'),
            lineOf(document, 'link PracticesUsed -> FewerCrbsi'),
        ],
    };
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

const MESSY = `// Falls programme
stakeholder Nurses "Ward nurses" {level frontline}
activity Rounding "Hourly rounding"{owner Nurses
  starts 2025-04-01}


outcome FewerFalls {horizon long target reduce 25 % by 2026-03-31 stretch} // the aim
measure FallsRate { kind outcome
  measures FewerFalls }
link Rounding->FewerFalls{mechanism "Needs met" evidence moderate}
`;

const FORMATTED = `// Falls programme
stakeholder Nurses "Ward nurses" {
    level frontline
}
activity Rounding "Hourly rounding" {
    owner Nurses
    starts 2025-04-01
}

outcome FewerFalls {
    horizon long
    target reduce 25% by 2026-03-31 stretch
} // the aim
measure FallsRate {
    kind outcome
    measures FewerFalls
}
link Rounding -> FewerFalls {
    mechanism "Needs met"
    evidence moderate
}
`;

export function languageFeatureTests(): void {
    suite('Language features through the VS Code command API', () => {
        let document: vscode.TextDocument;

        suiteSetup(async () => {
            document = (await openModel('keystone-icu.toc')).document;
            await waitForDiagnostics(document.uri, 'the model is loaded', d => d.length > 0, 60_000);
        });

        test('completion offers declaration keywords at the top level', async () => {
            const blank = new vscode.Position(
                lineOf(document, '// ---------------------------------------------------------------- the problem') - 1,
                0,
            );
            assert.equal(document.lineAt(blank.line).text, '', 'completion is asked on an empty line');
            const list = await vscode.commands.executeCommand<vscode.CompletionList>(
                'vscode.executeCompletionItemProvider',
                document.uri,
                blank,
            );
            // The words of open files, which VS Code adds as plain text, aside.
            const offered = list.items.filter(item => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
            for (const keyword of ['activity', 'outcome', 'link', 'measure', 'stakeholder', 'assumption']) {
                // Once each: the keyword or, where the extension has one, its declaration template.
                assert.equal(
                    offered.filter(label => label === keyword).length,
                    1,
                    `${keyword} once in ${offered.join(', ')}`,
                );
            }
        });

        test('completion offers the names of stakeholders after `owner`', async () => {
            const position = positionOf(document, 'owner HopkinsTeam', 1, 'owner '.length);
            const list = await vscode.commands.executeCommand<vscode.CompletionList>(
                'vscode.executeCompletionItemProvider',
                document.uri,
                position,
            );
            const labels = list.items.map(labelOf);
            for (const name of ['HopkinsTeam', 'IcuNurses', 'Intensivists', 'KeystoneCenter']) {
                assert.ok(labels.includes(name), `stakeholder ${name} among ${labels.join(', ')}`);
            }
            assert.ok(!labels.includes('FewerCrbsi'), 'an outcome is not offered as an owner');
        });

        test('typing -> offers the effects a link can have, with kind and title, and not its cause', async () => {
            const scratch = await vscode.workspace.openTextDocument({
                language: 'toc',
                content:
                    'activity Checklist "Insertion checklist"\noutcome FewerInfections "Fewer infections"\n' +
                    'stakeholder Nurses\nlink Checklist ->',
            });
            const end = scratch.lineAt(scratch.lineCount - 1).range.end;
            const list = await waitFor('names after ->', async () => {
                const found = await vscode.commands.executeCommand<vscode.CompletionList>(
                    'vscode.executeCompletionItemProvider',
                    scratch.uri,
                    end,
                    '>',
                );
                return found.items.length > 0 ? found : undefined;
            });
            const labels = list.items.map(labelOf);
            assert.ok(labels.includes('FewerInfections'), labels.join(', '));
            assert.ok(!labels.includes('Checklist'), `the cause is not its own effect: ${labels.join(', ')}`);
            assert.ok(!labels.includes('Nurses'), `a stakeholder is no effect: ${labels.join(', ')}`);
            const effect = list.items.find(item => labelOf(item) === 'FewerInfections')!;
            // Its kind and its title are shown beside the name.
            assert.ok(JSON.stringify(effect).includes('outcome'), JSON.stringify(effect));
            assert.ok(JSON.stringify(effect).includes('Fewer infections'), JSON.stringify(effect));
        });

        test("hover on a reference shows the outcome's kind and title", async () => {
            const position = positionOf(document, 'link LineCart -> PracticesUsed', 1, 'link LineCart -> '.length + 2);
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
                'vscode.executeHoverProvider',
                document.uri,
                position,
            );
            const text = hoverText(hovers);
            assert.ok(text.includes('**outcome** `PracticesUsed`'), text);
            assert.ok(text.includes('The five practices are used at every insertion'), text);
        });

        test('hover on a measure with data shows its latest value and what the data show', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
                'vscode.executeHoverProvider',
                document.uri,
                positionOf(document, 'measure LinesInUse', 1, 'measure '.length + 2),
            );
            const text = hoverText(hovers);
            assert.ok(text.includes('**Data:** latest 543 on 2005-09-30 · special cause improvement'), text);
            // The latest points as a sparkline: the fall after the work started ends low.
            const sparkline = /`([▁▂▃▄▅▆▇█]{24})` last 24 points, oldest first/.exec(text)?.[1];
            assert.ok(sparkline, text);
            assert.ok(sparkline.indexOf('█') < sparkline.lastIndexOf('▁'), sparkline);
        });

        test('a bad row in a data file is reported on the measure and on the file, and clears when fixed', async () => {
            const csv = workspaceFile('data', 'keystone-lines-in-use.csv');
            const original = await vscode.workspace.fs.readFile(csv);
            const text = new TextDecoder().decode(original);
            const broken = text.replace('2004-06-30,', '2004-06-30,n/a');
            try {
                await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode(broken));
                const list = await waitForDiagnostics(document.uri, 'data-unreadable on LinesInUse', d =>
                    d.some(x => codeOf(x) === 'data-unreadable'),
                );
                const finding = list.find(d => codeOf(d) === 'data-unreadable')!;
                assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
                assert.ok(finding.message.includes('column `value`'), finding.message);
                assert.equal(document.getText(finding.range), '"data/keystone-lines-in-use.csv"');
                const onFile = await waitForDiagnostics(csv, 'the problem on the data file itself', d => d.length > 0);
                assert.ok(onFile[0].message.includes('is not a number'), onFile[0].message);
            } finally {
                await vscode.workspace.fs.writeFile(csv, original);
            }
            await waitForDiagnostics(
                document.uri,
                'data-unreadable cleared',
                d => !d.some(x => codeOf(x) === 'data-unreadable'),
            );
        });

        test('go to definition jumps to the declaration', async () => {
            const position = positionOf(document, 'link LineCart -> PracticesUsed', 1, 'link LineCart -> '.length + 2);
            const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
                'vscode.executeDefinitionProvider',
                document.uri,
                position,
            );
            assert.equal(locations.length, 1);
            const { uri, range } = target(locations[0]);
            assert.equal(uri.toString(), document.uri.toString());
            assert.equal(range.start.line, practicesUsedLines(document).declaration);
            assert.equal(document.getText(range), 'PracticesUsed');
        });

        test('find references lists every use of the outcome', async () => {
            const { declaration, references } = practicesUsedLines(document);
            const position = new vscode.Position(declaration, 'outcome '.length + 1);
            const locations = await vscode.commands.executeCommand<vscode.Location[]>(
                'vscode.executeReferenceProvider',
                document.uri,
                position,
            );
            const lines = locations
                .filter(l => l.uri.toString() === document.uri.toString())
                .map(l => l.range.start.line);
            for (const line of references) {
                assert.ok(
                    lines.includes(line),
                    `a reference on line ${line + 1} among ${lines.map(l => l + 1).join(', ')}`,
                );
            }
            assert.ok(
                locations.every(l => document.getText(l.range) === 'PracticesUsed'),
                'every location is the name',
            );
        });

        test('rename edits the declaration and every reference, and nothing else', async () => {
            const { declaration, references } = practicesUsedLines(document);
            const position = new vscode.Position(declaration, 'outcome '.length + 1);
            const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
                'vscode.executeDocumentRenameProvider',
                document.uri,
                position,
                'PracticesFollowed',
            );
            const edits = edit.get(document.uri);
            assert.deepEqual(
                edits.map(e => e.range.start.line).sort((a, b) => a - b),
                [declaration, ...references].sort((a, b) => a - b),
            );
            for (const textEdit of edits) {
                assert.equal(textEdit.newText, 'PracticesFollowed');
                assert.equal(document.getText(textEdit.range), 'PracticesUsed');
            }
            assert.equal(edit.entries().length, 1, 'only keystone-icu.toc changes');
        });

        test('the outline lists the declarations with their kinds', async () => {
            const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
                'vscode.executeDocumentSymbolProvider',
                document.uri,
            );
            const byName = new Map(symbols.map(s => [s.name, s]));
            assert.equal(byName.get('PracticesUsed')?.kind, vscode.SymbolKind.Class, 'an outcome');
            assert.equal(byName.get('Cusp')?.kind, vscode.SymbolKind.Function, 'an activity');
            assert.equal(byName.get('CrbsiRateMean')?.kind, vscode.SymbolKind.Property, 'a measure');
            for (const name of [
                'KeystoneIcu',
                'LineInfections',
                'FewerCrbsi',
                'CliniciansAgree',
                'IcuNurses',
                'Pronovost2006',
                'KeepItAtZero',
            ]) {
                assert.ok(byName.has(name), `${name} in the outline (${[...byName.keys()].join(', ')})`);
            }
            const outcome = byName.get('PracticesUsed')!;
            assert.equal(outcome.selectionRange.start.line, practicesUsedLines(document).declaration);
        });

        test('a finding offers quick fixes: add a measure (preferred) or suppress it', async () => {
            const finding = vscode.languages
                .getDiagnostics(document.uri)
                .find(d => codeOf(d) === 'unmeasured-outcome' && document.getText(d.range) === 'PracticesUsed');
            assert.ok(finding, 'unmeasured-outcome on PracticesUsed');
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                'vscode.executeCodeActionProvider',
                document.uri,
                finding.range,
            );
            const titles = actions.map(a => a.title);
            const add = actions.find(a => a.title.startsWith('Add a measure of PracticesUsed'));
            assert.ok(add, `"Add a measure of PracticesUsed" among ${titles.join(' | ')}`);
            assert.equal(add.kind?.value, vscode.CodeActionKind.QuickFix.value);
            assert.equal(add.isPreferred, true);
            // A snippet edit, which the API lists neither by file nor among text edits: what it
            // writes is checked where the suite applies it (Diagnostics follow edits).
            assert.ok(add.edit, 'the fix edits the model');
            assert.ok(
                titles.some(t => t.startsWith('Suppress unmeasured-outcome for PracticesUsed')),
                titles.join(' | '),
            );
            // The rule's page as packaged with the extension, opened without the network.
            const about = actions.find(a => a.title === 'About this rule: unmeasured-outcome');
            assert.ok(about?.command, titles.join(' | '));
            const page = await vscode.commands.executeCommand<vscode.Uri>(
                about.command.command,
                ...(about.command.arguments ?? []),
            );
            assert.equal(page?.scheme, 'file');
            assert.match(await readText(page), /^# unmeasured-outcome/m);
        });

        test('the example is already in the canonical layout: formatting changes nothing', async () => {
            const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
                'vscode.executeFormatDocumentProvider',
                document.uri,
                { tabSize: 4, insertSpaces: true },
            );
            assert.equal(edits?.length ?? 0, 0, JSON.stringify(edits));
        });

        test('formatting a messy file lays it out canonically', async () => {
            const uri = workspaceFile('messy.toc');
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(MESSY));
            const messy = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(messy, { preview: false });
            assert.equal(messy.languageId, 'toc');
            const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
                'vscode.executeFormatDocumentProvider',
                uri,
                { tabSize: 4, insertSpaces: true },
            );
            assert.ok(edits.length > 0, 'the formatter has edits');
            const edit = new vscode.WorkspaceEdit();
            edit.set(uri, edits);
            assert.ok(await vscode.workspace.applyEdit(edit));
            assert.equal(messy.getText(), FORMATTED);
            await messy.save();
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        });
    });
}
