import type { BuildOptions, LangiumDocument } from 'langium';
import { TocDocumentBuilder } from '../workspace/toc-document-builder.js';

export class FastDocumentBuilder extends TocDocumentBuilder {
    /** How many validation categories the language has (one language: the same for every file). */
    private categories: number | undefined;

    /**
     * Langium 4.4 asks this of every loaded file on every edit, and answers by looking up the
     * file's services and building sets of validation categories: at 10,000 files, 60 ms of each
     * keystroke. The same answer is read here from the file's build state and the few categories
     * asked for; the number of categories there are is looked up once.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        if (!state?.completed) {
            return super.resultsAreIncomplete(document, options);
        }
        const executed = state.result?.validationChecks;
        if (executed === undefined) {
            return false; // completed without a record: Langium counts every category as run
        }
        // What is asked, as Langium reads it: everything, the categories named, or nothing.
        const validation = options?.validation;
        if (
            options === undefined ||
            validation === true ||
            (typeof validation === 'object' && validation.categories === undefined)
        ) {
            return executed.length < this.categoryCount(document);
        }
        return typeof validation === 'object' && !validation.categories!.every(category => executed.includes(category));
    }

    private categoryCount(document: LangiumDocument): number {
        this.categories ??= this.serviceRegistry
            .getServices(document.uri)
            .validation.ValidationRegistry.getAllValidationCategories(document).size;
        return this.categories;
    }
}
