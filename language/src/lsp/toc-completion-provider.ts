import type { AstNodeDescription, LangiumDocument, ReferenceInfo, Stream } from 'langium';
import type { CompletionContext, CompletionProviderOptions, CompletionValueItem } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionTriggerKind } from 'vscode-languageserver';
import { declarationKind, kindLabel } from '../declarations.js';
import { visibleText } from '../utils/text.js';
import { isLink } from '../generated/ast.js';

/** Typed after these, a name is nearly always what comes next: after `->`, and after a field's keyword. */
const TRIGGERS = ['>', ' '];

/**
 * Completion as Langium offers it, with names shown by kind and title, the cause of a link left
 * out of its effects, and, when the editor asks on its own after `->` or a space, names only (a
 * list of keywords after every space would get in the way of typing).
 */
export class TocCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: TRIGGERS };

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
    ): Promise<CompletionList | undefined> {
        // The text is read as it is now, the tree as it was last built: a request that arrives
        // between an edit and its build would read the one against the other (and fail where the
        // cursor is in something the old tree does not have). Answer nothing yet, marked
        // incomplete, so that the editor asks again as the user types on.
        if (!treeIsCurrent(document)) {
            return { isIncomplete: true, items: [] };
        }
        const list = await super.getCompletion(document, params);
        const context = params.context;
        if (!list || context?.triggerKind !== CompletionTriggerKind.TriggerCharacter) {
            return list;
        }
        const names = list.items.filter(item => item.data === NAME);
        return names.length > 0 ? { ...list, items: names } : undefined;
    }

    protected override getReferenceCandidates(
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const link = refInfo.container;
        // A link from a node to itself is an error: the cause is not one of its possible effects.
        if (refInfo.property === 'target' && isLink(link) && link.source?.$refText) {
            const cause = link.source.$refText;
            return candidates.filter(candidate => candidate.name !== cause);
        }
        return candidates;
    }

    protected override createReferenceCompletionItem(
        nodeDescription: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        const title = (node as { title?: unknown } | undefined)?.title;
        return {
            ...item,
            detail: node ? kindLabel(node) : (declarationKind(nodeDescription.type)?.label ?? nodeDescription.type),
            labelDetails: typeof title === 'string' ? { description: visibleText(title) } : undefined,
            data: NAME,
        };
    }
}

/** Marks the items that are names, for the filter above. */
const NAME = 'toc-name';

/** Whether a document's tree was built from the text it holds now. */
export function treeIsCurrent(document: LangiumDocument): boolean {
    return (document.parseResult.value.$cstNode?.root.fullText ?? '') === document.textDocument.getText();
}
