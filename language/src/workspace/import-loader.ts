import type { Disposable, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { DocumentState } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { TocImports } from './imports.js';

/**
 * Brings imported files into the workspace when they are not loaded yet (for instance a file
 * outside the editor's workspace folder, or one the command-line checker was not given).
 * Files that do not exist are left alone: the import check reports them.
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

    /** Imported files that exist on disk but are not loaded, across all loaded documents. */
    async findLoadable(documents: Iterable<LangiumDocument>): Promise<URI[]> {
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
    async buildWithImports(uris: URI[], cancelToken: CancellationToken = CancellationToken.None): Promise<LangiumDocument[]> {
        const documents = this.shared.workspace.LangiumDocuments;
        const builder = this.shared.workspace.DocumentBuilder;
        const roots: LangiumDocument[] = [];
        for (const uri of uris) {
            roots.push(await documents.getOrCreateDocument(uri, cancelToken));
        }
        await builder.build(roots, { validation: true }, cancelToken);
        // Only the files loaded last can import files not loaded yet.
        for (let pending = await this.findLoadable(roots); pending.length > 0; pending = await this.findLoadable(this.loaded(pending))) {
            await builder.update(pending, [], cancelToken);
        }
        return roots;
    }

    /**
     * The documents now loaded for these URIs. A URI that did not become a document is not tried
     * again, so no import can keep the loader going round.
     */
    private loaded(uris: URI[]): LangiumDocument[] {
        const documents = this.shared.workspace.LangiumDocuments;
        const result: LangiumDocument[] = [];
        for (const uri of uris) {
            const document = documents.getDocument(uri);
            if (document) {
                result.push(document);
            } else {
                this.unloadable.add(uri.toString());
            }
        }
        return result;
    }

    /**
     * In a language server: after every build, load imported files that are not loaded yet and
     * build them, so an import of a file outside the workspace folder resolves too.
     */
    loadImportsAfterEachBuild(): Disposable {
        const workspace = this.shared.workspace;
        return workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async documents => {
            const loadable = await this.findLoadable(documents);
            if (loadable.length > 0) {
                void workspace.WorkspaceLock.write(async token => {
                    await workspace.DocumentBuilder.update(loadable, [], token);
                    this.loaded(loadable);
                });
            }
        });
    }
}
