import type { IToken } from 'chevrotain';
import type {
    AstNode,
    CompositeCstNode,
    CstNode,
    LangiumCoreServices,
    LangiumParser,
    ParseResult,
    ParserOptions,
} from 'langium';
import { CstNodeBuilder, createLangiumParser } from 'langium';
import type { RepeatedFieldHint } from '../validation/structure/fields.js';

/** A composite node's children, which only the builder changes. */
const childrenOf = (parent: CompositeCstNode) => parent.content as CstNode[];

/**
 * Langium's CST builder finds a node in its parent with `indexOf`, searching from the front, and
 * adds many children with `push(...children)` and `splice(index, 0, ...children)`. The node it
 * looks for is nearly always the one just added, at the end: in a file of thousands of
 * declarations each comment before a declaration cost a scan of every declaration before it.
 * The spreads pass every child as an argument, which overflows the stack for a run of hundreds
 * of thousands of comments. This builder searches from the back and adds children one at a time,
 * and otherwise behaves the same.
 */
export class TocCstNodeBuilder extends CstNodeBuilder {
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const content = childrenOf(parent);
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
            content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        const content = childrenOf(parent);
        const after = content.splice(index);
        this.appendChildren(parent, children);
        for (const node of after) {
            content.push(node);
        }
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        const index = parent ? parent.content.lastIndexOf(node) : -1;
        if (index >= 0) {
            childrenOf(parent!).splice(index, 1);
        }
    }

    override addHiddenNodes(tokens: IToken[]): void {
        // Called before every token the parser consumes, nearly always with none.
        if (tokens.length === 0) {
            return;
        }
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        // Inside a node that has content: the hidden nodes follow it.
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A node just started: they go before it, in the first ancestor where it is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }
}

/**
 * Langium's parser with two changes made through its private members (no service exposes them):
 * the CST builder above, and a note of each parse in which a single-value property was assigned
 * twice, which lets the repeated-field check skip a parse that has none.
 */
export function createFastParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new TocCstNodeBuilder();
    noteRepeatedAssignments(parser);
    return parser;
}

/** The roots the parser below made, and those of its parses that assigned a single-value property twice on one node. */
const notedParses = new WeakSet<AstNode>();
const parsesWithRepeatedAssignments = new WeakSet<AstNode>();

/**
 * Answers from the parser's note: a parse that never assigned a single-value property twice has
 * no repeated field, and the check, which otherwise reads every token of every declaration on
 * each edit, has nothing to look for. A root the fast parser did not make is read in full.
 */
export class ParseNoteRepeatedFieldHint implements RepeatedFieldHint {
    mayHaveRepeatedFields(root: AstNode): boolean {
        return !notedParses.has(root) || parsesWithRepeatedAssignments.has(root);
    }
}

/** LangiumParser's private members used below (Langium is pinned; the repeated-field tests cover them). */
interface ParserInternals {
    readonly current: Record<string, unknown>;
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef: unknown): void;
}

function noteRepeatedAssignments(parser: LangiumParser): void {
    const internals = parser as unknown as ParserInternals;
    const assign = internals.assign;
    let repeated = false;
    internals.assign = function (this: ParserInternals, operator, feature, value, cstNode, crossRef) {
        if (operator !== '+=' && this.current[feature] !== undefined) {
            repeated = true;
        }
        assign.call(this, operator, feature, value, cstNode, crossRef);
    };
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        repeated = false;
        const result = parse<T>(input, options);
        notedParses.add(result.value);
        if (repeated) {
            parsesWithRepeatedAssignments.add(result.value);
        }
        return result;
    };
}
