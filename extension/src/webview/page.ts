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
<button type="button" data-action="fit" title="Fit the whole diagram to the window (F)">Fit</button>
<button type="button" data-action="zoom-in" title="Zoom in (+)">+</button>
<button type="button" data-action="zoom-out" title="Zoom out (−)">−</button>
<button type="button" data-action="legend" title="Show or hide the legend (L)" aria-pressed="true">Legend</button>
<span class="status" id="status"></span>
</div>
<div class="map">
<div class="stage" id="stage" tabindex="0"></div>
<div class="legend" id="legend-box" role="note" aria-label="Legend">
<div class="legend-title">Evidence</div>
<div><span class="sample solid"></span>strong</div>
<div><span class="sample dashed"></span>moderate</div>
<div><span class="sample dotted"></span>weak, contested or none</div>
<div><span class="sample box finding"></span>a finding: hover for it</div>
<div id="legend-data"></div>
</div>
</div>
<div class="card" id="card" role="tooltip" hidden></div>
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
