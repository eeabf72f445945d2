import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Describes a declaration for the index and for scopes, as Langium does, but as an instance of a
 * class. Langium's object literal has a getter of its own, which makes V8 keep every description
 * as a slow dictionary with closures; a large model has one per declaration.
 */
export class ClassAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(
        node: AstNode,
        name: string | undefined,
        document?: LangiumDocument,
    ): AstNodeDescription {
        const path = this.astNodeLocator.getAstNodePath(node);
        name ??= this.nameProvider.getName(node);
        if (!name) {
            throw new Error(`Node at path ${path} has no name.`);
        }
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        return new NodeDescription(node, name, path, documentUri, this.nameProvider);
    }
}

class NodeDescription implements AstNodeDescription {
    readonly type: string;
    readonly selectionSegment: DocumentSegment | undefined;
    #nameSegment: DocumentSegment | undefined;
    readonly #nameProvider: NameProvider;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly path: string,
        readonly documentUri: URI,
        nameProvider: NameProvider,
    ) {
        this.type = node.$type;
        this.selectionSegment = CstUtils.toDocumentSegment(node.$cstNode);
        this.#nameProvider = nameProvider;
    }

    get nameSegment(): DocumentSegment | undefined {
        return (this.#nameSegment ??= CstUtils.toDocumentSegment(
            this.#nameProvider.getNameNode(this.node) ?? this.node.$cstNode,
        ));
    }
}
