import * as vscode from 'vscode';

export const OPEN_EXAMPLE_COMMAND = 'toc.openExample';
export const SHOW_RULE_COMMAND = 'toc.showRule';

/** The examples packaged with the extension, by path under its `examples/` folder. */
const EXAMPLES = [
    { path: 'keystone-icu.toc', label: 'Keystone ICU', detail: 'Bloodstream infections in intensive care (Michigan)' },
    {
        path: 'diabetes-primary-care.toc',
        label: 'Diabetes care closer to home',
        detail: 'Routine diabetes care moved into general practice',
    },
    {
        path: 'safer-patients-initiative/spi1.toc',
        label: 'Safer Patients Initiative, phase 1',
        detail: 'Two programmes sharing their people and evidence in imported files',
    },
];

/**
 * "Theory of Change: Open Example": opens a bundled example model, read from the extension's own
 * folder, so it works before the user has written anything.
 */
export function registerOpenExampleCommand(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, async (path?: string) => {
        const chosen =
            EXAMPLES.find(example => example.path === path) ??
            (path === undefined
                ? await vscode.window.showQuickPick(EXAMPLES, { title: 'Open which example model?' })
                : undefined);
        if (!chosen) {
            return undefined;
        }
        const uri = vscode.Uri.joinPath(context.extensionUri, 'examples', ...chosen.path.split('/'));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        return uri;
    });
}

/**
 * "About this rule" on a finding: the rule's page as packaged with the extension, shown in
 * VS Code's Markdown preview, so it opens where a hospital network blocks the website. The
 * finding's own link (its code description) still goes to the website, for CI logs and other editors.
 */
export function registerRulePages(context: vscode.ExtensionContext): vscode.Disposable {
    const pageOf = (rule: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
    const command = vscode.commands.registerCommand(SHOW_RULE_COMMAND, async (rule: string) => {
        if (!/^[a-z][a-z-]*$/.test(rule)) {
            return undefined;
        }
        const page = pageOf(rule);
        await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
        return page;
    });
    const actions = vscode.languages.registerCodeActionsProvider(
        { language: 'toc' },
        {
            provideCodeActions: (_document, _range, context) =>
                [
                    ...new Set(
                        context.diagnostics
                            .map(diagnostic => ruleOf(diagnostic))
                            .filter((rule): rule is string => rule !== undefined),
                    ),
                ].map(rule => {
                    const action = new vscode.CodeAction(`About this rule: ${rule}`, vscode.CodeActionKind.Empty);
                    action.command = { command: SHOW_RULE_COMMAND, title: 'About this rule', arguments: [rule] };
                    return action;
                }),
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.Empty] },
    );
    return vscode.Disposable.from(command, actions);
}

/** The rule of the catalogue a finding comes from: those whose code links to a rule page. */
function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' && /\/docs\/rules\/[a-z-]+\.md$/.test(code.target.toString())
        ? String(code.value)
        : undefined;
}
