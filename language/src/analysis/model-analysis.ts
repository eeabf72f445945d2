import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI, WorkspaceCache } from 'langium';
import type { TocServices } from '../toc-module.js';
import type { TocImports } from '../workspace/imports.js';
import { ProgrammeModel } from './programme-model.js';

/** Hands out the {@link ProgrammeModel} of a document, built once per workspace state. */
export class ModelAnalysis {
    protected readonly imports: TocImports;
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, ProgrammeModel>;

    constructor(services: TocServices) {
        this.imports = services.workspace.Imports;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
    }

    /**
     * The models a document belongs to: every loaded file that declares a programme and includes
     * the document through its imports. A file no programme includes is a model of its own.
     */
    rootsOf(document: LangiumDocument): LangiumDocument[] {
        const roots = this.imports.graph
            .programmesIncluding(document.uri.toString())
            .map(uri => this.documents.getDocument(URI.parse(uri)))
            .filter((root): root is LangiumDocument => root !== undefined);
        return roots.length > 0 ? roots : [document];
    }

    /**
     * The one model a document is shown in where only one can be (a diagram, a hover, a report):
     * the first programme that includes it, or the document itself.
     */
    rootOf(document: LangiumDocument): LangiumDocument {
        return this.rootsOf(document)[0];
    }

    modelOf(document: LangiumDocument): ProgrammeModel {
        return this.cache.get(document.uri.toString(), () => new ProgrammeModel(this.imports.closure(document)));
    }
}
