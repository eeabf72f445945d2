import type { AstNode, LangiumDocument, LangiumSharedCoreServices, Stream, URI } from 'langium';
import { DefaultLangiumDocuments, DocumentState, stream, UriUtils } from 'langium';

/**
 * Langium's documents, kept in a map by URI instead of Langium's tree of URI segments. Langium
 * lists every loaded document (twice on every edit) by walking that tree and gathering arrays
 * from each of its branches, and parses and reprints a URI on every lookup; in a workspace of
 * 10,000 files the walk was a quarter of an edit's cost, and the lookups a twentieth of checking
 * a folder of small models. Only a folder's documents need a scan, and folders are rarely asked for.
 */
export class MapLangiumDocuments extends DefaultLangiumDocuments {
    /** By the URI as Langium's tree keeps it: parsed and printed again. */
    private readonly byUri = new Map<string, LangiumDocument>();

    private readonly builder: () => LangiumSharedCoreServices['workspace']['DocumentBuilder'];

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.builder = () => services.workspace.DocumentBuilder;
    }

    override get all(): Stream<LangiumDocument> {
        return stream(this.byUri.values());
    }

    override addDocument(document: LangiumDocument): void {
        const key = UriUtils.normalize(document.uri);
        if (this.byUri.has(key)) {
            throw new Error(`A document with the URI '${document.uri.toString()}' is already present.`);
        }
        this.byUri.set(key, document);
    }

    /** Found at once when the URI is written as it was added, which is nearly always. */
    override getDocument(uri: URI): LangiumDocument | undefined {
        return this.byUri.get(uri.toString()) ?? this.byUri.get(UriUtils.normalize(uri));
    }

    override hasDocument(uri: URI): boolean {
        return this.getDocument(uri) !== undefined;
    }

    override getDocuments(folder: URI): LangiumDocument[] {
        return this.keysIn(folder).map(key => this.byUri.get(key)!);
    }

    override invalidateDocument(uri: URI): LangiumDocument | undefined {
        const document = this.getDocument(uri);
        if (document) {
            this.builder().resetToState(document, DocumentState.Changed);
        }
        return document;
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        const document = this.getDocument(uri);
        if (document) {
            document.state = DocumentState.Changed;
            this.byUri.delete(UriUtils.normalize(document.uri));
        }
        return document;
    }

    override deleteDocuments(folder: URI): Array<LangiumDocument<AstNode>> {
        return this.keysIn(folder).map(key => {
            const document = this.byUri.get(key)!;
            document.state = DocumentState.Changed;
            this.byUri.delete(key);
            return document;
        });
    }

    /** The keys of the documents in a folder or below it, or of the document it names. */
    private keysIn(folder: URI): string[] {
        const prefix = UriUtils.normalize(folder).replace(/\/$/, '');
        return [...this.byUri.keys()].filter(key => key === prefix || key.startsWith(`${prefix}/`));
    }
}
