import type { IToken } from 'chevrotain';
import type { CompositeCstNode, CstNode, GrammarAST, LangiumCoreServices, LangiumParser, LeafCstNode, RootCstNode } from 'langium';
import { CstNodeBuilder, LeafCstNodeImpl, createLangiumParser } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * A token of the syntax tree that works out its line and column range when first asked: most
 * never are (diagnostics, hover and formatting ask for a few), and building three objects for
 * each of hundreds of thousands of tokens was a good part of the garbage of every parse.
 */
class TocLeafCstNode extends LeafCstNodeImpl {
    private readonly startLine: number;
    private readonly startColumn: number;
    private readonly endLine: number;
    private readonly endColumn: number;
    private computedRange: Range | undefined;

    constructor(token: IToken, root: RootCstNode, hidden: boolean) {
        super(token.startOffset, token.image.length, undefined as unknown as Range, token.tokenType, hidden);
        // Chevrotain counts from 1; the end column is already one past the last character.
        this.startLine = (token.startLine ?? 1) - 1;
        this.startColumn = (token.startColumn ?? 1) - 1;
        this.endLine = (token.endLine ?? 1) - 1;
        this.endColumn = token.endColumn ?? 0;
        this.root = root;
    }

    override get range(): Range {
        return this.computedRange ??= {
            start: { line: this.startLine, character: this.startColumn },
            end: { line: this.endLine, character: this.endColumn },
        };
    }
}

/**
 * Langium's CST builder finds a node in its parent with `indexOf`, searching from the front.
 * The node it looks for is nearly always the one just added, at the end: in a file of thousands
 * of declarations each comment before a declaration cost a scan of every declaration before it.
 * This builder searches from the back and otherwise behaves the same.
 */
export class TocCstNodeBuilder extends CstNodeBuilder {
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const parent = this.current;
        const leaf = new TocLeafCstNode(token, parent.root, !feature);
        leaf.grammarSource = feature;
        appendAll(parent.content, [leaf]);
        return leaf;
    }

    override removeNode(node: CstNode): void {
        const content = node.container?.content;
        const index = content ? content.lastIndexOf(node) : -1;
        if (index >= 0) {
            const after = takeFrom(content!, index);
            after.shift();
            appendAll(content!, after);
        }
    }

    override addHiddenNodes(tokens: IToken[]): void {
        let current: CompositeCstNode = this.current;
        const root = current.root;
        const nodes = tokens.map(token => new TocLeafCstNode(token, root, true));
        // Inside a node that has content: the hidden nodes follow it.
        if (current.content.length > 0) {
            appendAll(current.content, nodes);
            return;
        }
        // A node just started: they go before it, in the first ancestor where it is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                insertAll(current.container.content, index, nodes);
                return;
            }
            current = current.container;
        }
        insertAll(root.content, 0, nodes);
    }
}

/** Adds items one by one: spreading hundreds of thousands of comments as arguments overflows the stack. */
function appendAll<T>(target: T[], items: T[]): void {
    for (const item of items) {
        target.push(item);
    }
}

function insertAll<T>(target: T[], index: number, items: T[]): void {
    const after = takeFrom(target, index);
    appendAll(target, items);
    appendAll(target, after);
}

/**
 * Removes and returns the items from `index` on. The CST's child arrays are an Array subclass
 * whose `splice` builds another instance of that subclass for what it returns, which is slow;
 * nearly always only the last item or two are taken.
 */
function takeFrom<T>(target: T[], index: number): T[] {
    const taken: T[] = [];
    while (target.length > index) {
        taken.push(target.pop()!);
    }
    return taken.reverse();
}

/** Langium's parser, with the CST builder above. */
export function createTocParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder is private to LangiumParser and has no service of its own to override.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new TocCstNodeBuilder();
    return parser;
}
