import { findPropertyNode } from '../../utils/cst.js';
import type { Range } from 'vscode-languageserver';
import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

/** The `Source -> Target` part of a link: where link findings are shown. */
export function linkArrowRange(link: ast.Link): Range | undefined {
    const source = findPropertyNode(link.$cstNode, 'source');
    const target = findPropertyNode(link.$cstNode, 'target');
    return source && target ? { start: source.range.start, end: target.range.end } : undefined;
}

export function linkLabel(link: ast.Link): string {
    if (link.name) {
        return link.name; // the name its author gave it, as they would look for it
    }
    // A link cut short by a syntax error may have no cause or no effect.
    return `${link.source?.$refText || '?'} -> ${link.target?.$refText || '?'}`;
}

export const linkWithoutMechanism: RuleDefinition = {
    id: 'link-without-mechanism',
    challenge: 2,
    title: 'A causal link has no mechanism',
    summary:
        'A link without a mechanism is a hope, not a theory: nobody can say why the cause should produce the effect, so nobody can tell when it will not. State why, as a named mechanism or in words.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const link of model.links) {
            if (!link.mechanism) {
                report({
                    node: link,
                    range: linkArrowRange(link),
                    message: `Link \`${linkLabel(link)}\` has no mechanism: add \`mechanism "..."\` saying why the first leads to the second.`,
                    fix: { kind: 'add-mechanism' },
                });
            }
        }
    },
};

export const contestedEvidence: RuleDefinition = {
    id: 'contested-evidence',
    challenge: 2,
    title: 'A causal link rests on weak, contested or no evidence',
    summary:
        'Elements of a programme whose evidence is disputed lose the support of clinicians and tend to be dropped later. Cite the evidence for each link, or plan to test the link before relying on it.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const link of model.links) {
            if (link.feedback) {
                continue;
            }
            const strength = link.strength;
            if (!strength) {
                report({
                    node: link,
                    range: linkArrowRange(link),
                    message: `Link \`${linkLabel(link)}\` gives no evidence: add \`evidence <strength> citing <evidence>\`, or plan to test it.`,
                });
            } else if (strength === 'weak' || strength === 'contested' || strength === 'none') {
                report({
                    node: link,
                    property: 'strength',
                    message: `Link \`${linkLabel(link)}\` rests on ${strength === 'none' ? 'no' : strength} evidence: find stronger evidence, or plan how the team will test this link.`,
                });
            }
        }
    },
};

export const activityLeadsNowhere: RuleDefinition = {
    id: 'activity-leads-nowhere',
    challenge: 2,
    title: 'An activity has no causal path to any outcome',
    summary:
        'An activity that leads to no outcome is effort the theory cannot justify. Link it to the outcome it serves, or drop it.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const activity of model.all(ast.isActivity)) {
            const reached = model.downstreamOf([activity]);
            if (![...reached].some(ast.isOutcome)) {
                report({
                    node: activity,
                    message: `Activity \`${activity.name}\` leads to no outcome: add \`link ${activity.name} -> <outcome>\`, or remove the activity.`,
                });
            }
        }
    },
};

export const outcomeUnreachable: RuleDefinition = {
    id: 'outcome-unreachable',
    challenge: 2,
    title: 'No activity leads to an outcome',
    summary:
        'An outcome that no activity reaches is a wish: the plan does nothing that could bring it about. Link an activity to it, directly or through intermediate outcomes.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        const reached = model.downstreamOf(model.all(ast.isActivity));
        for (const outcome of model.all(ast.isOutcome)) {
            if (!reached.has(outcome)) {
                report({
                    node: outcome,
                    message: `No activity leads to outcome \`${outcome.name}\`: link an activity to it, directly or through other outcomes.`,
                });
            }
        }
    },
};

export const missingMiddle: RuleDefinition = {
    id: 'missing-middle',
    challenge: 2,
    title: 'An activity links straight to a long-term outcome',
    summary:
        'Jumping from an activity to a long-term outcome skips the changes that must happen in between, so there is nothing to watch along the way. Add the short- and medium-term outcomes the activity brings about first.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const link of model.links) {
            const source = link.source.ref;
            const target = link.target.ref;
            if (ast.isActivity(source) && ast.isOutcome(target) && target.horizon === 'long' && !link.feedback) {
                report({
                    node: link,
                    range: linkArrowRange(link),
                    message: `Link \`${linkLabel(link)}\` jumps from an activity to a long-term outcome: add the short- or medium-term outcome in between.`,
                });
            }
        }
    },
};

export const SOLUTION_RULES = [
    linkWithoutMechanism,
    contestedEvidence,
    activityLeadsNowhere,
    outcomeUnreachable,
    missingMiddle,
];
