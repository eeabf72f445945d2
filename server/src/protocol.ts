/**
 * Custom requests between the extension and the language server, declared once for both sides.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { DiagramGraph } from '../../language/src/diagram/diagram-model.js';
import type { DiagramView, TextDiagramFormat } from '../../language/src/diagram/registry.js';
import type { Scorecard } from '../../language/src/rules/scorecard.js';

/** What the client tells the server when it starts it. */
export interface TocInitializationOptions {
    /**
     * False in a workspace the user has not trusted: the server then reads no file outside the
     * workspace folders. Absent means trusted (other editors know nothing of trust).
     */
    workspaceTrusted?: boolean;
}

export interface ScorecardParams {
    /** The `.toc` document whose model to score. */
    uri: string;
}

export interface ScorecardResult {
    scorecard: Scorecard;
    /** The same, as Markdown with paths relative to the workspace. */
    markdown: string;
}

export namespace ScorecardRequest {
    export const method = 'toc/scorecard';
    export const type = new RequestType<ScorecardParams, ScorecardResult | null, void>(method);
}

export interface DiagramParams {
    /** The `.toc` document whose model to draw. */
    uri: string;
    view: DiagramView;
}

export interface DiagramResult {
    graph: DiagramGraph;
    /** Laid out by Graphviz; absent when the layout failed, with the reason in `error`. */
    svg?: string;
    error?: string;
}

export namespace DiagramRequest {
    export const method = 'toc/diagram';
    export const type = new RequestType<DiagramParams, DiagramResult | null, void>(method);
}

/** The formats the server writes; PNG is painted by the preview. */
export type DiagramExportFormat = TextDiagramFormat;

export interface DiagramExportParams extends DiagramParams {
    format: DiagramExportFormat;
}

/** The diagram as text in an export format. */
export namespace DiagramExportRequest {
    export const method = 'toc/diagramExport';
    export const type = new RequestType<DiagramExportParams, string | null, void>(method);
}
