// The diagram preview, running inside the webview. It draws the SVG the language server laid
// out, opens it at a readable size on the aim (or the element under the cursor), keeps zoom and
// pan across updates, shows a card for the box under the pointer, and talks to the extension: a
// click on an element asks for its declaration; the extension highlights the element under the
// cursor.

import type { ReadingIcon } from '../../../language/src/charts/reading-icons.js';
import type {
    FromPreview,
    PreviewChart,
    PreviewFinding,
    PreviewNode,
    ToPreview,
} from '../../../language/src/protocol.js';

interface VsCodeApi {
    postMessage(message: FromPreview): void;
    getState(): ViewState | undefined;
    setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
    scale: number;
    x: number;
    y: number;
    /** The user asked to see the whole drawing: it is fitted again on every update and resize. */
    fitted: boolean;
    /** A drawing has been placed at its opening view; from then on zoom and pan are the user's. */
    placed: boolean;
    /** The legend is shown. */
    legend: boolean;
}

const vscode = acquireVsCodeApi();
const stage = document.getElementById('stage')!;
const status = document.getElementById('status')!;
const modelFindings = document.getElementById('model-findings')!;
const legend = document.getElementById('legend-box')!;
const legendButton = document.querySelector<HTMLButtonElement>('button[data-action="legend"]')!;
const card = document.getElementById('card')!;
const legendData = document.getElementById('legend-data')!;
const FRESH: ViewState = { scale: 1, x: 0, y: 0, fitted: false, placed: false, legend: true };
const saved = vscode.getState();
// A state saved before the opening view existed is started afresh.
let view: ViewState = saved && 'placed' in saved ? { ...FRESH, ...saved } : FRESH;
let svg: SVGSVGElement | undefined;
/** The boxes of the drawing on show, by SVG id, for the hover card. */
let nodes = new Map<string, PreviewNode>();
/** On screen, node titles are at least this size (CSS px) when a drawing opens. */
const OPEN_TITLE_PX = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Only drawing survives: no scripts, no foreign content, no event handlers, no outside links. */
function sanitize(element: Element): void {
    for (const child of [...element.children]) {
        const name = child.localName.toLowerCase();
        if (name === 'script' || name === 'foreignobject' || name === 'iframe') {
            child.remove();
            continue;
        }
        sanitize(child);
    }
    for (const attribute of [...element.attributes]) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !value.startsWith('#'))) {
            element.removeAttribute(attribute.name);
        }
    }
}

/**
 * Graphviz wraps each element in an SVG `<a>` for its tooltip. VS Code's webview takes a click
 * on an `<a>` for a link and posts its `href`, which in SVG is an SVGAnimatedString that cannot
 * be cloned ("SVGAnimatedString could not be cloned"): the anchors become plain groups. A link's
 * tooltip is kept as its `<title>`; a box has the hover card instead, and the drawing no tooltip.
 */
function unwrapAnchors(root: Element): void {
    for (const anchor of [...root.getElementsByTagNameNS(SVG_NS, 'a')]) {
        const tooltip = anchor.getAttributeNS(XLINK_NS, 'title') ?? anchor.getAttribute('title');
        const group = root.ownerDocument.createElementNS(SVG_NS, 'g');
        group.append(...anchor.childNodes);
        anchor.replaceWith(group);
        const edgeTitle = group.closest('g.edge')?.querySelector(':scope > title');
        if (edgeTitle && tooltip) {
            edgeTitle.textContent = tooltip;
        }
    }
    for (const title of [...root.getElementsByTagNameNS(SVG_NS, 'title')]) {
        if (!title.parentElement?.matches('g.edge')) {
            title.remove();
        }
    }
}

function applyView(): void {
    if (svg) {
        svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    }
    vscode.setState(view);
}

function drawingSize(drawing: SVGSVGElement): { width: number; height: number } {
    return {
        width: drawing.viewBox.baseVal?.width || drawing.getBoundingClientRect().width / view.scale,
        height: drawing.viewBox.baseVal?.height || drawing.getBoundingClientRect().height / view.scale,
    };
}

/** The scale at which the whole drawing fits the stage, with a margin. */
function fitScale(drawing: SVGSVGElement): number {
    const { width, height } = drawingSize(drawing);
    return Math.min(stage.clientWidth / width, stage.clientHeight / height, 2) * 0.95;
}

function fit(): void {
    if (!svg) {
        return;
    }
    const { width, height } = drawingSize(svg);
    const scale = fitScale(svg);
    view = {
        ...view,
        scale,
        x: (stage.clientWidth - width * scale) / 2,
        y: (stage.clientHeight - height * scale) / 2,
        fitted: true,
        placed: true,
    };
    applyView();
}

/**
 * Where a drawing opens: at the size where node titles are easy to read, on the element under the
 * cursor or else on the aim (centred on it, without panning past the drawing's edges). A drawing
 * that fits whole at that size is fitted.
 */
function openView(focus: string | undefined): void {
    if (!svg) {
        return;
    }
    if (stage.clientWidth === 0 || stage.clientHeight === 0) {
        // Not on screen yet: placed when it is (see the resize listener).
        applyView();
        return;
    }
    const titleSize = Number(svg.querySelector('g.toc-node text')?.getAttribute('font-size')) || 11;
    const scale = OPEN_TITLE_PX / titleSize;
    if (fitScale(svg) >= scale) {
        fit();
        view = { ...view, fitted: false };
        applyView();
        return;
    }
    const { width, height } = drawingSize(svg);
    const target = (focus ? svg.getElementById(focus) : null) ?? svg.querySelector('g.kind-aim') ?? svg;
    const drawn = svg.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    // The target in the drawing's own units, whatever the drawing's scale is now.
    const now = drawn.width / width;
    const centreX = (box.left + box.width / 2 - drawn.left) / now;
    const centreY = (box.top + box.height / 2 - drawn.top) / now;
    const bottom = (box.bottom - drawn.top) / now;
    const place = (centre: number, size: number, room: number) =>
        size * scale <= room
            ? (room - size * scale) / 2
            : Math.min(0, Math.max(room - size * scale, room / 2 - centre * scale));
    // The top of the drawing (its title, the driver diagram's headings) stays in view when the
    // target is in view with it.
    const fromTop = height * scale > stage.clientHeight && bottom * scale <= stage.clientHeight - 16;
    view = {
        ...view,
        scale,
        x: place(centreX, width, stage.clientWidth),
        y: fromTop ? 0 : place(centreY, height, stage.clientHeight),
        fitted: false,
        placed: true,
    };
    applyView();
}

function zoom(factor: number, centreX = stage.clientWidth / 2, centreY = stage.clientHeight / 2): void {
    const scale = Math.min(Math.max(view.scale * factor, 0.05), 8);
    view = {
        ...view,
        scale,
        x: centreX - (centreX - view.x) * (scale / view.scale),
        y: centreY - (centreY - view.y) * (scale / view.scale),
        fitted: false,
    };
    applyView();
}

/** An update is on its way; `clear` takes down a drawing of another model at once. */
function updating(clear: boolean): void {
    if (clear) {
        stage.replaceChildren();
        modelFindings.replaceChildren();
        svg = undefined;
        nodes = new Map();
        hideCard();
        // Another model opens at its own aim, unless the user asked for the whole drawing.
        view = { ...view, placed: view.fitted };
    }
    document.body.classList.add('updating');
    status.textContent = 'Updating…';
}

/** An element with a class and text, never markup. */
function element(tag: string, className: string, text?: string): HTMLElement {
    const made = document.createElement(tag);
    made.className = className;
    if (text !== undefined) {
        made.textContent = text;
    }
    return made;
}

function findingItem(finding: PreviewFinding): HTMLElement {
    return element('li', `finding-${finding.severity}`, `${finding.severity}: ${finding.message} (${finding.rule})`);
}

/** A reading's badge as the diagrams draw it: its sign on its colour, its meaning as the tooltip. */
function badge(icon: ReadingIcon): HTMLElement {
    const made = element('span', `badge badge-${icon.key}`, icon.sign);
    made.style.backgroundColor = icon.fill;
    made.title = icon.meaning;
    return made;
}

function showFindings(findings: PreviewFinding[]): void {
    modelFindings.replaceChildren(
        ...findings.map(finding =>
            element('li', `finding-${finding.severity}`, `${finding.message} (${finding.rule})`),
        ),
    );
}

/** An SVG document from the server, sanitised, ready to put on the page; undefined if it is not SVG. */
function importSvg(text: string): SVGSVGElement | undefined {
    const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    if (root.localName !== 'svg') {
        return undefined;
    }
    sanitize(root);
    unwrapAnchors(root);
    return document.importNode(root, true) as unknown as SVGSVGElement;
}

/**
 * The Measures view: each measure's chart as a small multiple, from the aim down, headed by its
 * name and badges, with its reading and findings beneath; a click on a heading opens the measure.
 */
function renderCharts(message: Extract<ToPreview, { type: 'charts' }>): void {
    document.body.classList.remove('updating');
    document.body.classList.add('view-charts');
    showFindings(message.findings);
    svg = undefined;
    nodes = new Map();
    const grid = element('div', 'charts');
    for (const chart of message.charts) {
        grid.append(chartFigure(chart));
    }
    stage.replaceChildren(grid);
    status.textContent = message.error ?? (message.charts.length === 0 ? 'This model has no measures yet.' : '');
    if (message.focus) {
        highlight(message.focus);
    }
    vscode.postMessage({
        type: 'drawn',
        error: message.error,
        charts: grid.querySelectorAll('figure svg').length,
        badges: grid.querySelectorAll('.badge').length,
    });
}

function chartFigure(chart: PreviewChart): HTMLElement {
    const figure = element('figure', 'chart');
    figure.id = chart.id;
    const heading = element('button', 'chart-heading');
    heading.setAttribute('type', 'button');
    heading.title = 'Go to the measure';
    heading.append(element('span', 'chart-name', chart.title ? `${chart.measure}: ${chart.title}` : chart.measure));
    heading.append(...chart.badges.map(badge));
    const about = [chart.kind && `${chart.kind} measure`, chart.of.length > 0 && `of ${chart.of.join(', ')}`]
        .filter(Boolean)
        .join(' ');
    figure.append(heading, element('div', 'chart-about', about));
    const drawing = chart.svg ? importSvg(chart.svg) : undefined;
    if (drawing) {
        drawing.removeAttribute('width');
        drawing.removeAttribute('height');
        figure.append(drawing);
    } else {
        figure.append(element('div', 'chart-missing', chart.missing ?? 'The chart could not be drawn.'));
    }
    const caption = element('figcaption', 'chart-reading', chart.reading ?? '');
    figure.append(caption);
    if (chart.findings.length > 0) {
        const list = element('ul', 'chart-findings');
        list.append(...chart.findings.map(findingItem));
        figure.append(list);
    }
    return figure;
}

/** The legend's data part: the badges the drawing shows. */
function showBadgeLegend(icons: ReadingIcon[]): void {
    legendData.replaceChildren(
        ...(icons.length > 0 ? [element('div', 'legend-title', 'Data')] : []),
        ...icons.map(icon => {
            const row = element('div', '');
            row.append(badge(icon), document.createTextNode(icon.meaning));
            return row;
        }),
    );
}

function render(message: Extract<ToPreview, { type: 'update' }>): void {
    document.body.classList.remove('updating', 'view-charts');
    showFindings(message.findings);
    showBadgeLegend(message.badges ?? []);
    if (!message.svg) {
        status.textContent = message.error ?? 'Nothing to draw yet.';
        vscode.postMessage({ type: 'drawn', error: status.textContent });
        return;
    }
    const next = importSvg(message.svg);
    if (!next) {
        status.textContent = 'The diagram could not be drawn.';
        vscode.postMessage({ type: 'drawn', error: status.textContent });
        return;
    }
    // Graphviz sizes in points; the stage scales it instead.
    next.removeAttribute('width');
    next.removeAttribute('height');
    next.style.width = `${next.viewBox.baseVal.width}px`;
    next.style.height = `${next.viewBox.baseVal.height}px`;
    const highlighted = message.focus ?? svg?.querySelector('.highlighted')?.id;
    stage.replaceChildren(next);
    svg = next;
    nodes = new Map((message.nodes ?? []).map(node => [node.id, node]));
    hideCard();
    status.textContent = message.error ?? '';
    if (view.fitted) {
        fit();
    } else if (!view.placed) {
        openView(message.focus);
    } else {
        applyView();
    }
    if (highlighted) {
        highlight(highlighted);
    }
    // Graphviz names the group of a cell with a tooltip after the cell's id, with `a_` before it.
    vscode.postMessage({
        type: 'drawn',
        error: message.error,
        badges: next.querySelectorAll('[id^="a_badge-"]').length,
    });
}

function highlight(id: string | undefined): void {
    stage.querySelectorAll('.highlighted').forEach(shown => shown.classList.remove('highlighted'));
    const target = id ? (svg?.getElementById(id) ?? stage.querySelector(`figure[id="${CSS.escape(id)}"]`)) : undefined;
    target?.classList.add('highlighted');
    if (target instanceof HTMLElement) {
        target.scrollIntoView({ block: 'nearest' });
    }
}

/** The drawing as a PNG data URL, for export: the SVG painted on a canvas at twice its size. */
async function png(): Promise<string> {
    if (!svg) {
        throw new Error('There is no diagram to export.');
    }
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.style.transform = '';
    const width = svg.viewBox.baseVal.width;
    const height = svg.viewBox.baseVal.height;
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    const source = new XMLSerializer().serializeToString(copy);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png');
}

window.addEventListener('message', event => {
    const message = event.data as ToPreview;
    if (message.type === 'updating') {
        updating(message.clear);
    } else if (message.type === 'update') {
        render(message);
    } else if (message.type === 'charts') {
        renderCharts(message);
    } else if (message.type === 'highlight') {
        highlight(message.id);
    } else if (message.type === 'png') {
        const { id } = message;
        png().then(
            data => vscode.postMessage({ type: 'png', id, data }),
            error => vscode.postMessage({ type: 'png', id, error: String(error) }),
        );
    }
});

/** Fills the hover card with a box's kind, title, measures and findings, all as text. */
function fillCard(node: PreviewNode): void {
    const parts: HTMLElement[] = [element('div', 'card-kind', node.kind), element('div', 'card-title', node.title)];
    if (node.name !== node.title) {
        parts.push(element('div', 'card-name', node.name));
    }
    parts.push(
        element(
            'div',
            'card-heading',
            node.measures.length === 0
                ? 'No measures'
                : `${node.measures.length} measure${node.measures.length === 1 ? '' : 's'}`,
        ),
    );
    if (node.measures.length > 0) {
        const list = document.createElement('ul');
        list.className = 'card-measures';
        for (const measure of node.measures) {
            const about = [measure.kind, measure.method && `by ${measure.method}`].filter(Boolean).join(', ');
            const item = element('li', '', about ? `${measure.name} (${about})` : measure.name);
            if (measure.reading) {
                item.append(element('div', 'card-reading', measure.reading));
            }
            if (measure.findings.length > 0) {
                const findings = document.createElement('ul');
                findings.append(...measure.findings.map(findingItem));
                item.append(findings);
            }
            list.append(item);
        }
        parts.push(list);
    }
    const count = node.findings.length + node.measures.reduce((sum, m) => sum + m.findings.length, 0);
    parts.push(
        element('div', 'card-heading', count === 0 ? 'No findings' : `${count} finding${count === 1 ? '' : 's'}`),
    );
    if (node.findings.length > 0) {
        const list = document.createElement('ul');
        list.className = 'card-findings';
        list.append(...node.findings.map(findingItem));
        parts.push(list);
    }
    card.replaceChildren(...parts);
}

let carded: string | undefined;

function showCard(node: PreviewNode, clientX: number, clientY: number): void {
    if (carded !== node.id) {
        fillCard(node);
        carded = node.id;
    }
    card.hidden = false;
    // Beside the pointer, kept inside the window.
    const margin = 12;
    const left = Math.min(clientX + margin, window.innerWidth - card.offsetWidth - 4);
    const top =
        clientY + margin + card.offsetHeight <= window.innerHeight
            ? clientY + margin
            : Math.max(4, clientY - margin - card.offsetHeight);
    card.style.left = `${Math.max(4, left)}px`;
    card.style.top = `${top}px`;
}

function hideCard(): void {
    card.hidden = true;
    carded = undefined;
}

function showLegend(shown: boolean): void {
    legend.hidden = !shown;
    legendButton.setAttribute('aria-pressed', String(shown));
}

stage.addEventListener('pointermove', event => {
    const box = drag ? null : (event.target as Element).closest('g.toc-node');
    const node = box && svg?.contains(box) ? nodes.get(box.id) : undefined;
    if (node) {
        showCard(node, event.clientX, event.clientY);
    } else {
        hideCard();
    }
});
stage.addEventListener('pointerleave', hideCard);

stage.addEventListener('click', event => {
    const target = event.target as Element;
    const clicked = target.closest('g.toc-node, g.toc-edge');
    if (clicked?.id && svg?.contains(clicked)) {
        vscode.postMessage({ type: 'reveal', id: clicked.id });
    }
    const chart = target.closest('.chart-heading')?.closest('figure.chart');
    if (chart?.id) {
        vscode.postMessage({ type: 'reveal', id: chart.id });
    }
});

/** The Measures view scrolls like a page: no zoom, no pan. */
function showingCharts(): boolean {
    return document.body.classList.contains('view-charts');
}

stage.addEventListener(
    'wheel',
    event => {
        if (showingCharts()) {
            return;
        }
        event.preventDefault();
        const bounds = stage.getBoundingClientRect();
        zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - bounds.left, event.clientY - bounds.top);
    },
    { passive: false },
);

let drag: { x: number; y: number } | undefined;
stage.addEventListener('pointerdown', event => {
    if (showingCharts() || (event.target as Element).closest('g.toc-node, g.toc-edge')) {
        return;
    }
    drag = { x: event.clientX - view.x, y: event.clientY - view.y };
    stage.setPointerCapture(event.pointerId);
});
stage.addEventListener('pointermove', event => {
    if (drag) {
        view = { ...view, x: event.clientX - drag.x, y: event.clientY - drag.y, fitted: false };
        applyView();
    }
});
stage.addEventListener('pointerup', () => {
    drag = undefined;
});

function act(action: string | undefined): boolean {
    if (action === 'fit') {
        fit();
    } else if (action === 'zoom-in') {
        zoom(1.25);
    } else if (action === 'zoom-out') {
        zoom(0.8);
    } else if (action === 'legend') {
        view = { ...view, legend: !view.legend };
        showLegend(view.legend);
        vscode.setState(view);
    } else {
        return false;
    }
    return true;
}

document.querySelector('.toolbar')!.addEventListener('click', event => {
    act((event.target as HTMLElement).closest('button')?.dataset.action);
});

/** Keys, as the toolbar's buttons say: F fits, + and - zoom, L shows or hides the legend. */
const KEYS: Record<string, string> = {
    f: 'fit',
    '0': 'fit',
    '+': 'zoom-in',
    '=': 'zoom-in',
    '-': 'zoom-out',
    l: 'legend',
};
document.addEventListener('keydown', event => {
    if (!showingCharts() && !event.ctrlKey && !event.metaKey && !event.altKey && act(KEYS[event.key.toLowerCase()])) {
        event.preventDefault();
    }
});

window.addEventListener('resize', () => {
    if (view.fitted) {
        fit();
    } else if (!view.placed) {
        openView(svg?.querySelector('.highlighted')?.id);
    }
});
showLegend(view.legend);
vscode.postMessage({ type: 'ready' });
