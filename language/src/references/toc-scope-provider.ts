import type { ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, WorkspaceCache } from 'langium';
import type { TocServices } from '../toc-module.js';
import type { TocImports } from '../workspace/imports.js';

/**
 * Names visible in a file are its own and those of every file it imports (transitively); other
 * `.toc` files in the workspace are not in scope until imported.
 */
export class TocScopeProvider extends DefaultScopeProvider {
    protected readonly imports: TocImports;
    protected readonly importScopeCache: WorkspaceCache<string, Scope>;

    constructor(services: TocServices) {
        super(services);
        this.imports = services.workspace.Imports;
        this.importScopeCache = new WorkspaceCache(services.shared);
    }

    /**
     * Every declaration is top-level and exported, so the file's own names are already in the
     * import closure's scope; Langium's local scopes would only repeat them, searched linearly.
     */
    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        // A field given twice (`mechanism M mechanism N`) leaves its first value outside the tree,
        // though its text is still there for a hover to find: it belongs to no document, and
        // nothing is in scope for it. (AstUtils.getDocument would throw.)
        const document = AstUtils.findRootNode(context.container).$document;
        if (!document) {
            return EMPTY_SCOPE;
        }
        const key = `${document.uri.toString()}\u0000${referenceType}`;
        return this.importScopeCache.get(key, () => {
            const uris = this.imports.closureUris(document);
            return new MapScope(this.indexManager.allElements(referenceType, uris));
        });
    }
}
