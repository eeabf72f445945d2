/**
 * The HTML of the diagram preview. Pure (no VS Code), so it can be rendered and tested in a plain
 * browser. A strict Content Security Policy: nothing remote, styles and script from the extension
 * only, the script with a nonce.
 */
export interface DiagramPageOptions {
    /** The webview's own source, `webview.cspSource` in VS Code. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
    title: string;
}

export function diagramPageHtml(options: DiagramPageOptions): string {
    const { cspSource, nonce, scriptUri, styleUri } = options;
    const csp = [
        "default-src 'none'",
        `img-src ${cspSource} data:`,
        `style-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>${escapeText(options.title)}</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Diagram">
<button type="button" data-action="fit" title="Fit to window">Fit</button>
<button type="button" data-action="zoom-in" title="Zoom in">+</button>
<button type="button" data-action="zoom-out" title="Zoom out">−</button>
<span class="status" id="status"></span>
</div>
<div class="stage" id="stage" tabindex="0"></div>
<ul class="model-findings" id="model-findings"></ul>
<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>`;
}

function escapeText(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
    return escapeText(text).replace(/"/g, '&quot;');
}
