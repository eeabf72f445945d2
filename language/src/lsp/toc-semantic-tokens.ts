import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { declarationKind } from '../declarations.js';

/** Each kind of declaration keeps one colour (its row in DECLARATIONS), at its declaration and wherever it is referenced. */
export class TocSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const declared = declarationKind(node.$type)?.token;
        if (declared && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference, container, property, index } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target && declarationKind(target.$type)?.token;
            if (type) {
                acceptor({ node: container, property, index, type });
            }
        }
    }
}
