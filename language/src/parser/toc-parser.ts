import type { IToken } from 'chevrotain';
import type { CompositeCstNode, CstNode, LangiumCoreServices, LangiumParser } from 'langium';
import { CstNodeBuilder, CstUtils, LeafCstNodeImpl, createLangiumParser } from 'langium';

/**
 * Langium's CST builder finds a node in its parent with `indexOf`, searching from the front.
 * The node it looks for is nearly always the one just added, at the end: in a file of thousands
 * of declarations each comment before a declaration cost a scan of every declaration before it.
 * This builder searches from the back and otherwise behaves the same.
 */
export class TocCstNodeBuilder extends CstNodeBuilder {
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
        const nodes = tokens.map(token => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = root;
            return leaf;
        });
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
