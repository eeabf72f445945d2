import type { DiagramGraph } from './diagram-model.js';
import { evidenceStyle, worstSeverity } from './dot.js';

/** Text inside a Mermaid quoted label: quotes, angle brackets and `#` as Mermaid entities. */
export function mermaidText(text: string): string {
    return text
        .replace(/#/g, '#35;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/\r?\n/g, ' ');
}

/**
 * The diagram as a Mermaid flowchart, to paste into Markdown documents. Nodes get generated ids
 * (names may use any alphabet); labels are the element titles. Line styles follow the evidence.
 */
export function toMermaid(graph: DiagramGraph): string {
    const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
    const lines = ['flowchart LR'];
    if (graph.title) {
        lines.unshift('---', `title: "${mermaidText(graph.title)}"`, '---');
    }
    for (const node of graph.nodes) {
        const measures =
            node.measures.length > 0
                ? `<br/><small>${node.measures.map(m => mermaidText(m.name)).join(', ')}</small>`
                : '';
        const label = `${mermaidText(node.label)}${measures}`;
        const shape =
            node.kind === 'aim'
                ? [`(["`, `"])`]
                : node.kind === 'activity' || node.kind === 'change-idea'
                  ? [`["`, `"]`]
                  : [`("`, `")`];
        lines.push(`    ${ids.get(node.id)}${shape[0]}${label}${shape[1]}`);
    }
    graph.edges.forEach(edge => {
        const arrow = evidenceStyle(edge) === 'solid' ? '-->' : '-.->';
        lines.push(`    ${ids.get(edge.source)} ${arrow} ${ids.get(edge.target)}`);
    });
    graph.edges.forEach((edge, i) => {
        if (evidenceStyle(edge) === 'dashed') {
            lines.push(`    linkStyle ${i} stroke-dasharray: 6 4`);
        }
    });
    lines.push(
        '    classDef activity fill:#e8f1fb,stroke:#5b6b7b',
        '    classDef outcome fill:#eef7ee,stroke:#5b6b7b',
        '    classDef aim fill:#fff4d6,stroke:#5b6b7b',
        '    classDef finding stroke:#d98200,stroke-width:2px',
    );
    const byClass = new Map<string, string[]>();
    for (const node of graph.nodes) {
        const cls =
            node.kind === 'activity' || node.kind === 'change-idea'
                ? 'activity'
                : node.kind === 'aim'
                  ? 'aim'
                  : 'outcome';
        byClass.set(cls, [...(byClass.get(cls) ?? []), ids.get(node.id)!]);
        if (worstSeverity(node.findings)) {
            byClass.set('finding', [...(byClass.get('finding') ?? []), ids.get(node.id)!]);
        }
    }
    for (const [cls, members] of byClass) {
        lines.push(`    class ${members.join(',')} ${cls}`);
    }
    return lines.join('\n') + '\n';
}
