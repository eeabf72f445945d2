import type { AstNode, AstNodeDescription } from 'langium';
import { isAstNode } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import type { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { declarationKind } from '../declarations.js';

/** Each kind of declaration's icon in the outline, symbol search and completion lists, from its row in DECLARATIONS. */
export class TocNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return declarationKind(typeOf(node))?.symbol ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return declarationKind(typeOf(node))?.completion ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNode(node) ? node.$type : node.type;
}
