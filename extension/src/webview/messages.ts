/**
 * The messages between the extension and the diagram preview's webview, declared once for both
 * sides (the webview is bundled for a browser, so nothing here may import Node or VS Code).
 */

export interface PreviewFinding {
    rule: string;
    severity: string;
    message: string;
}

/** From the extension to the webview. */
export type ToPreview =
    | { type: 'updating'; clear: boolean }
    | { type: 'update'; svg?: string; error?: string; findings: PreviewFinding[] }
    | { type: 'highlight'; id?: string }
    /** Paint the drawing as PNG; the answer carries the same `id`. */
    | { type: 'png'; id: number };

/** From the webview to the extension. */
export type FromPreview =
    /** The page is loaded and listening. */
    | { type: 'ready' }
    /** An update was drawn (or could not be: `error`). */
    | { type: 'drawn'; error?: string | null }
    /** A diagram element was clicked. */
    | { type: 'reveal'; id: string }
    /** The answer to the `png` request with this `id`: a data URL, or why not. */
    | { type: 'png'; id: number; data?: string; error?: string };
