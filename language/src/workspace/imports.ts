import type { LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, URI, UriUtils, WorkspaceCache } from 'langium';
import type { Import, Model } from '../generated/ast.js';
import type { TocServices } from '../toc-module.js';
import { ModelGraph } from './model-graph.js';

export const TOC_EXTENSION = '.toc';

/** Where an import statement points: a file, or the reason its path is not one the language reads. */
export type ImportTarget = { uri: URI; refused?: undefined } | { uri?: undefined; refused: string };

/**
 * Resolves `import "path"` statements. A path is relative to the importing file, or an absolute
 * path on the same machine; the `.toc` extension may be left off. A model is a file together with
 * everything it imports, directly or through other imports: names from the whole closure are in
 * scope, and the checks look at it whole.
 */
export class TocImports {
    protected readonly documents: LangiumDocuments;
    protected readonly closures: WorkspaceCache<string, Array<LangiumDocument<Model>>>;
    /** Which files import which and which declare programmes, kept current as files are parsed. */
    readonly graph: ModelGraph;
    /** When set (an untrusted workspace), imports may only name files inside these folders. */
    private confinement: URI[] | undefined;

    constructor(services: TocServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(services.shared);
        this.graph = new ModelGraph(document =>
            pathsOf(modelOf(document)?.imports)
                .map(path => this.target(document.uri, path).uri?.toString())
                .filter((uri): uri is string => uri !== undefined),
        );
        // A deleted file is forgotten only after the build that follows its deletion has been
        // planned, so the plan still sees the models it belonged to.
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.graph.forget(uri.toString());
            }
        });
    }

    /**
     * Confines imports to the given folders (in a workspace the user has not trusted, nothing
     * outside it is read), or lifts the confinement with `undefined`.
     */
    confineTo(folders: URI[] | undefined): void {
        this.confinement = folders;
    }

    /** Whether a file may be read: always, unless the workspace is not trusted and it is outside its folders. */
    mayRead(uri: URI): boolean {
        return !this.confinement || this.confinement.some(folder => isInside(uri, folder));
    }

    /**
     * The file an import path names. A path with a scheme (`file:`, `https:`), a network path
     * (`//host/share`, `\\host\share`), or a `#` or `?` is refused: each would be read as something
     * other than a local file, or not at all.
     */
    target(importingUri: URI, path: string): ImportTarget {
        if (!path.trim()) {
            return { refused: 'The import path is empty. Write the path of a .toc file, relative to this file.' };
        }
        const windowsDrive = /^[a-z]:[\\/]/i.test(path);
        if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !windowsDrive) {
            return {
                refused: `\`${path}\` is a URI, not a path. Import a .toc file by its path relative to this file (for example \`shared/people.toc\`).`,
            };
        }
        if (/^[\\/]{2}/.test(path)) {
            return {
                refused: `\`${path}\` names a network location. Import .toc files on this computer, by their path relative to this file; copy shared files into the project.`,
            };
        }
        if (/[#?]/.test(path)) {
            return {
                refused: `An import path cannot contain \`#\` or \`?\` (\`${path}\`). Rename the file or its folder, and import it by its plain path.`,
            };
        }
        const withExtension = path.toLowerCase().endsWith(TOC_EXTENSION) ? path : path + TOC_EXTENSION;
        const uri =
            windowsDrive && importingUri.scheme === 'file'
                ? URI.file(withExtension)
                : withExtension.startsWith('/')
                  ? importingUri.with({ path: withExtension })
                  : UriUtils.resolvePath(UriUtils.dirname(importingUri), withExtension);
        if (!this.mayRead(uri)) {
            return {
                refused: `This workspace is not trusted, so files outside its folder are not read, and \`${path}\` is outside it. Trust the workspace (Manage Workspace Trust) to import it, or copy it into the workspace.`,
            };
        }
        return { uri };
    }

    /** The loaded document an import points at, if any. */
    resolve(imp: Import): LangiumDocument<Model> | undefined {
        if (imp.path === undefined) {
            return undefined; // `import` cut short by a syntax error
        }
        const uri = this.target(AstUtils.getDocument(imp).uri, imp.path).uri;
        return uri && this.documents.hasDocument(uri)
            ? (this.documents.getDocument(uri) as LangiumDocument<Model>)
            : undefined;
    }

    /** URIs of every import of a document that points at a readable path and is not loaded yet. */
    unloadedImports(document: LangiumDocument): URI[] {
        return pathsOf(modelOf(document)?.imports)
            .map(path => this.target(document.uri, path).uri)
            .filter((uri): uri is URI => uri !== undefined && !this.documents.hasDocument(uri));
    }

    /** The document itself first, then every document it imports, transitively, each once. */
    closure(document: LangiumDocument): Array<LangiumDocument<Model>> {
        return this.closures.get(document.uri.toString(), () => {
            const result: Array<LangiumDocument<Model>> = [document as LangiumDocument<Model>];
            for (const uri of this.graph.importsOf(document.uri.toString())) {
                const member = this.documents.getDocument(URI.parse(uri));
                if (member && member !== document) {
                    result.push(member as LangiumDocument<Model>);
                }
            }
            return result;
        });
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
                for (
                    let doc: LangiumDocument<Model> | undefined = current;
                    doc;
                    doc = parents.get(doc.uri.toString())
                ) {
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

function modelOf(document: LangiumDocument): Model | undefined {
    return document.parseResult?.value as Model | undefined;
}

/** The paths of the imports that have one (an `import` cut short by a syntax error has none). */
function pathsOf(imports: Import[] | undefined): string[] {
    return (imports ?? []).map(imp => imp.path).filter((path): path is string => typeof path === 'string');
}

function isInside(uri: URI, folder: URI): boolean {
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) {
        return false;
    }
    const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
    return uri.path.startsWith(base);
}
