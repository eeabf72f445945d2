import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

/** Each kind of declaration keeps one colour, at its declaration and wherever it is referenced. */
const TOKEN_TYPE: Record<string, string> = {
    Programme: SemanticTokenTypes.namespace,
    Problem: SemanticTokenTypes.enum,
    Activity: SemanticTokenTypes.function,
    Outcome: SemanticTokenTypes.class,
    Link: SemanticTokenTypes.operator,
    Mechanism: SemanticTokenTypes.macro,
    Measure: SemanticTokenTypes.property,
    Assumption: SemanticTokenTypes.interface,
    Evidence: SemanticTokenTypes.decorator,
    Stakeholder: SemanticTokenTypes.parameter,
    Person: SemanticTokenTypes.parameter,
    Resource: SemanticTokenTypes.struct,
    Incentive: SemanticTokenTypes.event,
    Risk: SemanticTokenTypes.enumMember,
    SustainPlan: SemanticTokenTypes.typeParameter,
    Context: SemanticTokenTypes.type,
};

export class TocSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const declared = TOKEN_TYPE[node.$type];
        if (declared && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference, container, property, index } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target && TOKEN_TYPE[target.$type];
            if (type) {
                acceptor({ node: container, property, index, type });
            }
        }
    }
}
