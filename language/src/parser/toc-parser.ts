import type { IToken } from 'chevrotain';
import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LangiumCoreServices, LangiumParser, LeafCstNode, ParseResult, ParserOptions, RootCstNode } from 'langium';
import { CstNodeBuilder, LeafCstNodeImpl, createLangiumParser } from 'langium';
import type { Range } from 'vscode-languageserver';

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
 * This builder searches from the back, adds children without the allocations described at
 * `adopt`, and otherwise behaves the same.
 */
export class TocCstNodeBuilder extends CstNodeBuilder {
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const parent = this.current;
        const leaf = new TocLeafCstNode(token, parent.root, !feature);
        leaf.grammarSource = feature;
        leaf.container = parent;
        nativePush.call(parent.content, leaf);
        return leaf;
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        const index = parent ? parent.content.lastIndexOf(node) : -1;
        if (index >= 0) {
            const after = takeFrom(parent!.content, index);
            after.shift();
            appendNative(parent!.content, after);
        }
    }

    override addHiddenNodes(tokens: IToken[]): void {
        // Called before every token the parser consumes, nearly always with none.
        if (tokens.length === 0) {
            return;
        }
        let current: CompositeCstNode = this.current;
        const root = current.root;
        const nodes = tokens.map(token => new TocLeafCstNode(token, root, true));
        // Inside a node that has content: the hidden nodes follow it.
        if (current.content.length > 0) {
            adopt(current, nodes, current.content.length);
            return;
        }
        // A node just started: they go before it, in the first ancestor where it is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                adopt(current.container, nodes, index);
                return;
            }
            current = current.container;
        }
        adopt(root, nodes, 0);
    }
}

/**
 * The CST's child arrays are an Array subclass whose `push` and `splice` take their items as rest
 * arguments (an allocation per token, and a stack overflow for hundreds of thousands of comments)
 * and whose `splice` builds another instance of the subclass for what it returns. Children are
 * added here with the plain array methods, and given their container as the subclass would.
 */
const nativePush = Array.prototype.push;
const nativePop = Array.prototype.pop;

/** Inserts nodes as children of `parent` at `index` (nearly always at or next to the end). */
function adopt(parent: CompositeCstNode, nodes: CstNode[], index: number): void {
    for (const node of nodes) {
        (node as { container?: CompositeCstNode }).container = parent;
    }
    const after = takeFrom(parent.content, index);
    appendNative(parent.content, nodes);
    appendNative(parent.content, after);
}

function appendNative(target: CstNode[], items: CstNode[]): void {
    for (const item of items) {
        nativePush.call(target, item);
    }
}

/** Removes and returns the children from `index` on. */
function takeFrom(target: CstNode[], index: number): CstNode[] {
    if (target.length <= index) {
        return [];
    }
    const taken: CstNode[] = [];
    while (target.length > index) {
        taken.push(nativePop.call(target)!);
    }
    return taken.reverse();
}

/** Langium's parser, with the CST builder above, noting parses where a field was given twice. */
export function createTocParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder is private to LangiumParser and has no service of its own to override.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new TocCstNodeBuilder();
    noteRepeatedAssignments(parser);
    return parser;
}

/** The roots of parses in which a single-value property was assigned twice on one node. */
const parsesWithRepeatedAssignments = new WeakSet<AstNode>();

/**
 * Whether the parse that produced this root assigned some single-value property twice. When it
 * did not, no declaration in it can have a repeated field, and the repeated-field check, which
 * otherwise reads every token of every declaration on each edit, has nothing to look for.
 */
export function mayHaveRepeatedFields(root: AstNode): boolean {
    return parsesWithRepeatedAssignments.has(root);
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
        if (repeated) {
            parsesWithRepeatedAssignments.add(result.value);
        }
        return result;
    };
}
