import type {
    AstNode,
    AstNodeDescription,
    LangiumDocument,
    LangiumSharedCoreServices,
    ReferenceDescription,
    Stream,
    URI,
} from 'langium';
import { AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, DocumentState, stream } from 'langium';
import { allNodesOf } from './ast-walk.js';

/** Describes a document's references at once, for the index below to call when asked. */
export class FastReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describe(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of allNodesOf(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                if (!info.reference.error) {
                    for (const description of this.createInfoDescriptions(info)) {
                        descriptions.push(description);
                    }
                }
            }
        }
        return descriptions;
    }
}

/**
 * Describes a document's references when something asks for them (find references, rename, or
 * whether another file's change affects it), not after every build: on a large model that was a
 * tenth of the time from an edit to its diagnostics, spent on an index few edits ever consult.
 */
export class LazyReferenceIndexManager extends DefaultIndexManager {
    /** Built documents whose references are not described yet, by URI. */
    private readonly undescribed = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const key = document.uri.toString();
        this.referenceIndex.delete(key);
        this.undescribed.set(key, document);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.undescribed.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const key of [...this.undescribed.keys()]) {
            this.describe(key);
        }
        return super.findAllReferences(targetNode, astNodePath);
    }

    /**
     * The declarations of the given files only, found by looking those files up: Langium walks
     * every indexed file and keeps those in the set, which made every scope (one per file and kind
     * of name) cost as much as the whole workspace.
     */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (!uris) {
            return super.allElements(nodeType);
        }
        return stream(uris)
            .filter(uri => this.symbolIndex.has(uri))
            .flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.describe(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    private describe(key: string): void {
        const document = this.undescribed.get(key);
        // A document being rebuilt is described once its references are linked again.
        if (!document || document.state < DocumentState.IndexedReferences) {
            return;
        }
        this.undescribed.delete(key);
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (provider instanceof FastReferenceDescriptionProvider) {
            this.referenceIndex.set(key, provider.describe(document));
        }
    }
}
