import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
import type { FormattingAction } from 'langium/lsp';
import type { TextEdit } from 'vscode-languageserver';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { Model } from '../generated/ast.js';
import { declarationNode } from '../utils/cst.js';

/** A declaration or import starts a line; one blank line between them is kept, more are not. */
const TOP_LEVEL: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };
/** A field starts an indented line inside its block; one blank line between fields is kept. */
const FIELD: FormattingAction = {
    options: {},
    moves: [
        { tabs: 1, lines: 1 },
        { tabs: 1, lines: 2 },
    ],
};
/** After a comma, a list continues on the same line, or on a deeper-indented line if it was wrapped. */
const LIST_ITEM: FormattingAction = { options: {}, moves: [{ characters: 1 }, { tabs: 2, lines: 1 }] };

/**
 * The canonical layout: one declaration per line group, one field per line, four-space indent,
 * single spaces between words. Only whitespace between tokens changes, so comments and
 * meaning are kept, and formatting twice gives the same text. A comment that spans lines is left
 * exactly where and as it was written: moving it would rewrite the indentation of its inner lines.
 */
export class TocFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        // The whole layout is decided once, from the root, one decision per token.
        if (node.$type !== 'Model' || !node.$cstNode) {
            return;
        }
        const formatter = this.getNodeFormatter(node);
        const decide = (cst: CstNode, action: FormattingAction) => formatter.cst([cst]).prepend(action);
        const model = node as Model;
        const blocks: Array<[number, number]> = [];
        const topLevel = new Set<CstNode>();
        const fieldStarts = new Set<CstNode>();

        for (const child of [...model.imports, ...model.elements]) {
            const cst = declarationNode(child.$cstNode);
            if (!cst) {
                continue;
            }
            topLevel.add(firstLeaf(cst));
            if (!isCompositeCstNode(cst)) {
                continue;
            }
            const open = cst.content.find(c => isLeafCstNode(c) && c.text === '{' && !c.hidden);
            const close = [...cst.content].reverse().find(c => isLeafCstNode(c) && c.text === '}' && !c.hidden);
            if (!open) {
                continue;
            }
            blocks.push([open.offset, close?.offset ?? cst.end]);
            for (const part of cst.content) {
                if (part.offset > open.offset && part !== close && !part.hidden && startsField(part)) {
                    fieldStarts.add(firstLeaf(part));
                }
            }
            if (close) {
                decide(close, Formatting.newLine());
            }
        }

        const insideBlock = (offset: number) => blocks.some(([open, close]) => offset > open && offset < close);
        let previous: CstNode | undefined;
        for (const leaf of CstUtils.streamCst(node.$cstNode)) {
            if (!isLeafCstNode(leaf) || leaf.length === 0) {
                continue;
            }
            if (leaf.hidden) {
                // Comments on their own line take the indentation of where they stand; the lines
                // around them are left as written.
                decide(leaf, insideBlock(leaf.offset) ? Formatting.indent() : Formatting.noIndent());
                continue;
            }
            if (previous === undefined) {
                previous = leaf;
                continue;
            }
            if (topLevel.has(leaf)) {
                decide(leaf, TOP_LEVEL);
            } else if (fieldStarts.has(leaf)) {
                decide(leaf, FIELD);
            } else if (leaf.text === '}') {
                // Already decided with its block.
            } else if (leaf.text === ',' || leaf.text === '%' || leaf.text === ':') {
                decide(leaf, Formatting.noSpace());
            } else if (previous.text === ',') {
                decide(leaf, LIST_ITEM);
            } else {
                decide(leaf, Formatting.oneSpace());
            }
            previous = leaf;
        }
    }

    protected override createHiddenTextEdits(
        ...args: Parameters<AbstractFormatter['createHiddenTextEdits']>
    ): TextEdit[] {
        const [, hidden] = args;
        return /[\r\n]/.test(hidden.text) ? [] : super.createHiddenTextEdits(...args);
    }

    override formatDocument(document: LangiumDocument, params: Parameters<AbstractFormatter['formatDocument']>[1]) {
        // Formatting text that does not parse could move tokens the parser skipped: leave it alone.
        if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
            return [];
        }
        return super.formatDocument(document, params);
    }
}

function firstLeaf(cst: CstNode): CstNode {
    if (isLeafCstNode(cst)) {
        return cst;
    }
    for (const leaf of CstUtils.streamCst(cst)) {
        if (isLeafCstNode(leaf) && !leaf.hidden) {
            return leaf;
        }
    }
    return cst;
}

/** Whether a child of a declaration's block begins one of its fields, judged from the grammar. */
function startsField(cst: CstNode): boolean {
    let element: AstNode | undefined = cst.grammarSource;
    if (!element) {
        return false;
    }
    // A value such as `profession=(ID | STRING)` belongs to its assignment, not to the field alternatives.
    if (GrammarAST.isAlternatives(element.$container) && GrammarAST.isAssignment(element.$container.$container)) {
        element = element.$container.$container;
    } else if (GrammarAST.isAssignment(element.$container)) {
        element = element.$container;
    }
    const parent = element.$container;
    if (GrammarAST.isAlternatives(parent)) {
        return true;
    }
    return (
        GrammarAST.isGroup(parent) &&
        parent.elements[0] === element &&
        (GrammarAST.isAlternatives(parent.$container) || GrammarAST.isParserRule(parent.$container))
    );
}
