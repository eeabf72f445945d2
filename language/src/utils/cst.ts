import type { CstNode } from 'langium';
import { isCompositeCstNode } from 'langium';

/** The CST node of a declaration's own rule, below the `Element` rule call that wraps it. */
export function declarationNode(cst: CstNode | undefined): CstNode | undefined {
    while (cst && isCompositeCstNode(cst)) {
        const visible = cst.content.filter(child => !child.hidden);
        if (visible.length !== 1 || !isCompositeCstNode(visible[0])) {
            break;
        }
        cst = visible[0];
    }
    return cst;
}
