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
 * The diagram as SVG, laid out by Graphviz's `dot`. The same model always gives the same SVG.
 * A graph too large for the layout engine is reported as such, not as an engine crash.
 */
export async function renderSvg(graph: DiagramGraph): Promise<string> {
    const engine = await layoutEngine();
    try {
        return engine.dot(toDot(graph), 'svg');
    } catch (error) {
        // A failed run can leave the WebAssembly instance unusable: start afresh next time.
        graphviz = undefined;
        throw new Error(`The diagram of ${graph.nodes.length} nodes and ${graph.edges.length} links could not be laid out (${error instanceof Error ? error.message : String(error)}). Try the driver view, or split the model.`);
    }
}
