import type { ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils } from 'langium';
import type { Link, Model } from '../../generated/ast.js';
import { kindLabel } from '../../declarations.js';
import { timelineRank } from '../../analysis/programme-model.js';
import type { TocServices } from '../../toc-module.js';

export const SELF_LINK = 'self-link';
export const LINK_DIRECTION = 'link-direction';
export const CAUSAL_CYCLE = 'causal-cycle';

/** A node cannot cause itself; even a feedback loop needs a second node. */
export function checkSelfLink(): ValidationCheck<Link> {
    return (link: Link, accept: ValidationAcceptor) => {
        const source = link.source?.ref;
        if (source && source === link.target?.ref) {
            accept(
                'error',
                `\`${source.name}\` is linked to itself. A link joins two different activities or outcomes.`,
                {
                    node: link,
                    property: 'target',
                    code: SELF_LINK,
                },
            );
        }
    };
}

/**
 * Causes come before effects: activities lead to outcomes, short-term outcomes to longer-term ones.
 * A link that runs back along that timeline is a feedback loop and must say so.
 */
export function checkLinkDirection(): ValidationCheck<Link> {
    return (link: Link, accept: ValidationAcceptor) => {
        const source = link.source?.ref;
        const target = link.target?.ref;
        if (!source || !target || source === target || link.feedback) {
            return;
        }
        const from = timelineRank(source);
        const to = timelineRank(target);
        if (from === undefined || to === undefined || from <= to) {
            return;
        }
        const describe = (node: typeof source) =>
            node.$type === 'Outcome' && node.horizon
                ? `${node.horizon}-term outcome \`${node.name}\``
                : `${kindLabel(node)} \`${node.name}\``;
        accept(
            'error',
            `A ${describe(source)} cannot cause an earlier ${describe(target)}. Mark the link \`feedback link\` if it closes a loop on purpose, or reverse it.`,
            {
                node: link,
                property: 'target',
                code: LINK_DIRECTION,
            },
        );
    };
}

/** A cycle of ordinary links is a circular argument unless one of its links is declared feedback. */
export function checkCausalCycles(services: TocServices): ValidationCheck<Model> {
    const analysis = services.analysis.ModelAnalysis;
    return (model: Model, accept: ValidationAcceptor) => {
        const document = AstUtils.getDocument(model);
        for (const cycle of analysis.modelOf(document).undeclaredCycles()) {
            const own = cycle.filter(link => AstUtils.getDocument(link) === document);
            if (own.length === 0) {
                continue;
            }
            // One report per cycle, on the last of its links in this file: the one most likely just added.
            const culprit = own.reduce((a, b) => ((a.$cstNode?.offset ?? 0) >= (b.$cstNode?.offset ?? 0) ? a : b));
            const path = [...cycle.map(link => link.source.ref!.name), cycle[0].source.ref!.name].join(' -> ');
            accept(
                'error',
                `These links form a cycle: ${path}. Mark one of them \`feedback link\` if the loop is intended, or remove one.`,
                {
                    node: culprit,
                    keyword: 'link',
                    code: CAUSAL_CYCLE,
                },
            );
        }
    };
}
