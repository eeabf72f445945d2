// The diagram preview, running inside the webview. It draws the SVG the language server laid
// out, keeps zoom and pan across updates, and talks to the extension: a click on an element asks
// for its declaration; the extension highlights the element under the cursor.

import type { FromPreview, ToPreview } from '../../../language/src/protocol.js';

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
    fitted: boolean;
}

const vscode = acquireVsCodeApi();
const stage = document.getElementById('stage')!;
const status = document.getElementById('status')!;
const modelFindings = document.getElementById('model-findings')!;
let view: ViewState = vscode.getState() ?? { scale: 1, x: 0, y: 0, fitted: true };
let svg: SVGSVGElement | undefined;

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

function applyView(): void {
    if (svg) {
        svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    }
    vscode.setState(view);
}

function fit(): void {
    if (!svg) {
        return;
    }
    const width = svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width / view.scale;
    const height = svg.viewBox.baseVal?.height || svg.getBoundingClientRect().height / view.scale;
    const scale = Math.min(stage.clientWidth / width, stage.clientHeight / height, 2) * 0.95;
    view = {
        scale,
        x: (stage.clientWidth - width * scale) / 2,
        y: (stage.clientHeight - height * scale) / 2,
        fitted: true,
    };
    applyView();
}

function zoom(factor: number, centreX = stage.clientWidth / 2, centreY = stage.clientHeight / 2): void {
    const scale = Math.min(Math.max(view.scale * factor, 0.05), 8);
    view = {
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
    }
    document.body.classList.add('updating');
    status.textContent = 'Updating…';
}

function render(message: Extract<ToPreview, { type: 'update' }>): void {
    document.body.classList.remove('updating');
    modelFindings.replaceChildren(
        ...message.findings.map(finding => {
            const item = document.createElement('li');
            item.className = `finding-${finding.severity}`;
            item.textContent = `${finding.message} (${finding.rule})`;
            return item;
        }),
    );
    if (!message.svg) {
        status.textContent = message.error ?? 'Nothing to draw yet.';
        vscode.postMessage({ type: 'drawn', error: status.textContent });
        return;
    }
    const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.localName !== 'svg') {
        status.textContent = 'The diagram could not be drawn.';
        vscode.postMessage({ type: 'drawn', error: status.textContent });
        return;
    }
    sanitize(root);
    const next = document.importNode(root, true) as unknown as SVGSVGElement;
    // Graphviz sizes in points; the stage scales it instead.
    next.removeAttribute('width');
    next.removeAttribute('height');
    next.style.width = `${next.viewBox.baseVal.width}px`;
    next.style.height = `${next.viewBox.baseVal.height}px`;
    const highlighted = svg?.querySelector('.highlighted')?.id;
    stage.replaceChildren(next);
    svg = next;
    status.textContent = message.error ?? '';
    if (view.fitted) {
        fit();
    } else {
        applyView();
    }
    if (highlighted) {
        highlight(highlighted);
    }
    vscode.postMessage({ type: 'drawn', error: message.error });
}

function highlight(id: string | undefined): void {
    svg?.querySelectorAll('.highlighted').forEach(element => element.classList.remove('highlighted'));
    const target = id ? svg?.getElementById(id) : undefined;
    target?.classList.add('highlighted');
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

stage.addEventListener('click', event => {
    const element = (event.target as Element).closest('g.node, g.edge');
    if (element?.id && svg?.contains(element)) {
        vscode.postMessage({ type: 'reveal', id: element.id });
    }
});

stage.addEventListener(
    'wheel',
    event => {
        event.preventDefault();
        const bounds = stage.getBoundingClientRect();
        zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - bounds.left, event.clientY - bounds.top);
    },
    { passive: false },
);

let drag: { x: number; y: number } | undefined;
stage.addEventListener('pointerdown', event => {
    if ((event.target as Element).closest('g.node, g.edge')) {
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

document.querySelector('.toolbar')!.addEventListener('click', event => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.action;
    if (action === 'fit') {
        fit();
    } else if (action === 'zoom-in') {
        zoom(1.25);
    } else if (action === 'zoom-out') {
        zoom(0.8);
    }
});

window.addEventListener('resize', () => view.fitted && fit());
vscode.postMessage({ type: 'ready' });
