import type { AstNode, ValidationAcceptor, ValidationCategory, ValidationCheck, ValidationChecks } from 'langium';
import { isOperationCancelled, stream, ValidationRegistry } from 'langium';
import type { Stream } from 'langium';

const FAILED = 'An error occurred during validation';

/**
 * Runs the checks of a node without a promise per call: Langium wraps every check in an async
 * function, which on a large model allocates hundreds of thousands of promises on each edit.
 * A check that returns a promise is still awaited by the document validator.
 */
export class TocValidationRegistry extends ValidationRegistry {
    private readonly checksByKey = new Map<string, ValidationCheck[]>();

    override register<T>(checks: ValidationChecks<T>, thisObj?: unknown, category?: ValidationCategory): void {
        this.checksByKey.clear();
        super.register(checks, thisObj, category);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch(error => reportFailure(error, accept, node)) : undefined;
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
