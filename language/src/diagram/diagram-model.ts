import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import * as ast from '../generated/ast.js';
import type { Finding } from '../rules/rule-engine.js';
import { linkArrowRange } from '../rules/catalogue/solution.js';
import type { Severity } from '../rules/rule.js';
import { describeTarget } from '../analysis/describe.js';
import type { TocServices } from '../toc-module.js';
import { findPropertyNode } from '../utils/cst.js';
import { visibleText } from '../utils/text.js';
import type { DiagramView } from './registry.js';
import type { MeasureReading, ReadingOf } from '../data/measure-reading.js';
import type { ReadingBrief } from '../data/reading-brief.js';
import { briefOf } from '../data/measure-reading.js';

/**
 * The graph the diagrams draw, built from a model (a programme file and its imports) and the
 * findings of its rules. Plain data: the language server sends it to the editor, and the SVG,
 * DOT and Mermaid renderers all start from it. Text from the model has its control characters
 * shown as escapes here, once for every renderer.
 */
export type { DiagramView } from './registry.js';

export interface DiagramLocation {
    uri: string;
    range: Range;
}

export interface DiagramFinding {
    rule: string;
    severity: Severity;
    message: string;
}

export interface DiagramMeasure {
    name: string;
    kind?: ast.MeasureKind;
    /** How its data are collected. */
    method?: ast.MeasureMethod;
    /** What its data show as on the check date, when it has data to read. */
    reading?: ReadingBrief;
    findings: DiagramFinding[];
}

export type DiagramNodeKind = 'activity' | 'outcome' | 'aim' | 'primary-driver' | 'secondary-driver' | 'change-idea';

export interface DiagramNode {
    /** The element's name: unique in a model. */
    id: string;
    kind: DiagramNodeKind;
    horizon?: ast.Horizon;
    /** The title if there is one, else the name. */
    label: string;
    target?: string;
    measures: DiagramMeasure[];
    findings: DiagramFinding[];
    /** Column from left to right. */
    rank: number;
    location?: DiagramLocation;
}

export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    strength?: ast.Strength;
    feedback: boolean;
    mechanism?: string;
    assumptions: string[];
    findings: DiagramFinding[];
    location?: DiagramLocation;
}

export interface DiagramGraph {
    view: DiagramView;
    title?: string;
    nodes: DiagramNode[];
    edges: DiagramEdge[];
    /** Findings about the model as a whole (on the programme), shown beside the diagram. */
    findings: DiagramFinding[];
}

const HORIZON_RANK: Record<ast.Horizon, number> = { short: 1, medium: 2, long: 3 };

/** Where to reveal an element: its name, or for a link its `Source -> Target`. */
export function locate(node: AstNode): DiagramLocation | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const range = ast.isLink(node) ? linkArrowRange(node) : findPropertyNode(cst, 'name')?.range;
    return { uri: AstUtils.getDocument(node).uri.toString(), range: range ?? cst.range };
}

/** Findings grouped by the element they are about. */
function findingsByNode(findings: Finding[]): Map<AstNode, DiagramFinding[]> {
    const result = new Map<AstNode, DiagramFinding[]>();
    for (const finding of findings) {
        const list = result.get(finding.node) ?? [];
        list.push({ rule: finding.code, severity: finding.severity, message: finding.message });
        result.set(finding.node, list);
    }
    return result;
}

/** The causal map: activities on the left, then short-, medium- and long-term outcomes, then the aim. */
export function buildCausalMap(model: ProgrammeModel, findings: Finding[], readingOf: ReadingOf): DiagramGraph {
    const programme = model.all(ast.isProgramme)[0];
    const aims = new Set(programme?.aims.map(aim => aim.ref).filter(Boolean));
    const byNode = findingsByNode(findings);
    const nodes: DiagramNode[] = model.nodes.map(node =>
        toNode(
            model,
            node,
            byNode,
            readingOf,
            ast.isActivity(node)
                ? { kind: 'activity', rank: 0 }
                : aims.has(node)
                  ? { kind: 'aim', rank: 4 }
                  : { kind: 'outcome', rank: node.horizon ? HORIZON_RANK[node.horizon] : 2 },
        ),
    );
    const edges = model.links
        .filter(link => link.source.ref && link.target.ref)
        .map((link, i) => toEdge(link, i, byNode));
    return { view: 'map', ...aboutProgramme(programme, byNode), nodes, edges };
}

/**
 * The driver diagram of the Model for Improvement, read from the same causal graph backwards from
 * the aim: outcomes that lead straight to the aim are primary drivers, outcomes further back are
 * secondary drivers, and activities are change ideas. Arrows point from the aim towards the ideas.
 */
export function buildDriverDiagram(model: ProgrammeModel, findings: Finding[], readingOf: ReadingOf): DiagramGraph {
    const programme = model.all(ast.isProgramme)[0];
    const byNode = findingsByNode(findings);
    const depth = model.fromAims();
    const edges: DiagramEdge[] = [];
    for (const effect of depth.keys()) {
        for (const link of model.linksTo(effect)) {
            if (link.source.ref && !link.feedback) {
                edges.push({
                    ...toEdge(link, edges.length, byNode),
                    source: effect.name,
                    target: link.source.ref.name,
                });
            }
        }
    }
    const nodes = [...depth].map(([node, d]) =>
        toNode(
            model,
            node,
            byNode,
            readingOf,
            d === 0
                ? { kind: 'aim', rank: 0 }
                : ast.isActivity(node)
                  ? { kind: 'change-idea', rank: 3 }
                  : d === 1
                    ? { kind: 'primary-driver', rank: 1 }
                    : { kind: 'secondary-driver', rank: 2 },
        ),
    );
    return { view: 'driver', ...aboutProgramme(programme, byNode), nodes, edges };
}

/** What every view shows of the programme: its title, and the findings about it as a whole. */
function aboutProgramme(
    programme: ast.Programme | undefined,
    byNode: Map<AstNode, DiagramFinding[]>,
): Pick<DiagramGraph, 'title' | 'findings'> {
    return programme
        ? { title: visibleText(programme.title ?? programme.name), findings: byNode.get(programme) ?? [] }
        : { findings: [] };
}

function toNode(
    model: ProgrammeModel,
    node: ast.CausalNode,
    byNode: Map<AstNode, DiagramFinding[]>,
    readingOf: ReadingOf,
    placement: { kind: DiagramNodeKind; rank: number },
): DiagramNode {
    const location = locate(node);
    return {
        id: node.name,
        ...placement,
        ...(ast.isOutcome(node) && node.horizon ? { horizon: node.horizon } : {}),
        label: visibleText(node.title ?? node.name),
        ...(ast.isOutcome(node) && node.target ? { target: visibleText(describeTarget(node.target)) } : {}),
        measures: model.measuresOf(node).map(measure => ({
            name: measure.name,
            kind: measure.kind,
            ...(measure.method ? { method: measure.method } : {}),
            ...readingField(readingOf(measure)),
            findings: byNode.get(measure) ?? [],
        })),
        findings: byNode.get(node) ?? [],
        ...(location ? { location } : {}),
    };
}

function toEdge(link: ast.Link, index: number, byNode: Map<AstNode, DiagramFinding[]>): DiagramEdge {
    const location = locate(link);
    const mechanism =
        link.mechanism &&
        (link.mechanism.text ?? link.mechanism.mechanism?.ref?.title ?? link.mechanism.mechanism?.$refText);
    return {
        id: link.name ?? `link-${index}`,
        source: link.source.ref!.name,
        target: link.target.ref!.name,
        ...(link.strength ? { strength: link.strength } : {}),
        feedback: link.feedback,
        ...(mechanism !== undefined ? { mechanism: visibleText(mechanism) } : {}),
        assumptions: link.assumptions.map(a => visibleText(a.ref?.title ?? a.$refText)),
        findings: byNode.get(link) ?? [],
        ...(location ? { location } : {}),
    };
}

function readingField(reading: MeasureReading | undefined): { reading?: ReadingBrief } {
    return reading ? { reading: briefOf(reading) } : {};
}

/** How each view is built from a model, its findings and its measures' readings. */
const BUILDERS: {
    readonly [View in DiagramView]: (model: ProgrammeModel, findings: Finding[], readingOf: ReadingOf) => DiagramGraph;
} = {
    map: buildCausalMap,
    driver: buildDriverDiagram,
};

/** The diagram of the model a document belongs to, with the findings a user sees. */
export function diagramOf(services: TocServices, document: LangiumDocument, view: DiagramView): DiagramGraph {
    const analysis = services.analysis.ModelAnalysis;
    const root = analysis.rootOf(document);
    const model = analysis.modelOf(root);
    const findings = services.rules.RuleEngine.reportedFindingsOf(root);
    return BUILDERS[view](model, findings, measure => services.data.MeasureData.readingIn(measure, root));
}
