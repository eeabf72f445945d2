import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** DiagnosticSeverity.Error, without a runtime import of the protocol package. */
const ERROR = 1;

const HORIZON_ORDER: Record<ast.Horizon, number> = { short: 0, medium: 1, long: 2 };

/** The rank of a node along the causal timeline: activities first, then outcomes by horizon. */
export function timelineRank(node: ast.CausalNode): number | undefined {
    if (ast.isActivity(node)) {
        return -1;
    }
    return node.horizon ? HORIZON_ORDER[node.horizon] : undefined;
}

/** A party's level: its own, or for a person without one, that of the group they belong to. */
export function levelOf(party: ast.Party | undefined): ast.Level | undefined {
    if (!party) {
        return undefined;
    }
    return party.level ?? (ast.isPerson(party) ? party.memberOf?.ref?.level : undefined);
}

/**
 * The levels of the organisation that runs the programme. Service users, funders, professional
 * bodies and improvement partners support or shape the work but lead nothing inside it.
 */
const INTERNAL_LEVELS: ReadonlySet<ast.Level> = new Set<ast.Level>(['frontline', 'middle', 'executive', 'board']);

export function isInternalLevel(level: ast.Level | undefined): level is ast.Level {
    return level !== undefined && INTERNAL_LEVELS.has(level);
}

/** Who leads the programme: its sponsors and the owners of its activities and sustain plans, each once. */
export function leadersOf(model: ProgrammeModel): ast.Party[] {
    const programme = model.all(ast.isProgramme)[0];
    const leaders = [
        ...(programme?.sponsors ?? []).map(s => s.ref),
        ...model.all(ast.isActivity).map(a => a.owner?.ref),
        ...model.all(ast.isSustainPlan).map(p => p.owner?.ref),
    ];
    return [...new Set(leaders.filter((party): party is ast.Party => party !== undefined))];
}

/** The levels inside the organisation at which the programme is led, in the order first met. */
export function internalLeaderLevels(model: ProgrammeModel): ast.Level[] {
    return [...new Set(leadersOf(model).map(levelOf).filter(isInternalLevel))];
}

/** The leaders whose level is known and outside the organisation (a funder, an improvement partner). */
export function externalLeaders(model: ProgrammeModel): ast.Party[] {
    return leadersOf(model).filter(party => levelOf(party) !== undefined && !isInternalLevel(levelOf(party)));
}

/** Who carries out an activity: its owner and the parties it involves. */
export function participantsOf(activity: ast.Activity): ast.Party[] {
    return [activity.owner?.ref, ...activity.involves.map(party => party.ref)].filter(
        (party): party is ast.Party => party !== undefined,
    );
}

/**
 * A whole model: one file and everything it imports, with the causal graph indexed for the
 * questions the checks, hovers and diagrams ask. Built once per workspace state and shared.
 */
export class ProgrammeModel {
    readonly documents: ReadonlyArray<LangiumDocument<ast.Model>>;
    readonly elements: readonly ast.Element[];
    readonly links: readonly ast.Link[];
    readonly nodes: readonly ast.CausalNode[];
    readonly measures: readonly ast.Measure[];
    private readonly outgoing = new Map<ast.CausalNode, ast.Link[]>();
    private readonly incoming = new Map<ast.CausalNode, ast.Link[]>();
    private readonly measuresByTarget = new Map<AstNode, ast.Measure[]>();

    constructor(documents: ReadonlyArray<LangiumDocument<ast.Model>>) {
        this.documents = documents;
        this.elements = documents.flatMap(doc => doc.parseResult.value.elements ?? []);
        // A link cut short by a syntax error (`link A ->`) has no end to follow: leave it out.
        this.links = this.elements
            .filter(ast.isLink)
            .filter(link => link.source !== undefined && link.target !== undefined);
        this.nodes = this.elements.filter(ast.isCausalNode);
        this.measures = this.elements.filter(ast.isMeasure);
        for (const link of this.links) {
            const source = link.source.ref;
            const target = link.target.ref;
            if (source && target) {
                push(this.outgoing, source, link);
                push(this.incoming, target, link);
            }
        }
        for (const measure of this.measures) {
            for (const ref of measure.measures) {
                if (ref.ref) {
                    push(this.measuresByTarget, ref.ref, measure);
                }
            }
        }
    }

    private readonly byKind = new Map<(element: unknown) => boolean, readonly ast.Element[]>();

    /** Every element of one kind, e.g. `model.all(ast.isOutcome)`; each kind is sorted out once, as every rule asks. */
    all<T extends ast.Element>(guard: (element: unknown) => element is T): readonly T[] {
        let found = this.byKind.get(guard);
        if (!found) {
            found = this.elements.filter(guard);
            this.byKind.set(guard, found);
        }
        return found as readonly T[];
    }

    linksFrom(node: ast.CausalNode): readonly ast.Link[] {
        return this.outgoing.get(node) ?? [];
    }

    linksTo(node: ast.CausalNode): readonly ast.Link[] {
        return this.incoming.get(node) ?? [];
    }

    /** The files of the model that have errors, with them: a model with any is not scored or drawn. */
    errors(): Array<{ document: LangiumDocument<ast.Model>; diagnostics: Diagnostic[] }> {
        return this.documents
            .map(document => ({
                document,
                diagnostics: (document.diagnostics ?? []).filter(d => d.severity === ERROR),
            }))
            .filter(file => file.diagnostics.length > 0);
    }

    /** Every stakeholder and person of the model: the groups first, then the individuals. */
    parties(): ast.Party[] {
        return [...this.all(ast.isStakeholder), ...this.all(ast.isPerson)];
    }

    measuresOf(node: ast.Measurable): readonly ast.Measure[] {
        return this.measuresByTarget.get(node) ?? [];
    }

    /** The programme's aims; when it names none, the long-term outcomes stand for them. */
    aims(): ast.Outcome[] {
        const declared =
            this.all(ast.isProgramme)[0]
                ?.aims.map(aim => aim.ref)
                .filter(o => o !== undefined) ?? [];
        return declared.length > 0 ? declared : this.all(ast.isOutcome).filter(o => o.horizon === 'long');
    }

    /**
     * The nodes that lead to the aims, nearest first, as read from the aim down the causal map
     * (the driver diagram's order): the aims, then what leads straight to them, and so on.
     * Feedback links are not followed.
     */
    fromAims(): Map<ast.CausalNode, number> {
        const aims = this.aims();
        const depth = new Map<ast.CausalNode, number>(aims.map(aim => [aim, 0]));
        const queue: ast.CausalNode[] = [...aims];
        while (queue.length > 0) {
            const effect = queue.shift()!;
            for (const link of this.linksTo(effect)) {
                const cause = link.source.ref;
                if (cause && !link.feedback && !depth.has(cause)) {
                    depth.set(cause, depth.get(effect)! + 1);
                    queue.push(cause);
                }
            }
        }
        return depth;
    }

    /** Every node reachable from the given nodes by following links forwards (the nodes included). */
    downstreamOf(starts: Iterable<ast.CausalNode>): Set<ast.CausalNode> {
        return this.walk(starts, node => this.linksFrom(node).map(link => link.target.ref));
    }

    /** Every node from which one of the given nodes can be reached (the nodes included). */
    upstreamOf(ends: Iterable<ast.CausalNode>): Set<ast.CausalNode> {
        return this.walk(ends, node => this.linksTo(node).map(link => link.source.ref));
    }

    private walk(
        starts: Iterable<ast.CausalNode>,
        next: (node: ast.CausalNode) => Array<ast.CausalNode | undefined>,
    ): Set<ast.CausalNode> {
        const seen = new Set<ast.CausalNode>(starts);
        const queue = [...seen];
        while (queue.length > 0) {
            for (const following of next(queue.pop()!)) {
                if (following && !seen.has(following)) {
                    seen.add(following);
                    queue.push(following);
                }
            }
        }
        return seen;
    }

    /**
     * One cycle for each strongly connected group of nodes joined by links that are not marked
     * `feedback`. Each cycle is the list of its links in order; self-links are left to their own check.
     */
    undeclaredCycles(): ast.Link[][] {
        const isPlain = (link: ast.Link) => !link.feedback && link.source.ref !== link.target.ref;
        const successors = (node: ast.CausalNode) => this.linksFrom(node).filter(isPlain);
        return stronglyConnectedComponents(this.nodes, node => successors(node).map(link => link.target.ref!))
            .filter(component => component.length > 1)
            .map(component => findCycle(component, successors));
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

/** Tarjan's algorithm, iterative so that a long chain of links cannot overflow the stack. */
export function stronglyConnectedComponents<N>(nodes: readonly N[], next: (node: N) => N[]): N[][] {
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const onStack = new Set<N>();
    const stack: N[] = [];
    const components: N[][] = [];
    let counter = 0;
    for (const root of nodes) {
        if (index.has(root)) {
            continue;
        }
        const work: Array<{ node: N; successors: N[]; position: number }> = [];
        const enter = (node: N) => {
            index.set(node, counter);
            low.set(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
            work.push({ node, successors: next(node), position: 0 });
        };
        enter(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.position < frame.successors.length) {
                const successor = frame.successors[frame.position++];
                if (!index.has(successor)) {
                    enter(successor);
                } else if (onStack.has(successor)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: N[] = [];
                let member: N;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                components.push(component);
            }
        }
    }
    return components;
}

/** A shortest cycle through the first node of a strongly connected component, as links. */
function findCycle(component: ast.CausalNode[], successors: (node: ast.CausalNode) => ast.Link[]): ast.Link[] {
    const members = new Set(component);
    const start = component[component.length - 1];
    const via = new Map<ast.CausalNode, ast.Link>();
    const queue: ast.CausalNode[] = [start];
    while (queue.length > 0) {
        const node = queue.shift()!;
        for (const link of successors(node)) {
            const target = link.target.ref!;
            if (!members.has(target)) {
                continue;
            }
            if (target === start) {
                const cycle = [link];
                for (let at = node; at !== start; at = via.get(at)!.source.ref!) {
                    cycle.unshift(via.get(at)!);
                }
                return cycle;
            }
            if (!via.has(target)) {
                via.set(target, link);
                queue.push(target);
            }
        }
    }
    return [];
}
