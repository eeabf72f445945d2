import type { AstNodeDescription, IndexManager, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { declarationKind, expectedKinds } from '../declarations.js';
import type { TocServices } from '../toc-module.js';
import { allNodesOf } from '../utils/ast.js';
import { NODES_PER_INTERRUPT } from '../utils/cancellation.js';
import type { TocImports } from '../workspace/imports.js';

/** Linking errors that say what was expected, what was found instead, and what to do. */
export class TocLinker extends DefaultLinker {
    protected readonly imports: TocImports;
    protected readonly indexManager: IndexManager;

    constructor(services: TocServices) {
        super(services);
        this.imports = services.workspace.Imports;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    /** As Langium links, looking at cancellation every few hundred nodes rather than at each. */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
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

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const base = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const referenceType = this.reflection.getReferenceType(refInfo);
        const expected = expectedKinds(this.reflection, referenceType);
        // A value left outside the tree by a field given twice belongs to no document (see TocScopeProvider).
        const document = AstUtils.findRootNode(refInfo.container).$document;
        if (!document) {
            return base;
        }
        const namesake = this.indexManager
            .allElements(undefined, this.imports.closureUris(document))
            .find(description => description.name === name);
        const message = namesake
            ? `\`${name}\` is ${declarationKind(namesake.type)?.withArticle ?? namesake.type}, but ${expected} is expected here.`
            : `\`${name}\` is not declared. Declare ${expected} named ${name}, or import the file that declares it.`;
        return { ...base, message };
    }
}
