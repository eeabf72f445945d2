import type { AstNode, AstNodeDescription, CstNode, IndexManager, LangiumDocument, LinkingError, Reference, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, DocumentState, interruptAndCheck, isAstNode, isAstNodeDescription, isLinkingError, RefResolving } from 'langium';
import type { TocServices } from '../toc-module.js';
import { allNodesOf } from '../utils/ast.js';
import { NODES_PER_INTERRUPT } from '../utils/cancellation.js';
import type { TocImports } from '../workspace/imports.js';

/** How a reference type reads in a sentence. */
const EXPECTED: Record<string, string> = {
    CausalNode: 'an activity or outcome',
    Party: 'a stakeholder or person',
    Measurable: 'an activity, outcome or risk',
    Outcome: 'an outcome',
    Activity: 'an activity',
    Assumption: 'an assumption',
    Evidence: 'an evidence entry',
    Mechanism: 'a mechanism',
    Context: 'a context',
    Stakeholder: 'a stakeholder',
};

/** Linking errors that say what was expected, what was found instead, and what to do. */
export class TocLinker extends DefaultLinker {
    protected readonly imports: TocImports;
    protected readonly indexManager: IndexManager;

    constructor(services: TocServices) {
        super(services);
        this.imports = services.workspace.Imports;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    /** As Langium links, looking at cancellation every few hundred nodes rather than at each. */
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        let visited = 0;
        for (const node of allNodesOf(document.parseResult.value)) {
            if (visited++ % NODES_PER_INTERRUPT === 0) {
                await interruptAndCheck(cancelToken);
            }
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }

    /**
     * As Langium builds a reference, but as an instance of a class. Langium's object literal has
     * getters of its own, which makes V8 keep every reference as a slow dictionary with three
     * closures: several hundred bytes each, and slower to read, for one of the commonest objects
     * in a model.
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new TocReference(this, node, property, refNode, refText);
    }

    /** As Langium unlinks, but clears rather than deletes, which would make each reference slow again. */
    override unlink(document: LangiumDocument): void {
        const others: LangiumDocument['references'] = [];
        for (const reference of document.references) {
            if (reference instanceof TocReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else {
                others.push(reference);
            }
        }
        document.references = others;
        super.unlink(document);
    }

    /** What reading `ref` does on a reference not yet linked by `link`: Langium's lazy resolution. */
    resolveLazily(reference: TocReference, container: AstNode, property: string): void {
        const refInfo: ReferenceInfo = { reference, container, property };
        if (isAstNodeDescription(reference._nodeDescription)) {
            // A candidate was found before, but its document was not loaded then.
            reference._ref = this.loadAstNode(reference._nodeDescription) ?? this.createLinkingError(refInfo, reference._nodeDescription);
        } else if (reference._ref === undefined) {
            reference._ref = RefResolving;
            const document = AstUtils.findRootNode(container).$document;
            const linked = this.getLinkedNode(refInfo);
            if (linked.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready yet: leave the reference for a later try.
                reference._ref = undefined;
                return;
            }
            reference._ref = linked.node ?? linked.error;
            reference._nodeDescription = linked.descr;
            document?.references.push(reference);
        } else if (reference._ref === RefResolving) {
            this.throwCyclicReferenceError(container, property, reference.$refText);
        }
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const base = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const referenceType = this.reflection.getReferenceType(refInfo);
        const expected = EXPECTED[referenceType] ?? referenceType;
        // A value left outside the tree by a field given twice belongs to no document (see TocScopeProvider).
        const document = AstUtils.findRootNode(refInfo.container).$document;
        if (!document) {
            return base;
        }
        const namesake = this.indexManager
            .allElements(undefined, this.imports.closureUris(document))
            .find(description => description.name === name);
        const message = namesake
            ? `\`${name}\` is a ${namesake.type.toLowerCase()}, but ${expected} is expected here.`
            : `\`${name}\` is not declared. Declare ${expected} named ${name}, or import the file that declares it.`;
        return { ...base, message };
    }
}

/** A cross-reference, resolved on first read if the linker has not reached it yet. */
export class TocReference implements Reference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;
    readonly #linker: TocLinker;
    readonly #container: AstNode;
    readonly #property: string;

    constructor(linker: TocLinker, container: AstNode, property: string, readonly $refNode: CstNode | undefined, readonly $refText: string) {
        this.#linker = linker;
        this.#container = container;
        this.#property = property;
    }

    get ref(): AstNode | undefined {
        if (!isAstNode(this._ref)) {
            this.#linker.resolveLazily(this, this.#container, this.#property);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}
