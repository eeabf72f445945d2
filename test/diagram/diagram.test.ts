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
