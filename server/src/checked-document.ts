import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Reads a document once it is fully checked, so the findings read with it are current, under the
 * workspace's read lock; `undefined` when the server has no such document.
 */
export async function readWhenChecked<T>(
    shared: LangiumSharedServices,
    uri: string,
    read: (document: LangiumDocument) => T,
): Promise<T | undefined> {
    const documentUri = URI.parse(uri);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, documentUri);
    const document = shared.workspace.LangiumDocuments.getDocument(documentUri);
    return document ? shared.workspace.WorkspaceLock.read(() => read(document)) : undefined;
}
