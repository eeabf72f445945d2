/**
 * What the parts of the product say to each other, declared once for every side: the custom
 * requests between a client (the extension, another editor) and the language server, and the
 * messages between the extension and the diagram preview's webview. The webview is bundled for a
 * browser and imports only types from here.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ReadingIcon } from './charts/reading-icons.js';
import type { DiagramGraph, DiagramLocation } from './diagram/diagram-model.js';
import type { DiagramView, TextDiagramFormat } from './diagram/registry.js';
import type { Scorecard } from './rules/scorecard.js';

/** What the client tells the server when it starts it. */
export interface TocInitializationOptions {
    /**
     * False in a workspace the user has not trusted: the server then reads no file outside the
     * workspace folders. Absent means trusted (other editors know nothing of trust).
     */
    workspaceTrusted?: boolean;
    /**
     * True to check every file of the workspace as it loads, for an editor that lists the findings
     * of the whole workspace. Otherwise only the models of open files are checked.
     */
    checkWholeWorkspace?: boolean;
}

/** One file of a workspace held in memory: its text, or `null` when it is deleted. */
export interface WorkspaceFile {
    uri: string;
    text: string | null;
}

export interface WriteFilesParams {
    files: WorkspaceFile[];
}

/**
 * For a server with no disk (in a browser): the client writes the workspace's files, the models,
 * `toc.config.json` and measure data alike, and the server checks again what they change, as it
 * would on a change on disk.
 */
export const WriteFilesNotification = {
    method: 'toc/writeFiles',
    type: new NotificationType<WriteFilesParams>('toc/writeFiles'),
} as const;

export interface ScorecardParams {
    /** The `.toc` document whose model to score. */
    uri: string;
}

export interface ScorecardResult {
    scorecard: Scorecard;
    /** The same, as Markdown with paths relative to the workspace. */
    markdown: string;
}

export const ScorecardRequest = {
    method: 'toc/scorecard',
    type: new RequestType<ScorecardParams, ScorecardResult | null, void>('toc/scorecard'),
} as const;

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

export const DiagramRequest = {
    method: 'toc/diagram',
    type: new RequestType<DiagramParams, DiagramResult | null, void>('toc/diagram'),
} as const;

export interface MeasureChartsParams {
    /** The `.toc` document whose model's measures to chart. */
    uri: string;
}

/** One measure in the preview's Measures view. */
export interface PreviewChart {
    /** The chart's id on the page: the preview sends it back to reveal the declaration. */
    id: string;
    measure: string;
    title?: string;
    kind?: string;
    /** What it measures, by name. */
    of: string[];
    /** The chart as an SVG document, when the measure has data to read. */
    svg?: string;
    /** What the data show, in words. */
    reading?: string;
    /** The reading's badges, as the diagrams draw them. */
    badges: ReadingIcon[];
    /** Why there is no chart. */
    missing?: string;
    findings: PreviewFinding[];
    location?: DiagramLocation;
}

export interface MeasureChartsResult {
    title?: string;
    /** From the aim down the causal map. */
    charts: PreviewChart[];
}

export const MeasureChartsRequest = {
    method: 'toc/measureCharts',
    type: new RequestType<MeasureChartsParams, MeasureChartsResult | null, void>('toc/measureCharts'),
} as const;

/** The formats the server writes; PNG is painted by the preview. */
export type DiagramExportFormat = TextDiagramFormat;

export interface DiagramExportParams extends DiagramParams {
    format: DiagramExportFormat;
}

/** The diagram as text in an export format. */
export const DiagramExportRequest = {
    method: 'toc/diagramExport',
    type: new RequestType<DiagramExportParams, string | null, void>('toc/diagramExport'),
} as const;

export interface PreviewFinding {
    rule: string;
    severity: string;
    message: string;
}

/** What the preview's hover card says of a box: text only, shown as text. */
export interface PreviewNode {
    /** The id of the box's element in the SVG. */
    id: string;
    /** The element's name in the model. */
    name: string;
    /** What the box is, as its subtitle says: `primary driver · short term`. */
    kind: string;
    title: string;
    measures: Array<{
        name: string;
        kind?: string;
        method?: string;
        /** What its data show, in words. */
        reading?: string;
        findings: PreviewFinding[];
    }>;
    findings: PreviewFinding[];
}

/** From the extension to the webview. */
export type ToPreview =
    | { type: 'updating'; clear: boolean }
    | {
          type: 'update';
          svg?: string;
          error?: string;
          findings: PreviewFinding[];
          /** The boxes, for the hover card. */
          nodes?: PreviewNode[];
          /** The element under the cursor in the editor, if any: highlighted, and where the view opens. */
          focus?: string;
          /** The badges the drawing shows, for the legend. */
          badges?: ReadingIcon[];
      }
    /** The Measures view: the model's charts, in place of a drawing. */
    | { type: 'charts'; charts: PreviewChart[]; error?: string; findings: PreviewFinding[]; focus?: string }
    | { type: 'highlight'; id?: string }
    /** Paint the drawing as PNG; the answer carries the same `id`. */
    | { type: 'png'; id: number };

/** From the webview to the extension. */
export type FromPreview =
    /** The page is loaded and listening. */
    | { type: 'ready' }
    /** An update was drawn (or could not be: `error`), with how many charts and badges are on screen. */
    | { type: 'drawn'; error?: string | null; charts?: number; badges?: number }
    /** A diagram element was clicked. */
    | { type: 'reveal'; id: string }
    /** The answer to the `png` request with this `id`: a data URL, or why not. */
    | { type: 'png'; id: number; data?: string; error?: string };
