import type { CstNode, GrammarAST as GrammarTypes } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';

type AbstractElement = GrammarTypes.AbstractElement;

/** The CST node of a declaration's own rule, below the `Element` rule call that wraps it. */
export function declarationNode(cst: CstNode | undefined): CstNode | undefined {
    while (cst && isCompositeCstNode(cst)) {
        let only: CstNode | undefined;
        let count = 0;
        for (const child of cst.content) {
            if (!child.hidden) {
                only = child;
                count++;
            }
        }
        if (count !== 1 || !isCompositeCstNode(only)) {
            break;
        }
        cst = only;
    }
    return cst;
}

/** For each grammar element, the feature of the assignment it belongs to (null for none). */
const assignedFeatures = new WeakMap<object, string | null>();

function assignedFeature(grammarSource: AbstractElement | undefined): string | undefined {
    if (!grammarSource) {
        return undefined;
    }
    let feature = assignedFeatures.get(grammarSource);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature ?? null;
        assignedFeatures.set(grammarSource, feature);
    }
    return feature ?? undefined;
}

/**
 * The CST node of a node's property (its `index`-th value, or the last there is), as Langium's
 * `GrammarUtils.findNodeForProperty` finds it, but stopping at the one wanted and looking each
 * grammar element's assignment up once: every finding is placed by it, and Langium's search was
 * a tenth of the time of checking a folder of small models.
 */
export function findPropertyNode(
    node: CstNode | undefined,
    property: string | undefined,
    index = 0,
): CstNode | undefined {
    if (!node || property === undefined) {
        return undefined;
    }
    const element = node.astNode;
    let remaining = Math.max(0, index);
    let last: CstNode | undefined;
    const visit = (current: CstNode, first: boolean): CstNode | undefined => {
        if (!first && assignedFeature(current.grammarSource) === property) {
            last = current;
            return remaining-- === 0 ? current : undefined;
        }
        if (isCompositeCstNode(current) && current.astNode === element) {
            for (const child of current.content) {
                const found = visit(child, false);
                if (found) {
                    return found;
                }
            }
        }
        return undefined;
    };
    return visit(node, true) ?? last;
}
