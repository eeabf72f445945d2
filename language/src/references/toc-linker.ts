import type { AstNodeDescription, IndexManager, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, DefaultLinker } from 'langium';
import { declarationKind, expectedKinds } from '../declarations.js';
import type { TocServices } from '../toc-module.js';
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
        // The nearest namesake, this file first and then its imports in order, whatever order the index keeps.
        let namesake: AstNodeDescription | undefined;
        for (const uri of this.imports.closureUris(document)) {
            namesake = this.indexManager
                .allElements(undefined, new Set([uri]))
                .find(description => description.name === name);
            if (namesake) {
                break;
            }
        }
        const message = namesake
            ? `\`${name}\` is ${declarationKind(namesake.type)?.withArticle ?? namesake.type}, but ${expected} is expected here.`
            : `\`${name}\` is not declared. Declare ${expected} named ${name}, or import the file that declares it.`;
        return { ...base, message };
    }
}
