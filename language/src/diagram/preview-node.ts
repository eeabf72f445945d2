import type { PreviewNode } from '../protocol.js';
import type { DiagramNode } from './diagram-model.js';
import { elementId, nodeSubtitle } from './dot.js';
import { describeBrief } from '../data/reading-brief.js';

/** What the preview's hover card shows of a box, keyed by the box's id in the SVG. */
export function previewNode(node: DiagramNode): PreviewNode {
    return {
        id: elementId('node', node.id),
        name: node.id,
        kind: nodeSubtitle(node),
        title: node.label,
        measures: node.measures.map(m => ({
            name: m.name,
            ...(m.kind ? { kind: m.kind } : {}),
            ...(m.method ? { method: m.method } : {}),
            ...(m.reading ? { reading: describeBrief(m.reading) } : {}),
            findings: m.findings,
        })),
        findings: node.findings,
    };
}
