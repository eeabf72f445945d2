import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentBuilder } from 'langium';
import type { TocServices } from '../toc-module.js';

/**
 * Relinks and revalidates a document whenever something it depends on changes, even when it holds
 * no reference into the changed file: a file it imports changes, appears or goes away (duplicate
 * names and causal cycles span the import closure), or any file of a model it belongs to changes
 * (the rules judge whole models, and their findings land in every file of the model).
 */
export class TocDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) {
            return true;
        }
        const services = this.serviceRegistry.getServices(document.uri) as Partial<TocServices>;
        const imports = services.workspace?.Imports;
        const analysis = services.analysis?.ModelAnalysis;
        if (!imports || !analysis) {
            return false;
        }
        const touches = (uris: Set<string>) => [...changedUris].some(uri => uris.has(uri));
        return touches(imports.dependencyUris(document))
            || analysis.rootsOf(document).some(root => touches(imports.closureUris(root)));
    }
}
