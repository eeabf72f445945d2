import type { LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, URI, UriUtils, WorkspaceCache } from 'langium';
import type { Import, Model } from '../generated/ast.js';
import type { TocServices } from '../toc-module.js';

export const TOC_EXTENSION = '.toc';

/**
 * Resolves `import "path"` statements. A path is relative to the importing file; the `.toc`
 * extension may be left off. A model is a file together with everything it imports, directly or
 * through other imports: names from the whole closure are in scope, and the checks look at it whole.
 */
export class TocImports {
    protected readonly documents: LangiumDocuments;
    protected readonly closures: WorkspaceCache<string, Array<LangiumDocument<Model>>>;

    constructor(services: TocServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(services.shared);
    }

    /** The URI an import statement points at, whether or not that file exists. */
    resolveUri(importingUri: URI, path: string): URI {
        const withExtension = path.toLowerCase().endsWith(TOC_EXTENSION) ? path : path + TOC_EXTENSION;
        if (/^[a-z][a-z0-9+.-]*:/i.test(withExtension) && !/^[a-z]:[\\/]/i.test(withExtension)) {
            return URI.parse(withExtension);
        }
        if (withExtension.startsWith('/')) {
            return importingUri.with({ path: withExtension });
        }
        return UriUtils.resolvePath(UriUtils.dirname(importingUri), withExtension);
    }

    /** The loaded document an import points at, if any. */
    resolve(imp: Import): LangiumDocument<Model> | undefined {
        if (imp.path === undefined) {
            return undefined; // `import` cut short by a syntax error
        }
        const document = AstUtils.getDocument(imp);
        const uri = this.resolveUri(document.uri, imp.path);
        return this.documents.hasDocument(uri) ? this.documents.getDocument(uri) as LangiumDocument<Model> : undefined;
    }

    /** URIs of every import of a document that points at a file not loaded yet. */
    unloadedImports(document: LangiumDocument): URI[] {
        const model = document.parseResult?.value as Model | undefined;
        return pathsOf(model?.imports)
            .map(path => this.resolveUri(document.uri, path))
            .filter(uri => !this.documents.hasDocument(uri));
    }

    /** The document itself first, then every document it imports, transitively, each once. */
    closure(document: LangiumDocument): Array<LangiumDocument<Model>> {
        return this.closures.get(document.uri.toString(), () => this.computeClosure(document));
    }

    private computeClosure(document: LangiumDocument): Array<LangiumDocument<Model>> {
        const seen = new Set<string>([document.uri.toString()]);
        const result: Array<LangiumDocument<Model>> = [document as LangiumDocument<Model>];
        for (let i = 0; i < result.length; i++) {
            for (const imp of result[i].parseResult.value.imports ?? []) {
                const target = this.resolve(imp);
                if (target && !seen.has(target.uri.toString())) {
                    seen.add(target.uri.toString());
                    result.push(target);
                }
            }
        }
        return result;
    }

    /**
     * URIs (as strings) every file in the document's closure imports, whether loaded or not:
     * a change to any of them can change what the document means.
     */
    dependencyUris(document: LangiumDocument): Set<string> {
        const result = new Set<string>();
        for (const doc of this.closure(document)) {
            for (const path of pathsOf(doc.parseResult.value.imports)) {
                result.add(this.resolveUri(doc.uri, path).toString());
            }
        }
        return result;
    }

    /** URIs (as strings) of the documents in a document's closure. */
    closureUris(document: LangiumDocument): Set<string> {
        return new Set(this.closure(document).map(doc => doc.uri.toString()));
    }

    /**
     * A chain of documents that leads from this import back to the importing document, if the import
     * is part of a cycle: `[importing, imported, ..., importing]`.
     */
    findCycle(imp: Import): Array<LangiumDocument<Model>> | undefined {
        const origin = AstUtils.getDocument(imp);
        const first = this.resolve(imp);
        if (!first) {
            return undefined;
        }
        const originKey = origin.uri.toString();
        const parents = new Map<string, LangiumDocument<Model> | undefined>([[first.uri.toString(), undefined]]);
        const queue = [first];
        while (queue.length > 0) {
            const current = queue.shift()!;
            if (current.uri.toString() === originKey) {
                const chain: Array<LangiumDocument<Model>> = [];
                for (let doc: LangiumDocument<Model> | undefined = current; doc; doc = parents.get(doc.uri.toString())) {
                    chain.unshift(doc);
                }
                return [origin as LangiumDocument<Model>, ...chain];
            }
            for (const next of current.parseResult.value.imports ?? []) {
                const target = this.resolve(next);
                if (target && !parents.has(target.uri.toString())) {
                    parents.set(target.uri.toString(), current);
                    queue.push(target);
                }
            }
        }
        return undefined;
    }
}

/** The paths of the imports that have one (an `import` cut short by a syntax error has none). */
function pathsOf(imports: Import[] | undefined): string[] {
    return (imports ?? []).map(imp => imp.path).filter((path): path is string => typeof path === 'string');
}
