import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const noContext: RuleDefinition = {
    id: 'no-context',
    challenge: 5,
    title: 'No assessment of context, readiness or capacity',
    summary:
        'The same plan succeeds in one organisation and fails in another, and in one ward and not the next. Assess readiness, capacity, competing priorities and fit with policy before committing, for each site where sites are named.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        const contexts = model.all(ast.isContext);
        if (programme && contexts.length === 0) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` has no context assessment: add a \`context\` rating readiness, capacity and policy alignment.`,
            });
            return;
        }
        const assessed = new Set(contexts.flatMap(context => context.sites.map(site => site.ref)));
        for (const site of model.all(ast.isSite)) {
            if (!assessed.has(site)) {
                report({
                    node: site,
                    message: `Site \`${site.name}\` has no context assessment of its own: add a \`context\` with \`at ${site.name}\` rating its readiness and capacity.`,
                });
            }
        }
    },
};

export const noAdminSupport: RuleDefinition = {
    id: 'no-admin-support',
    challenge: 5,
    title: 'No administrative or data support',
    summary:
        'Improvement work runs on administration and data as much as on clinical effort; without support, that work falls on clinicians and stalls. Plan a resource for it.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        const supported = model
            .all(ast.isResource)
            .some(resource => resource.kind === 'admin-support' || resource.kind === 'data-support');
        if (programme && !supported) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` has no administrative or data support: add a \`resource\` of kind admin-support or data-support.`,
            });
        }
    },
};

export const contextIncomplete: RuleDefinition = {
    id: 'context-incomplete',
    challenge: 5,
    title: 'A context rates neither readiness nor capacity',
    summary:
        'Naming a setting is not assessing it. Say how ready the units are for the change and how much capacity they have for it, so that the plan can be matched to the place.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const context of model.all(ast.isContext)) {
            if (!context.readiness && !context.capacity) {
                report({
                    node: context,
                    message: `Context \`${context.name}\` rates neither readiness nor capacity: add \`readiness <low|medium|high>\` and \`capacity <low|medium|high>\`.`,
                    fix: { kind: 'add-context-ratings' },
                });
            }
        }
    },
};

export const CONTEXT_RULES = [noContext, contextIncomplete, noAdminSupport];
