import type { AstNode, AstNodeDescription } from 'langium';
import { isAstNode } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** One icon per kind of declaration, in the outline, symbol search and completion lists. */
const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    Programme: [SymbolKind.Namespace, CompletionItemKind.Module],
    Problem: [SymbolKind.Enum, CompletionItemKind.Enum],
    Activity: [SymbolKind.Function, CompletionItemKind.Function],
    Outcome: [SymbolKind.Class, CompletionItemKind.Class],
    Link: [SymbolKind.Operator, CompletionItemKind.Operator],
    Mechanism: [SymbolKind.Method, CompletionItemKind.Method],
    Measure: [SymbolKind.Property, CompletionItemKind.Property],
    Assumption: [SymbolKind.Interface, CompletionItemKind.Interface],
    Evidence: [SymbolKind.File, CompletionItemKind.Reference],
    Stakeholder: [SymbolKind.Variable, CompletionItemKind.Variable],
    Person: [SymbolKind.Variable, CompletionItemKind.Variable],
    Resource: [SymbolKind.Struct, CompletionItemKind.Struct],
    Incentive: [SymbolKind.Event, CompletionItemKind.Event],
    Risk: [SymbolKind.EnumMember, CompletionItemKind.EnumMember],
    SustainPlan: [SymbolKind.Package, CompletionItemKind.Module],
    Context: [SymbolKind.TypeParameter, CompletionItemKind.TypeParameter],
};

export class TocNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNode(node) ? node.$type : node.type;
}
