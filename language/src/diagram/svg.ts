import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { DiagramGraph } from './diagram-model.js';
import { toDot } from './dot.js';

let graphviz: Promise<Graphviz> | undefined;

/** Graphviz compiled to WebAssembly, loaded once, and only when a diagram is first drawn. */
function layoutEngine(): Promise<Graphviz> {
    graphviz ??= import('@hpcc-js/wasm-graphviz').then(module => module.Graphviz.load());
    return graphviz;
}

/** Starts loading the layout engine ahead of need: the WebAssembly compiles while the model loads. */
export function prepareLayoutEngine(): void {
    void layoutEngine().catch(() => {
        // Reported by renderSvg, which asks again.
        graphviz = undefined;
    });
}

/**
 * The most boxes laid out. Graphviz's time grows faster than the graph: a causal map of 2,000
 * boxes took 6 s here, 3,000 took 18 s, 5,000 took 44 s and 10,000 had not finished after 9
 * minutes, with the language server unable to answer anything else meanwhile.
 */
export const MAX_LAID_OUT_NODES = 2_500;

/** A diagram refused because it is too large to lay out; DOT and Mermaid are still written. */
export class DiagramTooLarge extends Error {}

/**
 * The latest layouts, by their DOT text. A preview asks again when the model's findings are
 * published after an edit it has already drawn, and each open view asks for its own: an unchanged
 * diagram is not laid out twice.
 */
const laidOut = new Map<string, string>();
const LAYOUTS_KEPT = 4;

function remember(dot: string, svg: string): void {
    laidOut.set(dot, svg);
    if (laidOut.size > LAYOUTS_KEPT) {
        laidOut.delete(laidOut.keys().next().value!);
    }
}

/**
 * The diagram as SVG, laid out by Graphviz's `dot`. The same model always gives the same SVG.
 * A graph too large for the layout engine is reported as such, not as an engine crash.
 */
export async function renderSvg(graph: DiagramGraph): Promise<string> {
    if (graph.nodes.length > MAX_LAID_OUT_NODES) {
        throw new DiagramTooLarge(
            `The diagram has ${graph.nodes.length.toLocaleString('en-GB')} boxes, more than the ${MAX_LAID_OUT_NODES.toLocaleString('en-GB')} that can be laid out here in reasonable time.`,
        );
    }
    const dot = toDot(graph);
    const known = laidOut.get(dot);
    if (known !== undefined) {
        return known;
    }
    const engine = await layoutEngine();
    try {
        const svg = engine.dot(dot, 'svg');
        remember(dot, svg);
        return svg;
    } catch (error) {
        // A failed run can leave the WebAssembly instance unusable: start afresh next time.
        graphviz = undefined;
        throw new Error(
            `The diagram of ${graph.nodes.length} nodes and ${graph.edges.length} links could not be laid out (${error instanceof Error ? error.message : String(error)}). Try the driver view, or split the model.`,
            { cause: error },
        );
    }
}
