import type { AstNode } from 'langium';
import { isAstNode } from 'langium';

const nodesByRoot = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Every node of a tree, the root first and each parent before its children, in the order of
 * AstUtils.streamAst. Linking and checking each walk the whole tree after every edit, and
 * Langium's streams allocate several objects per node to do it; this list is built once per parse
 * and shared. The tree must not change afterwards (a new parse gives a new root).
 */
export function allNodesOf(root: AstNode): readonly AstNode[] {
    let nodes = nodesByRoot.get(root);
    if (!nodes) {
        nodes = collectNodes(root);
        nodesByRoot.set(root, nodes);
    }
    return nodes;
}

function collectNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const pending: AstNode[] = [root];
    while (pending.length > 0) {
        const node = pending.pop()!;
        nodes.push(node);
        const first = pending.length;
        for (const key in node) {
            if (key.startsWith('$')) {
                continue;
            }
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) {
                        pending.push(item);
                    }
                }
            } else if (isAstNode(value)) {
                pending.push(value);
            }
        }
        // Reversed in place, so that the children come off the stack in order.
        for (let low = first, high = pending.length - 1; low < high; low++, high--) {
            const swap = pending[low];
            pending[low] = pending[high];
            pending[high] = swap;
        }
    }
    return nodes;
}
