import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { diagramOf } from '../../language/src/diagram/diagram-model.js';
import { toDot } from '../../language/src/diagram/dot.js';
import { toMermaid } from '../../language/src/diagram/mermaid.js';
import { renderSvg } from '../../language/src/diagram/svg.js';
import { BASE, edit } from '../support/variants.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';
import { exampleFiles as files, examplePrograms as programmes } from '../support/examples.js';

async function graphOf(text: string, view: 'map' | 'driver' = 'map') {
    const model = await loadModel(text);
    return diagramOf(model.services, model.document('model.toc'), view);
}

describe('the diagram model', () => {
    test('the causal map puts activities first, then outcomes by horizon, then the aim', async () => {
        const graph = await graphOf(BASE);
        expect(graph.nodes.map(n => [n.id, n.kind, n.rank])).toEqual([
            ['Rounding', 'activity', 0],
            ['RoundsDone', 'outcome', 1],
            ['FewerFalls', 'aim', 4],
        ]);
        expect(graph.edges.map(e => [e.source, e.target, e.strength, e.mechanism])).toEqual([
            ['Rounding', 'RoundsDone', 'moderate', 'Rounds become part of the ward routine'],
            [
                'RoundsDone',
                'FewerFalls',
                'moderate',
                'Needs such as toileting are met before a patient tries to move alone',
            ],
        ]);
        expect(graph.edges[1].assumptions).toEqual(['Wards have enough staff to round every hour']);
        expect(graph.nodes[2].measures).toEqual([{ name: 'FallsRate', kind: 'outcome', findings: [] }]);
        expect(graph.nodes[2].target).toBe('reduce 25% by 2026-03-31');
    });

    test('findings are attached to the elements they concern', async () => {
        const graph = await graphOf(
            edit(
                ['measures RoundsDone', 'measures Rounding'],
                ['    mechanism "Rounds become part of the ward routine"\n', ''],
                ['kind balancing', 'kind process'],
            ),
        );
        expect(graph.nodes.find(n => n.id === 'RoundsDone')!.findings.map(f => f.rule)).toEqual(['unmeasured-outcome']);
        expect(graph.edges[0].findings.map(f => f.rule)).toEqual(['link-without-mechanism']);
        expect(graph.findings.map(f => f.rule)).toEqual(['no-balancing-measure']);
    });

    test('the driver diagram reads the graph back from the aim', async () => {
        const graph = await graphOf(
            BASE.replace(
                '\nmeasure FallsRate',
                '\nactivity Posters {\n    owner WardNurses\n}\n\nlink Posters -> RoundsDone {\n    mechanism "reminders"\n    evidence weak\n}\n\nmeasure FallsRate',
            ),
            'driver',
        );
        expect(graph.nodes.map(n => [n.id, n.kind])).toEqual([
            ['FewerFalls', 'aim'],
            ['RoundsDone', 'primary-driver'],
            ['Rounding', 'change-idea'],
            ['Posters', 'change-idea'],
        ]);
        expect(graph.edges.map(e => `${e.source}->${e.target}`)).toEqual([
            'FewerFalls->RoundsDone',
            'RoundsDone->Rounding',
            'RoundsDone->Posters',
        ]);
    });

    test.each(programmes)('%s: every node and link is drawn, with its findings', async path => {
        const workspace = await loadWorkspace(files, [path]);
        const graph = diagramOf(workspace.services, workspace.document(path), 'map');
        const model = workspace.services.analysis.ModelAnalysis.modelOf(workspace.document(path));
        expect(graph.nodes).toHaveLength(model.nodes.length);
        expect(graph.edges).toHaveLength(model.links.length);
        const onElements = [...graph.nodes.flatMap(n => n.findings), ...graph.edges.flatMap(e => e.findings)].map(
            f => f.rule,
        );
        const findings = workspace.services.rules.RuleEngine.reportedFindingsOf(workspace.document(path));
        const expected = findings.filter(f => ['Activity', 'Outcome', 'Link'].includes(f.node.$type)).map(f => f.code);
        expect(onElements.sort()).toEqual(expected.sort());
    });
});

describe('SVG, DOT and Mermaid', () => {
    test('the SVG has every node and link, with classes for kind, horizon, evidence and findings', async () => {
        const graph = await graphOf(
            edit(['measures RoundsDone', 'measures Rounding'], ['evidence moderate\n}', 'evidence strong\n}']),
        );
        // Graphviz writes `-` as a character reference in ids and classes; the DOM reads it back as `-`.
        const svg = (await renderSvg(graph)).replace(/&#45;/g, '-');
        expect(svg).toContain('<g id="node-Rounding" class="node toc-node kind-activity"');
        expect(svg).toContain(
            '<g id="node-RoundsDone" class="node toc-node kind-outcome horizon-short unmeasured has-finding finding-warning"',
        );
        expect(svg).toContain('<g id="node-FewerFalls" class="node toc-node kind-aim horizon-long"');
        expect(svg).toContain('<g id="edge-link-0" class="edge toc-edge evidence-strong"');
        expect(svg).toContain('<g id="edge-link-1" class="edge toc-edge evidence-moderate"');
        expect(svg).toMatch(/<path [^>]*stroke-dasharray="5,2"/);
        expect(svg).toContain('Outcome `RoundsDone` has no measure');
    });

    /** Each group of the SVG by id: the y of its first text (Graphviz's y grows downwards) and its x extent. */
    function placed(svg: string): Map<string, { y: number; left: number; right: number; text: string }> {
        const result = new Map<string, { y: number; left: number; right: number; text: string }>();
        const groups = svg.replace(/&#45;/g, '-').split(/(?=<g id=")/);
        for (const group of groups) {
            // A node's drawing is in a group of its own, `a_` and its id, for the tooltip.
            const id = /^<g id="(?:a_)?([^"]+)"/.exec(group)?.[1];
            const text = /<text [^>]*y="([-\d.]+)"[^>]*>([^<]*)</.exec(group);
            if (!id || !text) {
                continue;
            }
            // Shapes' points, and for a heading (text alone) the text's anchor.
            const xs = [
                ...[...group.matchAll(/(?:points|d)="([^"]+)"/g)].flatMap(m =>
                    [...m[1].matchAll(/(-?[\d.]+),-?[\d.]+/g)].map(n => Number(n[1])),
                ),
                ...[...group.matchAll(/<text [^>]*x="([-\d.]+)"/g)].map(m => Number(m[1])),
            ];
            result.set(id, { y: Number(text[1]), left: Math.min(...xs), right: Math.max(...xs), text: text[2] });
        }
        return result;
    }

    test('the driver diagram has a heading over each column, above every box, in the SVG', async () => {
        const workspace = await loadWorkspace(files, ['keystone-icu.toc']);
        const graph = diagramOf(workspace.services, workspace.document('keystone-icu.toc'), 'driver');
        const groups = placed(await renderSvg(graph));
        const headings = [...groups].filter(([id]) => id.startsWith('heading-'));
        expect(headings.map(([, g]) => g.text)).toEqual([
            'Aim',
            'Primary drivers',
            'Secondary drivers',
            'Change ideas',
        ]);
        const boxes = [...groups].filter(([id]) => id.startsWith('node-'));
        const top = Math.min(...boxes.map(([, g]) => g.y));
        for (const [, heading] of headings) {
            expect(heading.y).toBeLessThan(top);
        }
        // Each heading stands over the boxes of its own column.
        const aim = groups.get('node-FewerCrbsi')!;
        const aimHeading = groups.get('heading-0')!;
        expect(aimHeading.right).toBeGreaterThan(aim.left);
        expect(aimHeading.left).toBeLessThan(aim.right);
        // Above the boxes in every example, not only this one.
        for (const path of programmes) {
            const example = await loadWorkspace(files, [path]);
            const all = placed(await renderSvg(diagramOf(example.services, example.document(path), 'driver')));
            const highest = Math.min(...[...all].filter(([id]) => id.startsWith('node-')).map(([, g]) => g.y));
            const lowest = Math.max(...[...all].filter(([id]) => id.startsWith('heading-')).map(([, g]) => g.y));
            expect(lowest, path).toBeLessThan(highest);
        }
        // A column with nothing in it has no heading; the causal map has none.
        const base = placed(await renderSvg(await graphOf(BASE, 'driver')));
        expect([...base.keys()].filter(id => id.startsWith('heading-'))).toEqual([
            'heading-0',
            'heading-1',
            'heading-3',
        ]);
        expect([...placed(await renderSvg(await graphOf(BASE))).keys()].some(id => id.startsWith('heading-'))).toBe(
            false,
        );
    });

    test('the evidence legend of the map is one small box, not across the top of the drawing', async () => {
        const workspace = await loadWorkspace(files, ['keystone-icu.toc']);
        const graph = diagramOf(workspace.services, workspace.document('keystone-icu.toc'), 'map');
        const svg = await renderSvg(graph);
        const groups = placed(svg);
        const legend = groups.get('legend')!;
        expect(legend.text).toBe('Evidence');
        expect(svg.replace(/&#45;/g, '-')).toMatch(/>weak, contested or none</);
        expect(legend.right - legend.left).toBeLessThan(200);
        const top = Math.min(...[...groups].filter(([id]) => id.startsWith('node-')).map(([, g]) => g.y));
        expect(legend.y).toBeGreaterThan(top);
    });

    test('the same model gives the same SVG', async () => {
        const graph = await graphOf(BASE);
        expect(await renderSvg(graph)).toBe(await renderSvg(graph));
    });

    const HOSTILE = BASE.replace('"Hourly intentional rounding"', '"<script>alert(1)</script>"').replace(
        '"Fewer inpatient falls"',
        '"\\"><img src=x onerror=alert(1)>"',
    );

    test('labels with markup come out as text in SVG, DOT and Mermaid', async () => {
        const graph = await graphOf(HOSTILE);
        const svg = await renderSvg(graph);
        expect(svg).not.toMatch(/<script|<img/i);
        expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
        expect(toMermaid(graph)).not.toMatch(/<script|<img/i);
        // In DOT, labels are HTML-like and escaped; tooltips are quoted strings with their quotes escaped.
        const dot = toDot(graph);
        expect(dot).toContain('<B>&lt;script&gt;alert(1)&lt;/script&gt;</B>');
        expect(dot).toContain('tooltip="FewerFalls: \\"><img src=x onerror=alert(1)>"');
    });

    test("Graphviz's own dot accepts the DOT of every example", async () => {
        for (const path of programmes) {
            const workspace = await loadWorkspace(files, [path]);
            for (const view of ['map', 'driver'] as const) {
                const dot = toDot(diagramOf(workspace.services, workspace.document(path), view));
                const result = spawnSync('dot', ['-Tsvg', '-o', '/dev/null'], { input: dot, encoding: 'utf8' });
                expect(result.error, 'the Debian package graphviz must be installed').toBeUndefined();
                expect(result.status, `${path} ${view}: ${result.stderr}`).toBe(0);
                expect(result.stderr).toBe('');
            }
        }
    });

    // Graphviz expands \N, \G, \E, \T, \H and \L into names, in labels and tooltips alike: a
    // Windows path in a title was drawn as `C:\UsersOurse`.
    test("backslashes in titles are drawn as written, by the built-in layout and by Graphviz's own dot", async () => {
        const label = String.raw`C:\Users\Nurse \G \E \L end`;
        const source = label.replace(/\\/g, '\\\\'); // as written in a .toc file
        const graph = await graphOf(BASE.replace('"Hourly intentional rounding"', `"${source}"`));
        expect(graph.nodes.find(node => node.id === 'Rounding')!.label).toBe(label);
        const unescape = (svg: string) => svg.replace(/&#45;/g, '-').replace(/&#92;/g, '\\');
        const fromDot = spawnSync('dot', ['-Tsvg'], { input: toDot(graph), encoding: 'utf8' });
        expect(fromDot.status, fromDot.stderr).toBe(0);
        for (const svg of [unescape(await renderSvg(graph)), unescape(fromDot.stdout)]) {
            expect(svg).toContain(`>${label}</text>`);
            expect(svg).toContain(`Rounding: ${label}`);
        }
    });

    test('a large map asks Graphviz for less layout effort, and a small one keeps the full effort', async () => {
        const chain = (n: number) =>
            Array.from(
                { length: n },
                (_, i) => `outcome O${i} { horizon short }\n${i > 0 ? `link O${i - 1} -> O${i}\n` : ''}`,
            ).join('');
        const effort = /mclimit=0\.3, nslimit=0\.5, nslimit1=0\.5/;
        expect(toDot(await graphOf(chain(200)))).not.toMatch(effort);
        const large = toDot(await graphOf(chain(201)));
        expect(large).toMatch(effort);
        const result = spawnSync('dot', ['-Tsvg', '-o', '/dev/null'], { input: large, encoding: 'utf8' });
        expect([result.status, result.stderr]).toEqual([0, '']);
    });

    test('Mermaid: a flowchart with one node per element and one arrow per link', async () => {
        const graph = await graphOf(BASE);
        expect(toMermaid(graph)).toBe(
            [
                '---',
                'title: "Name of the programme"',
                '---',
                'flowchart LR',
                '    n0["Hourly intentional rounding"]',
                '    n1("Patients are checked every hour<br/><small>RoundsCompleted</small>")',
                '    n2(["Fewer inpatient falls<br/><small>FallsRate</small>"])',
                '    n0 -.-> n1',
                '    n1 -.-> n2',
                '    linkStyle 0 stroke-dasharray: 6 4',
                '    linkStyle 1 stroke-dasharray: 6 4',
                '    classDef activity fill:#e8f1fb,stroke:#5b6b7b',
                '    classDef outcome fill:#eef7ee,stroke:#5b6b7b',
                '    classDef aim fill:#fff4d6,stroke:#5b6b7b',
                '    classDef finding stroke:#d98200,stroke-width:2px',
                '    class n0 activity',
                '    class n1 outcome',
                '    class n2 aim',
                '',
            ].join('\n'),
        );
    });
});
