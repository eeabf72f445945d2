/**
 * How many AST nodes are processed between two looks at cancellation (each of which may yield to
 * the event loop). Langium looks at every node, awaiting a promise each time: on a model of tens
 * of thousands of nodes that was a large part of linking and checking after every edit.
 */
export const NODES_PER_INTERRUPT = 256;
