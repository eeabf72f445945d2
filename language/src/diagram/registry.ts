/**
 * The diagram views and output formats, one table each: the CLI's choices, the protocol's types,
 * the server's answers, the export command's menu and the preview's titles all read them. Plain
 * data, without the renderers, so that the extension can show the menus without bundling the
 * layout engine. Each table is keyed by every member of its type, so one left out fails the
 * typecheck.
 */

export type DiagramView = 'map' | 'driver';

export interface DiagramViewInfo {
    /** The view's name, as the preview's tab and the export menu show it. */
    readonly title: string;
    /** Added to an exported file's name: `plan-driver.svg`. */
    readonly fileSuffix: string;
}

export const DIAGRAM_VIEWS: { readonly [View in DiagramView]: DiagramViewInfo } = {
    map: { title: 'Causal map', fileSuffix: '' },
    driver: { title: 'Driver diagram', fileSuffix: '-driver' },
};

export type DiagramFormat = 'svg' | 'png' | 'mermaid' | 'dot';

/** The formats written as text from the graph; PNG is painted from the SVG by each host. */
export type TextDiagramFormat = Exclude<DiagramFormat, 'png'>;

export interface DiagramFormatInfo {
    readonly label: string;
    readonly description: string;
    /** The file extension of an export. */
    readonly extension: string;
}

export const DIAGRAM_FORMATS: { readonly [Format in DiagramFormat]: DiagramFormatInfo } = {
    svg: { label: 'SVG', description: 'a drawing for the web and most documents', extension: 'svg' },
    png: { label: 'PNG', description: 'an image for slides and reports', extension: 'png' },
    mermaid: { label: 'Mermaid', description: 'text for Markdown documents', extension: 'mmd' },
    dot: { label: 'DOT', description: 'Graphviz source', extension: 'dot' },
};

export const diagramViews = Object.keys(DIAGRAM_VIEWS) as DiagramView[];
export const diagramFormats = Object.keys(DIAGRAM_FORMATS) as DiagramFormat[];

export function isDiagramView(value: unknown): value is DiagramView {
    return typeof value === 'string' && Object.hasOwn(DIAGRAM_VIEWS, value);
}

export function isTextDiagramFormat(value: unknown): value is TextDiagramFormat {
    return typeof value === 'string' && value !== 'png' && Object.hasOwn(DIAGRAM_FORMATS, value);
}
