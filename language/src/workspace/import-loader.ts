import type { LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { TocImports } from './imports.js';

/**
 * Brings imported files into the workspace when they are not loaded yet (a file outside the
 * editor's workspace folder, one the command-line checker was not given, or one whose turn has not
 * come while the workspace loads). The document builder calls it as part of every build, so a
 * model is linked and checked with all its files at once. Files that do not exist are left alone:
 * the import check reports them.
 */
export class TocImportLoader {
    protected readonly shared: LangiumSharedCoreServices;
    protected readonly imports: () => TocImports;
    /** Imported files that were asked for and did not load: they are not asked for again. */
    private readonly unloadable = new Set<string>();

    constructor(shared: LangiumSharedCoreServices, imports: () => TocImports) {
        this.shared = shared;
        this.imports = imports;
    }

    /**
     * Loads (reads and parses) the files these documents import that exist but are not loaded,
     * and the files those import, and so on. Returns the new documents, not yet built.
     */
    async loadImportsOf(documents: LangiumDocument[]): Promise<LangiumDocument[]> {
        const langiumDocuments = this.shared.workspace.LangiumDocuments;
        const added: LangiumDocument[] = [];
        for (let frontier = documents; frontier.length > 0;) {
            const next: LangiumDocument[] = [];
            for (const uri of await this.findLoadable(frontier)) {
                try {
                    next.push(await langiumDocuments.getOrCreateDocument(uri));
                } catch {
                    // Unreadable after all: the import check reports it, and it is not tried again.
                    this.unloadable.add(uri.toString());
                }
            }
            added.push(...next);
            frontier = next;
        }
        return added;
    }

    /** Imported files that exist on disk but are not loaded, across the given documents. */
    private async findLoadable(documents: Iterable<LangiumDocument>): Promise<URI[]> {
        const fileSystem = this.shared.workspace.FileSystemProvider;
        const candidates = new Map<string, URI>();
        for (const document of documents) {
            for (const uri of this.imports().unloadedImports(document)) {
                if (!this.unloadable.has(uri.toString())) {
                    candidates.set(uri.toString(), uri);
                }
            }
        }
        const loadable: URI[] = [];
        for (const uri of candidates.values()) {
            try {
                if ((await fileSystem.stat(uri)).isFile) {
                    loadable.push(uri);
                }
            } catch {
                // Missing or unreadable: the import check says so on the import statement.
            }
        }
        return loadable;
    }

    /**
     * Builds the given files and everything they import, transitively, with validation.
     * Returns the documents for the given URIs, in the given order.
     */
    async buildWithImports(
        uris: URI[],
        cancelToken: CancellationToken = CancellationToken.None,
    ): Promise<LangiumDocument[]> {
        const documents = this.shared.workspace.LangiumDocuments;
        const roots: LangiumDocument[] = [];
        for (const uri of uris) {
            roots.push(await documents.getOrCreateDocument(uri));
        }
        await this.shared.workspace.DocumentBuilder.build(roots, { validation: true }, cancelToken);
        return roots;
    }
}
