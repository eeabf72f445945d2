import { diagramOf } from '../../../language/src/diagram/diagram-model.js';
import type { DiagramGraph } from '../../../language/src/diagram/diagram-model.js';
import type { DiagramFormat, DiagramView, TextDiagramFormat } from '../../../language/src/diagram/registry.js';
import { diagramText } from '../../../language/src/diagram/render.js';
import { DiagramTooLarge, prepareLayoutEngine } from '../../../language/src/diagram/svg.js';
import { modelFile, refuseInputsAsOutputs, UsageError } from './files.js';
import { svgToPng } from './png.js';
import type { FileResult } from './load.js';
import { loadFiles, modelErrors } from './load.js';

/**
 * `toc diagram`: the model's causal map or driver diagram, drawn without a browser. `output`, the
 * file it will be written to, is refused before anything is drawn if it is one of the models read.
 */
export async function diagramReport(
    model: string,
    view: DiagramView,
    format: DiagramFormat,
    cwd: string,
    output?: string,
): Promise<{ content: string | Uint8Array; errors: FileResult[] }> {
    const path = await modelFile(model, cwd);
    refuseInputsAsOutputs([{ path: output, option: '--output' }], [path]);
    if (format === 'svg' || format === 'png') {
        prepareLayoutEngine();
    }
    const { services, documents } = await loadFiles([path]);
    refuseInputsAsOutputs(
        [{ path: output, option: '--output' }],
        services.shared.workspace.LangiumDocuments.all.map(document => document.uri.fsPath),
    );
    const graph = diagramOf(services, documents[0], view);
    const errors = modelErrors(services, documents[0]);
    return {
        content: format === 'png' ? await svgToPng(await written(graph, 'svg')) : await written(graph, format),
        errors,
    };
}

/** The diagram as text, or for a graph too large to lay out, a usage error naming the formats that work. */
async function written(graph: DiagramGraph, format: TextDiagramFormat): Promise<string> {
    try {
        return await diagramText(graph, format);
    } catch (error) {
        if (error instanceof DiagramTooLarge) {
            throw new UsageError(
                `${error.message} Export it as DOT (--format dot) and lay it out with Graphviz's own tools, or as Mermaid (--format mermaid)${graph.view === 'map' ? ', or draw the driver diagram (--view driver)' : ''}.`,
            );
        }
        throw error;
    }
}
