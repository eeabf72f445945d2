import type { AstNode, LangiumDocument } from 'langium';
import { Cancellation, interruptAndCheck, isMultiReference, isReference } from 'langium';
import { TocLinker } from '../references/toc-linker.js';
import { allNodesOf } from './ast-walk.js';
import { NODES_PER_INTERRUPT } from './cancellation.js';

/**
 * Replaces DefaultLinker.link, which walks the tree with a stream, awaits a look at cancellation
 * at every node, and streams every property of every node to find its references: here the walk
 * is the shared list of nodes, cancellation is looked at every few hundred nodes, and only the
 * properties the grammar declares as references are read.
 */
export class FastLinker extends TocLinker {
    private readonly referenceProperties = new Map<string, string[]>();

    /** As Langium links, looking at cancellation every few hundred nodes rather than at each. */
    override async link(
        document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        let visited = 0;
        for (const node of allNodesOf(document.parseResult.value)) {
            if (visited++ % NODES_PER_INTERRUPT === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.linkReferencesOf(node, document);
        }
    }

    private linkReferencesOf(node: AstNode, document: LangiumDocument): void {
        const container = node as unknown as Record<string, unknown>;
        for (const property of this.referencePropertiesOf(node.$type)) {
            const value = container[property];
            if (isReference(value) || isMultiReference(value)) {
                this.doLink({ reference: value, container: node, property }, document);
            } else if (Array.isArray(value)) {
                value.forEach((element: unknown, index) => {
                    if (isReference(element) || isMultiReference(element)) {
                        this.doLink({ reference: element, container: node, property, index }, document);
                    }
                });
            }
        }
    }

    /** The properties of a type of node that hold references, as the grammar declares them. */
    private referencePropertiesOf(type: string): string[] {
        let properties = this.referenceProperties.get(type);
        if (!properties) {
            properties = Object.values(this.reflection.getTypeMetaData(type).properties)
                .filter(property => property.referenceType !== undefined)
                .map(property => property.name);
            this.referenceProperties.set(type, properties);
        }
        return properties;
    }
}
