import type { DiagramEdge, DiagramFinding, DiagramGraph, DiagramMeasure, DiagramNode } from './diagram-model.js';
import type { ReadingIcon } from '../charts/reading-icons.js';
import { ASSURANCE_ICONS, readingIcons, VARIATION_ICONS } from '../charts/reading-icons.js';

/** Severity of the worst finding, for the class and colour of an element. */
export function worstSeverity(findings: DiagramFinding[]): DiagramFinding['severity'] | undefined {
    const order = ['error', 'warning', 'info', 'hint'] as const;
    return order.find(severity => findings.some(f => f.severity === severity));
}

/** The line style that shows a link's evidence: solid strong, dashed moderate, dotted otherwise. */
export function evidenceStyle(edge: DiagramEdge): 'solid' | 'dashed' | 'dotted' {
    return edge.strength === 'strong' ? 'solid' : edge.strength === 'moderate' ? 'dashed' : 'dotted';
}

const KIND_LABEL: Record<DiagramNode['kind'], string> = {
    activity: 'activity',
    outcome: 'outcome',
    aim: 'aim',
    'primary-driver': 'primary driver',
    'secondary-driver': 'secondary driver',
    'change-idea': 'change idea',
};

const FILL: Record<DiagramNode['kind'], string> = {
    activity: '#e8f1fb',
    outcome: '#eef7ee',
    aim: '#fff4d6',
    'primary-driver': '#eef7ee',
    'secondary-driver': '#f3f8f3',
    'change-idea': '#e8f1fb',
};

const BADGE: Record<string, string> = { outcome: '#cfe8cf', process: '#d6e4f5', balancing: '#f3e0c6' };
const FINDING_COLOUR = { error: '#c62828', warning: '#d98200', info: '#1f6fb2', hint: '#777777' };

/** The driver diagram's column headings, by rank (see buildDriverDiagram). */
const DRIVER_HEADINGS: Record<number, string> = {
    0: 'Aim',
    1: 'Primary drivers',
    2: 'Secondary drivers',
    3: 'Change ideas',
};

/** A line of each style, as the links are drawn, beside what it means. */
function legendRow(style: string, meaning: string): string {
    // The line is the bottom border of the upper of two cells, so it sits level with the text.
    const line = `<TD SIDES="B" BORDER="1"${style ? ` STYLE="${style}"` : ''} COLOR="#5b6b7b" WIDTH="28" HEIGHT="6" FIXEDSIZE="TRUE"></TD>`;
    return `<TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>${line}</TR><TR><TD HEIGHT="6"></TD></TR></TABLE></TD><TD ALIGN="LEFT">${meaning}</TD></TR>`;
}

/** A reading's badge: its sign in white on its colour, with its meaning as the tooltip. */
function badgeCell(icon: ReadingIcon, attributes = ''): string {
    return `<TD${attributes} BGCOLOR="${icon.fill}" WIDTH="11" HEIGHT="11" FIXEDSIZE="TRUE"><FONT POINT-SIZE="8" COLOR="#ffffff"><B>${htmlText(icon.sign)}</B></FONT></TD>`;
}

/**
 * The legend: one small box, drawn by Graphviz so that it is in every export. The causal map
 * explains its lines; any view explains the badges of the readings it shows.
 */
function legendLabel(evidence: boolean, icons: readonly ReadingIcon[]): string {
    const rows = [
        ...(evidence
            ? [
                  `<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Evidence</B></TD></TR>`,
                  legendRow('', 'strong'),
                  legendRow('dashed', 'moderate'),
                  legendRow('dotted', 'weak, contested or none'),
              ]
            : []),
        ...(icons.length > 0 ? [`<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Data</B></TD></TR>`] : []),
        ...icons.map(
            icon =>
                `<TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>${badgeCell(icon)}</TR></TABLE></TD><TD ALIGN="LEFT">${htmlText(icon.meaning)}</TD></TR>`,
        ),
    ];
    return `<<TABLE BORDER="1" COLOR="#cccccc" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">${rows.join('')}</TABLE>>`;
}

/** The badges of the readings a graph shows, in the tables' order. */
export function iconsShown(graph: DiagramGraph): ReadingIcon[] {
    const shown = new Set(
        graph.nodes.flatMap(node => node.measures.flatMap(m => (m.reading ? readingIcons(m.reading) : []))),
    );
    return [...Object.values(VARIATION_ICONS), ...Object.values(ASSURANCE_ICONS)].filter(icon => shown.has(icon));
}

/** Text for a double-quoted DOT string. */
export function dotString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * Text for a tooltip: Graphviz reads a tooltip's escapes twice (`\\N` would still become the
 * node's name), so each backslash is doubled once more.
 */
export function dotTooltip(text: string): string {
    return dotString(text.replace(/\\/g, '\\\\'));
}

/**
 * Text inside a Graphviz HTML-like label. Graphviz expands `\N`, `\G` and the like even there,
 * and after reading entities, so a backslash is written as its own escape, `\\`.
 */
export function htmlText(text: string): string {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

function describeFindings(findings: DiagramFinding[]): string[] {
    return findings.map(f => `${f.severity}: ${f.message} (${f.rule})`);
}

/** What a box is, as its subtitle says: `outcome · short term · reduce 25% by 2026-03-31`. */
export function nodeSubtitle(node: DiagramNode): string {
    return [KIND_LABEL[node.kind], node.horizon && `${node.horizon} term`, node.target].filter(Boolean).join(' · ');
}

/** A measure under its box: its name on its kind's colour, then the badges of its reading. */
function measureCell(node: DiagramNode, measure: DiagramMeasure): string {
    const fill = BADGE[measure.kind ?? 'process'] ?? '#dddddd';
    const name = `<FONT POINT-SIZE="8">${htmlText(measure.name)}</FONT>`;
    const icons = measure.reading ? readingIcons(measure.reading) : [];
    if (icons.length === 0) {
        return `<TD BGCOLOR="${fill}" CELLPADDING="2">${name}</TD>`;
    }
    const badges = icons.map(icon =>
        badgeCell(
            icon,
            ` ID="${htmlText(badgeId(node.id, measure.name, icon.key))}" TITLE="${htmlText(`${measure.name}: ${icon.meaning}`)}"`,
        ),
    );
    return `<TD BGCOLOR="${fill}" CELLPADDING="1"><TABLE BORDER="0" CELLSPACING="2" CELLPADDING="1"><TR><TD>${name}</TD>${badges.join('')}</TR></TABLE></TD>`;
}

function nodeLabel(node: DiagramNode): string {
    const columns = Math.max(1, node.measures.length);
    const subtitle = nodeSubtitle(node);
    const badges =
        node.measures.length > 0
            ? node.measures.map(m => measureCell(node, m)).join('')
            : node.kind === 'activity' || node.kind === 'change-idea'
              ? ''
              : `<TD BGCOLOR="#f6d5d5" CELLPADDING="2"><FONT POINT-SIZE="8">no measure</FONT></TD>`;
    const rows = [
        `<TR><TD COLSPAN="${columns}"><B>${htmlText(node.label)}</B></TD></TR>`,
        `<TR><TD COLSPAN="${columns}"><FONT POINT-SIZE="8">${htmlText(subtitle)}</FONT></TD></TR>`,
        ...(badges ? [`<TR>${badges}</TR>`] : []),
    ];
    const severity = worstSeverity(node.findings);
    const border = severity ? FINDING_COLOUR[severity] : '#5b6b7b';
    return `<<TABLE BORDER="${severity ? 2 : 1}" CELLBORDER="0" CELLSPACING="2" CELLPADDING="4" STYLE="ROUNDED" COLOR="${border}" BGCOLOR="${FILL[node.kind]}">${rows.join('')}</TABLE>>`;
}

function classes(base: string, findings: DiagramFinding[], extra: string[]): string {
    const severity = worstSeverity(findings);
    return [base, ...extra, ...(severity ? ['has-finding', `finding-${severity}`] : [])].join(' ');
}

/** Stable, unique ids for SVG elements, from element names (which may use any alphabet). */
export function elementId(prefix: 'node' | 'edge' | 'chart', name: string): string {
    return `${prefix}-${idText(name)}`;
}

function idText(name: string): string {
    return encodeURIComponent(name).replace(/%/g, '_');
}

/**
 * The id of a reading's badge under a box (a measure may be under several). Graphviz gives the
 * SVG group of a cell with a tooltip this id after `a_`.
 */
export function badgeId(node: string, measure: string, key: string): string {
    return `badge-${idText(node)}-${idText(measure)}-${key}`;
}

/**
 * Beyond this many nodes Graphviz gives up sooner on removing crossings and on placing nodes
 * (most of the layout time): a 500-node map is laid out in about half the time, with a few more
 * crossings and a less compact placement.
 */
const LARGE_GRAPH_NODES = 200;
const LARGE_GRAPH_EFFORT = 'mclimit=0.3, nslimit=0.5, nslimit1=0.5';

/**
 * The diagram as Graphviz DOT: the input of the layout, and an export in its own right. Every
 * label and tooltip is escaped, so names and text cannot change the structure of the output.
 */
export function toDot(graph: DiagramGraph): string {
    const layoutEffort = graph.nodes.length > LARGE_GRAPH_NODES ? `, ${LARGE_GRAPH_EFFORT}` : '';
    const lines = [
        'digraph "theory of change" {',
        `  graph [rankdir=LR, newrank=true, nodesep=0.35, ranksep=0.9${layoutEffort}, fontname="Helvetica", fontsize=12, bgcolor="white", id="diagram", class=${dotString(`toc-diagram view-${graph.view}`)}${graph.title ? `, label=${dotString(graph.title)}, labelloc=t` : ''}];`,
        '  node [shape=plain, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#5b6b7b", arrowsize=0.7];',
    ];
    // The legend is declared first and the headings last: dot stacks unconnected parts in
    // reverse order, so the headings go above the boxes and the legend does not. Their names
    // have a colon, which no element's name has.
    const evidence = graph.view === 'map' && graph.edges.length > 0;
    const icons = iconsShown(graph);
    const legend = evidence || icons.length > 0;
    if (legend) {
        lines.push(
            `  "toc:legend" [id="legend", class="toc-legend", shape=plain, fontsize=9, label=${legendLabel(evidence, icons)}];`,
        );
    }
    const ranks = new Map<number, DiagramNode[]>();
    for (const node of graph.nodes) {
        const column = ranks.get(node.rank);
        if (column) {
            column.push(node);
        } else {
            ranks.set(node.rank, [node]);
        }
        const tooltip = [
            node.label !== node.id ? `${node.id}: ${node.label}` : node.id,
            ...describeFindings(node.findings),
            ...node.measures.flatMap(m => describeFindings(m.findings).map(text => `${m.name}: ${text}`)),
        ].join('\n');
        const extra = [
            `kind-${node.kind}`,
            ...(node.horizon ? [`horizon-${node.horizon}`] : []),
            ...(node.measures.length === 0 && node.kind !== 'activity' && node.kind !== 'change-idea'
                ? ['unmeasured']
                : []),
        ];
        lines.push(
            `  ${dotString(node.id)} [id=${dotString(elementId('node', node.id))}, class=${dotString(classes('toc-node', node.findings, extra))}, label=${nodeLabel(node)}, tooltip=${dotTooltip(tooltip)}];`,
        );
    }
    const columns = [...ranks].sort((a, b) => a[0] - b[0]);
    const headings: string[] = [];
    const headingIds: string[] = [];
    columns.forEach(([rank, nodes], index) => {
        const members = nodes.map(n => dotString(n.id));
        const heading = graph.view === 'driver' ? DRIVER_HEADINGS[rank] : undefined;
        if (heading !== undefined) {
            // A heading is a node of its column, kept above the boxes by the invisible chain.
            const id = `"toc:heading-${rank}"`;
            headingIds.push(id);
            headings.push(
                `  ${id} [id="heading-${rank}", class="toc-heading", shape=plaintext, fontsize=12, fontcolor="#44505c", label=<<B>${htmlText(heading)}</B>>];`,
            );
            members.unshift(id);
        }
        if (legend && index === columns.length - 1) {
            members.push('"toc:legend"');
        }
        lines.push(`  { rank=same; ${members.join('; ')}; } // column ${rank}`);
    });
    if (headingIds.length > 1) {
        headings.push(`  ${headingIds.join(' -> ')} [style=invis];`);
    }
    for (const edge of graph.edges) {
        const severity = worstSeverity(edge.findings);
        const tooltip = [
            `${edge.source} -> ${edge.target}`,
            edge.mechanism ? `mechanism: ${edge.mechanism}` : 'no mechanism',
            `evidence: ${edge.strength ?? 'not stated'}`,
            ...edge.assumptions.map(a => `assumes: ${a}`),
            ...describeFindings(edge.findings),
        ].join('\n');
        const attributes = [
            `id=${dotString(elementId('edge', edge.id))}`,
            `class=${dotString(classes('toc-edge', edge.findings, [`evidence-${edge.strength ?? 'unstated'}`, ...(edge.feedback ? ['feedback'] : [])]))}`,
            `style=${evidenceStyle(edge)}`,
            `tooltip=${dotTooltip(tooltip)}`,
            ...(severity ? [`color=${dotString(FINDING_COLOUR[severity])}`, 'penwidth=1.6'] : []),
            ...(edge.feedback ? ['constraint=false', 'arrowhead=empty'] : []),
        ];
        lines.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [${attributes.join(', ')}];`);
    }
    lines.push(...headings);
    lines.push('}');
    return lines.join('\n') + '\n';
}
