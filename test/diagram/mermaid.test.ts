import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import { toMermaid } from '../../language/src/diagram/mermaid.js';
import { BASE } from '../support/variants.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';
import { exampleFiles as files, examplePrograms as programmes } from '../support/examples.js';

let parse: (text: string) => Promise<unknown>;

beforeAll(async () => {
    // Mermaid's own parser expects a browser's globals.
    const dom = new JSDOM('<!DOCTYPE html><body></body>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false });
    parse = text => mermaid.parse(text);
}, 60_000);

describe("Mermaid output, checked by Mermaid's own parser", () => {
    test('the parser rejects a broken flowchart (so acceptance means something)', async () => {
        await expect(parse('flowchart LR\n    n0["unclosed')).rejects.toThrow(/Parse error/);
    });

    test.each(programmes)('%s: both views parse', async path => {
        const workspace = await loadWorkspace(files, [path]);
        for (const view of ['map', 'driver'] as const) {
            const text = toMermaid(diagramOf(workspace.services, workspace.document(path), view));
            await expect(parse(text), `${path} ${view}`).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
        }
    });

    test('titles with quotes, brackets, markup and # parse and keep their text', async () => {
        const model = await loadModel(
            BASE.replace('"Hourly intentional rounding"', '"<script>alert(1)</script> [a] (b) {c}"').replace(
                '"Fewer inpatient falls"',
                '"\\"><img src=x onerror=alert(1)> #1 priority"',
            ),
        );
        const text = toMermaid(diagramOf(model.services, model.document('model.toc'), 'map'));
        await expect(parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
        expect(text).toContain('#lt;script#gt;alert(1)#lt;/script#gt; [a] (b) {c}');
        expect(text).toContain('#quot;#gt;#lt;img src=x onerror=alert(1)#gt; #35;1 priority');
    });
});
