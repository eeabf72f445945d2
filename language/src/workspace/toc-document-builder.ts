import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentBuilder } from 'langium';
import type { TocImports } from './imports.js';

/**
 * Relinks and revalidates a document whenever a file it imports changes, appears or goes away,
 * even when it holds no reference into that file: duplicate names and causal cycles span the whole
 * import closure.
 */
export class TocDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) {
            return true;
        }
        const imports = this.importsFor(document);
        if (!imports) {
            return false;
        }
        const dependencies = imports.dependencyUris(document);
        for (const uri of changedUris) {
            if (dependencies.has(uri)) {
                return true;
            }
        }
        return false;
    }

    private importsFor(document: LangiumDocument): TocImports | undefined {
        const services = this.serviceRegistry.getServices(document.uri) as { workspace?: { Imports?: TocImports } };
        return services.workspace?.Imports;
    }
}
