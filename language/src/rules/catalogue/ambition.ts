import * as ast from '../../generated/ast.js';
import { levelOf, participantsOf } from '../../analysis/programme-model.js';
import type { RuleDefinition } from '../rule.js';

const DAY = 24 * 60 * 60 * 1000;

function months(from: string, to: string): number {
    return (Date.parse(to) - Date.parse(from)) / DAY / 30.44;
}

export const stretchWithoutResources: RuleDefinition = {
    id: 'stretch-without-resources',
    challenge: 4,
    title: 'A stretch target has no resources behind it',
    summary:
        'Ambitious targets without the staff time, money or support to reach them alienate the people asked to deliver them. Put resources on the activities that drive a stretch target, or make the target realistic.',
    defaultSeverity: 'warning',
    thresholds: {
        largeChangePercent: {
            description: 'A relative change of at least this many percent counts as a stretch.',
            default: 50,
            minimum: 1,
        },
        shortPeriodMonths: {
            description:
                'A large relative change counts as a stretch when it is due within this many months of the programme start.',
            default: 24,
            minimum: 1,
        },
    },
    check({ model, programme, threshold, report }) {
        const resourced = new Set(model.all(ast.isResource).flatMap(resource => resource.activities.map(a => a.ref)));
        for (const outcome of model.all(ast.isOutcome)) {
            const target = outcome.target;
            if (!target) {
                continue;
            }
            const start = programme?.period?.start;
            // A target cut short by a syntax error may have no value (found by fuzzing).
            const large =
                target.value?.unit === '%' &&
                (target.change === 'reduce' || target.change === 'increase') &&
                target.value.value >= threshold('largeChangePercent') &&
                start !== undefined &&
                target.date !== undefined &&
                months(start, target.date) <= threshold('shortPeriodMonths');
            if (!target.stretch && !large) {
                continue;
            }
            const drivers = [...model.upstreamOf([outcome])].filter(ast.isActivity);
            if (!drivers.some(activity => resourced.has(activity))) {
                const why = target.stretch ? 'a stretch target' : 'a large change in a short time';
                report({
                    node: outcome,
                    property: 'target',
                    message: `Outcome \`${outcome.name}\` has ${why} but no resources on the activities that drive it: add a \`resource\` for one of them, or make the target realistic.`,
                });
            }
        }
    },
};

export const tooManyAims: RuleDefinition = {
    id: 'too-many-aims',
    challenge: 4,
    title: 'Too many long-term outcomes',
    summary:
        'A programme that promises to transform everything convinces nobody it can. Focus on a few long-term aims the team can realistically move.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    thresholds: {
        maxLongTermOutcomes: {
            description: 'How many long-term outcomes a model may have before the rule fires.',
            default: 3,
            minimum: 1,
        },
    },
    check({ model, programme, threshold, report }) {
        const longTerm = model.all(ast.isOutcome).filter(outcome => outcome.horizon === 'long');
        const limit = threshold('maxLongTermOutcomes');
        if (programme && longTerm.length > limit) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` has ${longTerm.length} long-term outcomes, more than ${limit}: focus on the few it can realistically move.`,
            });
        }
    },
};

export const projectEndsWithoutSustain: RuleDefinition = {
    id: 'project-ends-without-sustain',
    challenge: 4,
    title: 'The programme has an end date and no sustain plan',
    summary:
        'When a programme looks like a project with an end date, staff expect the change to end with it. Say how the gains will outlast the programme.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (programme?.period && model.all(ast.isSustainPlan).length === 0) {
            report({
                node: programme,
                property: 'period',
                message: `Programme \`${programme.name}\` ends on ${programme.period.end} with no sustain plan: add a \`sustain plan\` saying how the gains outlast it.`,
                fix: { kind: 'add-sustain-plan' },
            });
        }
    },
};

/** Resources that give staff the time to do the work: time set aside, or cover for those away doing it. */
export const TIME_KINDS: ReadonlySet<ast.ResourceKind> = new Set<ast.ResourceKind>(['staff-time', 'backfill']);

export const noProtectedTime: RuleDefinition = {
    id: 'no-protected-time',
    challenge: 4,
    title: 'Frontline staff are asked for time nobody has set aside',
    summary:
        'Improvement work done on top of a full clinical day is the first thing dropped when the ward is busy. When frontline staff own or take part in an activity, protect their time for it, or pay for cover while they are away.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (!programme) {
            return;
        }
        const timed = new Set(
            model
                .all(ast.isResource)
                .filter(resource => resource.kind && TIME_KINDS.has(resource.kind))
                .flatMap(resource => resource.activities.map(activity => activity.ref)),
        );
        const staff = new Set<ast.Party>();
        const unprotected: ast.Activity[] = [];
        for (const activity of model.all(ast.isActivity)) {
            const frontline = participantsOf(activity).filter(party => levelOf(party) === 'frontline');
            if (frontline.length > 0 && !timed.has(activity)) {
                unprotected.push(activity);
                frontline.forEach(party => staff.add(party));
            }
        }
        if (unprotected.length === 0) {
            return;
        }
        const list = (items: Iterable<{ name: string }>) => [...items].map(item => `\`${item.name}\``).join(', ');
        const what =
            unprotected.length === 1
                ? `activity ${list(unprotected)}, and no resource protects it: add a \`resource\` of kind staff-time or backfill \`for ${unprotected[0].name}\``
                : `${unprotected.length} activities that no resource protects (${list(unprotected)}): add a \`resource\` of kind staff-time or backfill \`for\` them`;
        report({
            node: programme,
            message: `Frontline staff (${list(staff)}) are asked for time in ${what}.`,
            fix: { kind: 'add-protected-time', activities: unprotected.map(activity => activity.name) },
        });
    },
};

export const AMBITION_RULES = [stretchWithoutResources, tooManyAims, projectEndsWithoutSustain, noProtectedTime];
