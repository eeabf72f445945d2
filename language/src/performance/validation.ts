import type {
    AstNode,
    DiagnosticInfo,
    Stream,
    ValidationAcceptor,
    ValidationCategory,
    ValidationCheck,
    ValidationChecks,
    ValidationOptions,
} from 'langium';
import { Cancellation, interruptAndCheck, isOperationCancelled, stream, ValidationRegistry } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { findPropertyNode } from '../utils/cst.js';
import { TocDocumentValidator } from '../validation/toc-document-validator.js';
import { allNodesOf } from './ast-walk.js';
import { NODES_PER_INTERRUPT } from './cancellation.js';

const FAILED = 'An error occurred during validation';

/**
 * Runs the checks of a node without a promise per call: Langium wraps every check in an async
 * function, which on a large model allocates hundreds of thousands of promises on each edit.
 * A check that returns a promise is still awaited by the document validator.
 */
export class FastValidationRegistry extends ValidationRegistry {
    private readonly checksByKey = new Map<string, ValidationCheck[]>();

    override register<T>(checks: ValidationChecks<T>, thisObj?: unknown, category?: ValidationCategory): void {
        this.checksByKey.clear();
        super.register(checks, thisObj, category);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise
                    ? result.catch(error => reportFailure(error, accept, node))
                    : undefined;
            } catch (error) {
                reportFailure(error, accept, node);
                return undefined;
            }
        };
    }

    /** The checks for a node type, as one array per type and categories, kept until the next registration. */
    checksFor(type: string, categories?: ValidationCategory[]): ValidationCheck[] {
        const key = categories ? `${type}|${categories.join(',')}` : type;
        let checks = this.checksByKey.get(key);
        if (!checks) {
            checks = super.getChecks(type, categories).toArray();
            this.checksByKey.set(key, checks);
        }
        return checks;
    }

    override getChecks(type: string, categories?: ValidationCategory[]): Stream<ValidationCheck> {
        return stream(this.checksFor(type, categories));
    }
}

/** As Langium does: a failing check becomes an error on the node, so one broken check hides no others. */
function reportFailure(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) {
        throw error;
    }
    console.error(`${FAILED}:`, error);
    if (error instanceof Error && error.stack) {
        console.error(error.stack);
    }
    accept('error', `${FAILED}: ${error instanceof Error ? error.message : String(error)}`, { node });
}

/** The document validator, walking the tree once per parse and calling the registry above without a promise per check. */
export class FastDocumentValidator extends TocDocumentValidator {
    /** Places a diagnostic on its property as Langium would, by the quicker search (see findPropertyNode). */
    protected override toDiagnostic<N extends AstNode>(
        severity: 'error' | 'warning' | 'info' | 'hint',
        message: string,
        info: DiagnosticInfo<N, string>,
    ): Diagnostic {
        if (!info.range && typeof info.property === 'string') {
            const range = findPropertyNode(info.node.$cstNode, info.property, info.index)?.range;
            if (range) {
                return super.toDiagnostic(severity, message, { ...info, range });
            }
        }
        return super.toDiagnostic(severity, message, info);
    }

    /**
     * Langium's loop awaits every check of every node; on a model of tens of thousands of nodes
     * that is most of the time of a re-check after an edit. Here only a check that returns a
     * promise is awaited, and cancellation is looked at every few hundred nodes.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken: CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        const registry = this.validationRegistry;
        if (this.profiler?.isActive('validating') || !(registry instanceof FastValidationRegistry)) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        let visited = 0;
        // A node whose children are not to be checked: its descendants follow it in the list.
        let pruned: AstNode | undefined;
        for (const node of allNodesOf(rootNode)) {
            if (visited++ % NODES_PER_INTERRUPT === 0) {
                await interruptAndCheck(cancelToken);
            }
            if (pruned && isInside(node, pruned)) {
                continue;
            }
            pruned = undefined;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                for (const check of registry.checksFor(node.$type, options.categories)) {
                    const pending = check(node, acceptor, cancelToken);
                    if (pending) {
                        await pending;
                    }
                }
            }
            if (!nodeOptions.validateChildren) {
                pruned = node;
            }
        }
    }
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let container = node.$container; container; container = container.$container) {
        if (container === ancestor) {
            return true;
        }
    }
    return false;
}
