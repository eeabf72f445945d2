import type { LangiumDocument, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, WorkspaceCache } from 'langium';
import type { TocServices } from '../toc-module.js';
import type { TocImports } from '../workspace/imports.js';

/**
 * Names visible in a file are its own and those of every file it imports (transitively); other
 * `.toc` files in the workspace are not in scope until imported.
 */
export class TocScopeProvider extends DefaultScopeProvider {
    protected readonly imports: TocImports;
    /** Per document, the scope of each reference type: looked up for every reference linked. */
    protected readonly importScopeCache: WorkspaceCache<LangiumDocument, Map<string, Scope>>;

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
        const scopes = this.importScopeCache.get(document, () => new Map());
        let scope = scopes.get(referenceType);
        if (!scope) {
            scope = new MapScope(this.indexManager.allElements(referenceType, this.imports.closureUris(document)));
            scopes.set(referenceType, scope);
        }
        return scope;
    }
}
