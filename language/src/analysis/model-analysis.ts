import type { LangiumDocument, LangiumDocuments } from 'langium';
import { WorkspaceCache } from 'langium';
import type { TocServices } from '../toc-module.js';
import type { TocImports } from '../workspace/imports.js';
import { isProgramme } from '../generated/ast.js';
import type { Model } from '../generated/ast.js';
import { ProgrammeModel } from './programme-model.js';

/** Hands out the {@link ProgrammeModel} of a document, built once per workspace state. */
export class ModelAnalysis {
    protected readonly imports: TocImports;
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, ProgrammeModel>;
    protected readonly rootsCache: WorkspaceCache<string, LangiumDocument[]>;

    constructor(services: TocServices) {
        this.imports = services.workspace.Imports;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
        this.rootsCache = new WorkspaceCache(services.shared);
    }

    /**
     * The models a document belongs to: every loaded file that declares a programme and includes
     * the document through its imports. A file no programme includes is a model of its own.
     */
    rootsOf(document: LangiumDocument): LangiumDocument[] {
        return this.rootsCache.get(document.uri.toString(), () => {
            const key = document.uri.toString();
            const roots = this.documents.all
                .filter(candidate => (candidate.parseResult?.value as Model | undefined)?.elements?.some(isProgramme) === true)
                .filter(candidate => this.imports.closureUris(candidate).has(key))
                .toArray();
            return roots.length > 0 ? roots : [document];
        });
    }

    modelOf(document: LangiumDocument): ProgrammeModel {
        return this.cache.get(document.uri.toString(), () => new ProgrammeModel(this.imports.closure(document)));
    }
}
