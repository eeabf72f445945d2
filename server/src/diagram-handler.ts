import { readWhenChecked } from './checked-document.js';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import type { TocServices } from '../../language/src/index.js';
import type { DiagramGraph } from '../../language/src/diagram/diagram-model.js';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import {
    diagramFormats,
    diagramViews,
    isDiagramView,
    isTextDiagramFormat,
} from '../../language/src/diagram/registry.js';
import { diagramText } from '../../language/src/diagram/render.js';
import { DiagramTooLarge, renderSvg } from '../../language/src/diagram/svg.js';
import { DiagramExportRequest, DiagramRequest, MeasureChartsRequest } from '../../language/src/protocol.js';
import { previewCharts } from '../../language/src/charts/measure-charts.js';

/** Answers the diagram and chart requests once the document is fully checked, so findings are current. */
export function registerDiagramHandlers(shared: LangiumSharedServices, services: TocServices): void {
    const connection = shared.lsp.Connection;
    const graphOf = async (uri: string, view: unknown): Promise<DiagramGraph | undefined> => {
        // Other editors send what they like: an unknown view is refused, not drawn as another.
        if (!isDiagramView(view)) {
            throw new ResponseError(
                ErrorCodes.InvalidParams,
                `Unknown diagram view '${String(view)}': one of ${diagramViews.join(', ')}.`,
            );
        }
        return readWhenChecked(shared, uri, document => diagramOf(services, document, view));
    };
    connection?.onRequest(DiagramRequest.type, async ({ uri, view }) => {
        const graph = await graphOf(uri, view);
        if (!graph) {
            return null;
        }
        try {
            return { graph, svg: await renderSvg(graph) };
        } catch (error) {
            const advice = error instanceof DiagramTooLarge ? ' Export it as DOT or Mermaid instead.' : '';
            return { graph, error: `${error instanceof Error ? error.message : String(error)}${advice}` };
        }
    });
    connection?.onRequest(
        MeasureChartsRequest.type,
        async ({ uri }) =>
            (await readWhenChecked(shared, uri, document =>
                previewCharts(services, services.analysis.ModelAnalysis.rootOf(document)),
            )) ?? null,
    );
    connection?.onRequest(DiagramExportRequest.type, async ({ uri, view, format }) => {
        const graph = await graphOf(uri, view);
        if (!graph) {
            return null;
        }
        if (!isTextDiagramFormat(format)) {
            throw new ResponseError(
                ErrorCodes.InvalidParams,
                `Unknown diagram format '${String(format)}': one of ${diagramFormats.filter(isTextDiagramFormat).join(', ')}.`,
            );
        }
        return diagramText(graph, format);
    });
}
