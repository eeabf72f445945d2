import type { LangiumSharedCoreServices, URI } from 'langium';
import { DefaultWorkspaceManager, interruptAndCheck } from 'langium';
import type { CancellationToken, InitializedParams, WorkspaceFolder } from 'vscode-languageserver';

/** How many files are loaded and built under the workspace lock at a time while the workspace loads. */
export const LOAD_BATCH_SIZE = 250;

/**
 * Loads the workspace's `.toc` files in batches, each under the workspace lock, instead of all
 * of them in one action. An edit, or a file the user opens, waits for at most one batch rather
 * than for the whole workspace: in a folder of 10,000 models the first diagnostics of the open
 * file come in well under a second, while the rest load behind it. A file's names come only from
 * its imports, which are loaded with it when needed, so nothing it shows depends on the order;
 * the findings that do depend on other files (those of the programmes that import a shared file)
 * follow when those programmes load.
 */
export class TocWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async initialized(_params: InitializedParams): Promise<void> {
        await this.initializeWorkspace(this.folders ?? []);
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        const uris: URI[] = [];
        await Promise.all(folders.map(folder => this.traverseFolder(this.getRootFolder(folder), uris)));
        // Files of one folder together: a model's imports are most often beside it.
        const byPath = [...new Map(uris.map(uri => [uri.toString(), uri])).values()].sort((a, b) =>
            a.path.localeCompare(b.path),
        );
        this._ready.resolve();
        for (let start = 0; start < byPath.length; start += LOAD_BATCH_SIZE) {
            if (cancelToken) {
                await interruptAndCheck(cancelToken);
            }
            // A read runs only once no write is queued: edits that came in meanwhile go first, and
            // the batch's write below (which cancels the write before it) cancels none of them.
            await this.mutex.read(() => undefined);
            const batch = byPath.slice(start, start + LOAD_BATCH_SIZE);
            await this.mutex.write(async token => {
                // Whatever an edit left unfinished (cancelled by this write after all) is built first.
                await this.documentBuilder.update([], [], token);
                const documents = [];
                for (const uri of batch) {
                    // Opened, or imported by a file opened, before its batch came.
                    if (!this.langiumDocuments.hasDocument(uri)) {
                        try {
                            documents.push(await this.langiumDocuments.getOrCreateDocument(uri));
                        } catch (error) {
                            // Unreadable (permissions, a broken link): the rest of the workspace still loads.
                            console.error(
                                `Could not read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`,
                            );
                        }
                    }
                }
                await this.documentBuilder.build(documents, this.initialBuildOptions, token);
            });
        }
    }
}
