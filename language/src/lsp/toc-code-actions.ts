import type { AstNode, IndexManager, LangiumDocument } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { ruleById } from '../rules/catalogue/index.js';
import type { FixData } from '../rules/rule.js';
import { isFixData } from '../rules/rule.js';
import type { TocServices } from '../toc-module.js';

const INDENT = '    ';

/**
 * Quick fixes for the rule catalogue: a stub where the fix is obvious (a measure, a mechanism, a
 * baseline, a balancing measure, a sustain plan, a problem), and for every finding a suppression
 * comment with a reason to fill in. Every edit leaves the file parsing and in the canonical layout.
 */
export class TocCodeActionProvider implements CodeActionProvider {
    protected readonly index: IndexManager;

    constructor(services: TocServices) {
        this.index = services.shared.workspace.IndexManager;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const rule = typeof diagnostic.code === 'string' ? ruleById(diagnostic.code) : undefined;
            if (!rule) {
                continue;
            }
            const element = this.elementAt(document, diagnostic.range.start);
            const fix = isFixData(diagnostic.data) ? diagnostic.data : undefined;
            const stub = element && fix ? this.stubFix(document, element, fix, diagnostic) : undefined;
            if (stub) {
                actions.push(stub);
            }
            if (element) {
                actions.push(this.suppress(document, element, rule.id, diagnostic));
            }
        }
        return actions;
    }

    private stubFix(
        document: LangiumDocument,
        element: ast.Element,
        fix: FixData,
        diagnostic: Diagnostic,
    ): CodeAction | undefined {
        switch (fix.kind) {
            case 'add-measure': {
                const { target, measureKind: kind } = fix;
                const name = this.freshName(document, `${target}${kind === 'balancing' ? 'Watch' : 'Measure'}`);
                const title = kind === 'balancing' ? `Watches for ${target}` : `How ${target} is measured`;
                const text = `measure ${name} "${title}" {\n${INDENT}kind ${kind}\n${INDENT}measures ${target}\n}`;
                return this.action(
                    `Add a measure of ${target}`,
                    diagnostic,
                    document,
                    [this.afterElement(document, element, text)],
                    true,
                );
            }
            case 'add-mechanism':
                if (ast.isLink(element)) {
                    const field = `mechanism "Why ${element.source.$refText} leads to ${element.target.$refText}"`;
                    return this.action(
                        'Add a mechanism to this link',
                        diagnostic,
                        document,
                        [this.addField(document, element, field)],
                        true,
                    );
                }
                return undefined;
            case 'add-baseline':
                if (ast.isMeasure(element)) {
                    const today = new Date().toISOString().slice(0, 10);
                    const field = `baseline 0 on ${today} // replace with the measured value and its date`;
                    return this.action(
                        'Add a baseline to this measure',
                        diagnostic,
                        document,
                        [this.addField(document, element, field)],
                        true,
                    );
                }
                return undefined;
            case 'add-balancing-measure': {
                const name = this.freshName(document, 'BalancingMeasure');
                const text = `measure ${name} "What could get worse because of the change" {\n${INDENT}kind balancing\n}`;
                return this.action('Add a balancing measure', diagnostic, document, [this.atEnd(document, text)], true);
            }
            case 'add-sustain-plan': {
                const name = this.freshName(document, 'SustainGains');
                const text = `sustain plan ${name} "How the gains outlast the programme" {\n${INDENT}embedded in procedure "Name the procedure, guideline or standard"\n}`;
                return this.action('Add a sustain plan', diagnostic, document, [this.atEnd(document, text)], true);
            }
            case 'add-problem': {
                const name = this.freshName(document, 'Problem');
                const text = `problem ${name} "What is wrong, in one line" {\n${INDENT}figure "What the figure shows" is 0 source "Where the figure comes from"\n${INDENT}story "A patient's or colleague's account"\n}`;
                return this.action(
                    'Add a problem statement',
                    diagnostic,
                    document,
                    [this.afterElement(document, element, text)],
                    true,
                );
            }
        }
    }

    private suppress(document: LangiumDocument, element: ast.Element, id: string, diagnostic: Diagnostic): CodeAction {
        const line = element.$cstNode!.range.start.line;
        const edit: TextEdit = {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `// toc-ignore ${id}: say why this rule does not apply here\n`,
        };
        const name = 'name' in element && element.name ? ` for ${element.name}` : '';
        return this.action(`Suppress ${id}${name} (with a reason)`, diagnostic, document, [edit], false);
    }

    private action(
        title: string,
        diagnostic: Diagnostic,
        document: LangiumDocument,
        edits: TextEdit[],
        isPreferred: boolean,
    ): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred,
            edit: { changes: { [document.textDocument.uri]: edits } },
        };
    }

    /** The top-level declaration a position falls in. */
    private elementAt(document: LangiumDocument, position: Position): ast.Element | undefined {
        const offset = document.textDocument.offsetAt(position);
        const model = document.parseResult.value as ast.Model;
        return model.elements.find(e => e.$cstNode && e.$cstNode.offset <= offset && offset <= e.$cstNode.end);
    }

    /** A new declaration on its own, after the line where this declaration ends. */
    private afterElement(document: LangiumDocument, element: AstNode, text: string): TextEdit {
        const endLine = element.$cstNode!.range.end.line;
        const lineEnd = document.textDocument.offsetAt({ line: endLine + 1, character: 0 });
        const text0 = document.textDocument.getText();
        const atEndOfFile = lineEnd >= text0.length && !text0.endsWith('\n');
        const position = document.textDocument.positionAt(lineEnd);
        return { range: { start: position, end: position }, newText: atEndOfFile ? `\n\n${text}\n` : `\n${text}\n` };
    }

    private atEnd(document: LangiumDocument, text: string): TextEdit {
        const content = document.textDocument.getText();
        const position = document.textDocument.positionAt(content.length);
        const separator = content.length === 0 ? '' : content.endsWith('\n') ? '\n' : '\n\n';
        return { range: { start: position, end: position }, newText: `${separator}${text}\n` };
    }

    /** A field as the first line of a declaration's block, creating the block when there is none. */
    private addField(document: LangiumDocument, element: AstNode, field: string): TextEdit {
        const cst = element.$cstNode!;
        const open = CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{' && !node.hidden);
        if (open) {
            const line = open.range.start.line;
            const lineEnd = document.textDocument.offsetAt({ line: line + 1, character: 0 }) - 1;
            const text = document.textDocument.getText();
            const at = text[lineEnd] === '\n' ? lineEnd : text.length;
            const position = document.textDocument.positionAt(at);
            return { range: { start: position, end: position }, newText: `\n${INDENT}${field}` };
        }
        const end = cst.range.end;
        return { range: { start: end, end }, newText: ` {\n${INDENT}${field}\n}` };
    }

    private freshName(document: LangiumDocument, base: string): string {
        const taken = new Set(this.index.allElements().map(d => d.name));
        const model = document.parseResult.value as ast.Model;
        model.elements.forEach(e => 'name' in e && e.name && taken.add(e.name));
        let name = base;
        for (let i = 2; taken.has(name); i++) {
            name = `${base}${i}`;
        }
        return name;
    }
}
