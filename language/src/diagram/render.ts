import type { DiagramGraph } from './diagram-model.js';
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import type { TextDiagramFormat } from './registry.js';
import { renderSvg } from './svg.js';

/** How each text format is written from the graph (see DIAGRAM_FORMATS). */
const WRITERS: { readonly [Format in TextDiagramFormat]: (graph: DiagramGraph) => string | Promise<string> } = {
    svg: renderSvg,
    mermaid: toMermaid,
    dot: toDot,
};

/** The diagram as text in a format: SVG laid out by Graphviz, or Mermaid or DOT source. */
export async function diagramText(graph: DiagramGraph, format: TextDiagramFormat): Promise<string> {
    return WRITERS[format](graph);
}
