import type { AstNode, AstReflection } from 'langium';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import * as ast from './generated/ast.js';

/** Every kind of declaration the language has, by its AST type. */
export type DeclarationType = ast.Element['$type'];

/** What the tools show of one kind of declaration, wherever they show it. */
export interface DeclarationKind {
    /** What a person calls it, in a sentence: `outcome`, `sustain plan`. */
    readonly label: string;
    /** The label with its article, as a reference expects it: `an outcome`, `an evidence entry`. */
    readonly withArticle: string;
    /** Its icon in the outline and symbol search, */
    readonly symbol: SymbolKind;
    /** in completion lists, */
    readonly completion: CompletionItemKind;
    /** and its colour, at its declaration and wherever it is referenced. */
    readonly token: string;
}

function kind(
    label: string,
    withArticle: string,
    symbol: SymbolKind,
    completion: CompletionItemKind,
    token: string,
): DeclarationKind {
    return { label, withArticle, symbol, completion, token };
}

/**
 * The one table of declaration kinds. Keyed by every AST type of a declaration, so a kind added
 * to the grammar and left out here fails the typecheck.
 */
export const DECLARATIONS: { readonly [Type in DeclarationType]: DeclarationKind } = {
    Programme: kind(
        'programme',
        'a programme',
        SymbolKind.Namespace,
        CompletionItemKind.Module,
        SemanticTokenTypes.namespace,
    ),
    Problem: kind('problem', 'a problem', SymbolKind.Enum, CompletionItemKind.Enum, SemanticTokenTypes.enum),
    Activity: kind(
        'activity',
        'an activity',
        SymbolKind.Function,
        CompletionItemKind.Function,
        SemanticTokenTypes.function,
    ),
    Outcome: kind('outcome', 'an outcome', SymbolKind.Class, CompletionItemKind.Class, SemanticTokenTypes.class),
    Link: kind('link', 'a link', SymbolKind.Operator, CompletionItemKind.Operator, SemanticTokenTypes.operator),
    Mechanism: kind('mechanism', 'a mechanism', SymbolKind.Method, CompletionItemKind.Method, SemanticTokenTypes.macro),
    Measure: kind(
        'measure',
        'a measure',
        SymbolKind.Property,
        CompletionItemKind.Property,
        SemanticTokenTypes.property,
    ),
    Assumption: kind(
        'assumption',
        'an assumption',
        SymbolKind.Interface,
        CompletionItemKind.Interface,
        SemanticTokenTypes.interface,
    ),
    Evidence: kind(
        'evidence',
        'an evidence entry',
        SymbolKind.File,
        CompletionItemKind.Reference,
        SemanticTokenTypes.decorator,
    ),
    Stakeholder: kind(
        'stakeholder',
        'a stakeholder',
        SymbolKind.Variable,
        CompletionItemKind.Variable,
        SemanticTokenTypes.parameter,
    ),
    Person: kind('person', 'a person', SymbolKind.Variable, CompletionItemKind.Variable, SemanticTokenTypes.parameter),
    Resource: kind('resource', 'a resource', SymbolKind.Struct, CompletionItemKind.Struct, SemanticTokenTypes.struct),
    Incentive: kind('incentive', 'an incentive', SymbolKind.Event, CompletionItemKind.Event, SemanticTokenTypes.event),
    Risk: kind('risk', 'a risk', SymbolKind.EnumMember, CompletionItemKind.EnumMember, SemanticTokenTypes.enumMember),
    SustainPlan: kind(
        'sustain plan',
        'a sustain plan',
        SymbolKind.Package,
        CompletionItemKind.Module,
        SemanticTokenTypes.typeParameter,
    ),
    Context: kind(
        'context',
        'a context',
        SymbolKind.TypeParameter,
        CompletionItemKind.TypeParameter,
        SemanticTokenTypes.type,
    ),
    Site: kind('site', 'a site', SymbolKind.Object, CompletionItemKind.Folder, SemanticTokenTypes.variable),
};

/** The kind of a declaration's AST type, or undefined for any other type. */
export function declarationKind(type: string): DeclarationKind | undefined {
    return Object.hasOwn(DECLARATIONS, type) ? DECLARATIONS[type as DeclarationType] : undefined;
}

/** What a person calls this declaration: its kind's label, `side effect` for a risk marked so. */
export function kindLabel(node: AstNode): string {
    if (ast.isRisk(node) && node.sideEffect) {
        return 'side effect';
    }
    return declarationKind(node.$type)?.label ?? node.$type.toLowerCase();
}

/**
 * What a reference of this type expects, in words: `an outcome`, or for a type that several kinds
 * share, each of them: `an activity, outcome or risk`.
 */
export function expectedKinds(reflection: AstReflection, referenceType: string): string {
    const kinds = (Object.keys(DECLARATIONS) as DeclarationType[]).filter(type =>
        reflection.isSubtype(type, referenceType),
    );
    if (kinds.length === 0) {
        return referenceType;
    }
    if (kinds.length === 1) {
        return DECLARATIONS[kinds[0]].withArticle;
    }
    const labels = kinds.map(type => DECLARATIONS[type].label);
    const article = DECLARATIONS[kinds[0]].withArticle.split(' ')[0];
    return `${article} ${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
