import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const noSustainPlan: RuleDefinition = {
    id: 'no-sustain-plan',
    challenge: 9,
    title: 'The model has no sustain plan',
    summary:
        'Gains evaporate once attention moves on unless someone planned how to keep them. Say where the change will be embedded, who will carry it on, and how it will be paid for. (A programme with an end date is reported by project-ends-without-sustain instead.)',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (programme && !programme.period && model.all(ast.isSustainPlan).length === 0) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` has no sustain plan: add a \`sustain plan\` saying how the gains will last.`,
                fix: { kind: 'add-sustain-plan' },
            });
        }
    },
};

export const notEmbedded: RuleDefinition = {
    id: 'not-embedded',
    challenge: 9,
    title: 'Nothing is written into routine practice',
    summary:
        'Change lasts when it becomes the way things are done: written into standards, guidelines, procedures, job plans and training. A sustain plan should say where.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        const plans = model.all(ast.isSustainPlan);
        if (plans.length > 0 && plans.every(plan => plan.embeddings.length === 0)) {
            for (const plan of plans) {
                report({
                    node: plan,
                    message: `Sustain plan \`${plan.name}\` embeds nothing in routine practice: add \`embedded in guideline "..."\` (or standard, policy, procedure, job-plan, training).`,
                });
            }
        }
    },
};

export const singlePointOfFailure: RuleDefinition = {
    id: 'single-point-of-failure',
    challenge: 9,
    title: 'One named person owns too much of the work',
    summary:
        'Programmes that rely on particular individuals stall when those people move on. Give ownership to roles and groups, and plan succession for key people.',
    defaultSeverity: 'warning',
    thresholds: {
        maxShare: {
            description: 'The largest share of activities (0 to 1) one named person may own.',
            default: 0.5,
            minimum: 0,
            maximum: 1,
        },
        minActivities: {
            description: 'The rule looks only at models with at least this many activities.',
            default: 3,
            minimum: 1,
        },
    },
    check({ model, threshold, report }) {
        const activities = model.all(ast.isActivity);
        if (activities.length < threshold('minActivities')) {
            return;
        }
        const owned = new Map<ast.Person, number>();
        for (const activity of activities) {
            const owner = activity.owner?.ref;
            if (ast.isPerson(owner)) {
                owned.set(owner, (owned.get(owner) ?? 0) + 1);
            }
        }
        for (const [person, count] of owned) {
            if (count / activities.length > threshold('maxShare')) {
                report({
                    node: person,
                    message: `\`${person.name}\` owns ${count} of ${activities.length} activities: give ownership to roles or groups, and plan who takes over if they leave.`,
                });
            }
        }
    },
};

export const sustainPlanIncomplete: RuleDefinition = {
    id: 'sustain-plan-incomplete',
    challenge: 9,
    title: 'A sustain plan says nothing of funding or succession',
    summary:
        'Gains outlive a programme when someone has found the money to keep them going and named who carries them on. A sustain plan should say how the work is funded after the end and who takes over from the people leading it now.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const plan of model.all(ast.isSustainPlan)) {
            const missing = [
                !plan.funding && '`funding after end "..."`',
                !plan.succession && '`succession "..."`',
            ].filter(Boolean);
            if (missing.length > 0) {
                report({
                    node: plan,
                    message: `Sustain plan \`${plan.name}\` does not say ${!plan.funding && !plan.succession ? 'how the work is funded after the end or who carries it on' : !plan.funding ? 'how the work is funded after the end' : 'who carries the work on'}: add ${missing.join(' and ')}.`,
                });
            }
        }
    },
};

export const SUSTAINABILITY_RULES = [noSustainPlan, notEmbedded, sustainPlanIncomplete, singlePointOfFailure];
