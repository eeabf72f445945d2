import type { LangiumDocument } from 'langium';
import { WorkspaceCache } from 'langium';
import type { TocServices } from '../toc-module.js';
import type { TocImports } from '../workspace/imports.js';
import { ProgrammeModel } from './programme-model.js';

/** Hands out the {@link ProgrammeModel} of a document, built once per workspace state. */
export class ModelAnalysis {
    protected readonly imports: TocImports;
    protected readonly cache: WorkspaceCache<string, ProgrammeModel>;

    constructor(services: TocServices) {
        this.imports = services.workspace.Imports;
        this.cache = new WorkspaceCache(services.shared);
    }

    modelOf(document: LangiumDocument): ProgrammeModel {
        return this.cache.get(document.uri.toString(), () => new ProgrammeModel(this.imports.closure(document)));
    }
}
