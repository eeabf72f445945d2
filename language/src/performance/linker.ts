import type { LangiumDocument } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import { TocLinker } from '../references/toc-linker.js';
import { allNodesOf } from './ast-walk.js';
import { NODES_PER_INTERRUPT } from './cancellation.js';

/**
 * Replaces DefaultLinker.link, which walks the tree with a stream and awaits a look at
 * cancellation at every node: here the walk is the shared list of nodes and cancellation is
 * looked at every few hundred nodes.
 */
export class FastLinker extends TocLinker {
    /** As Langium links, looking at cancellation every few hundred nodes rather than at each. */
    override async link(
        document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        let visited = 0;
        for (const node of allNodesOf(document.parseResult.value)) {
            if (visited++ % NODES_PER_INTERRUPT === 0) {
                await interruptAndCheck(cancelToken);
            }
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }
}
