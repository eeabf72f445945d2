import type { CstNode } from 'langium';
import { isCompositeCstNode } from 'langium';

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
