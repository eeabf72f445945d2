import * as ast from '../../generated/ast.js';
import type { ProgrammeModel } from '../../analysis/programme-model.js';
import { levelOf, participantsOf } from '../../analysis/programme-model.js';
import type { RuleDefinition } from '../rule.js';

/** Everyone who owns or takes part in an activity of the model. */
function doersOf(model: ProgrammeModel): Set<ast.Party> {
    return new Set(model.all(ast.isActivity).flatMap(participantsOf));
}

export const activityWithoutOwner: RuleDefinition = {
    id: 'activity-without-owner',
    challenge: 6,
    title: 'An activity has no owner',
    summary: 'Work that nobody owns does not happen. Agree who owns each activity at the outset.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const activity of model.all(ast.isActivity)) {
            if (!activity.owner) {
                report({
                    node: activity,
                    message: `Activity \`${activity.name}\` has no owner: add \`owner <stakeholder or person>\`.`,
                });
            }
        }
    },
};

export const frontlineNotInvolved: RuleDefinition = {
    id: 'frontline-not-involved',
    challenge: 6,
    title: 'No frontline staff are involved',
    summary:
        'Change designed without the people who do the work is felt as imposed from above. Involve frontline staff in designing the change or in carrying it out.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        const doers = doersOf(model);
        const involved = model
            .parties()
            .some(party => levelOf(party) === 'frontline' && (party.designInvolved || doers.has(party)));
        if (programme && !involved) {
            report({
                node: programme,
                message: `No frontline staff are involved in programme \`${programme.name}\`: mark a frontline stakeholder \`involved in design\`, or have them own or take part in an activity.`,
            });
        }
    },
};

export const frontlineNotInDesign: RuleDefinition = {
    id: 'frontline-not-in-design',
    challenge: 6,
    title: 'Frontline staff carry out a change none of them designed',
    summary:
        'Clinicians asked to carry out a change they were not consulted on tend to resist it, however good the evidence. Involve some of the frontline staff who will do the work in designing it.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        const frontline = model.parties().filter(party => levelOf(party) === 'frontline');
        if (!programme || frontline.some(party => party.designInvolved)) {
            return;
        }
        const doers = doersOf(model);
        const doing = frontline.filter(party => doers.has(party));
        if (doing.length > 0) {
            report({
                node: programme,
                message: `Frontline staff carry out programme \`${programme.name}\` (${doing.map(party => `\`${party.name}\``).join(', ')}) but none helped design it: involve some of them in designing the change, and mark them \`involved in design\`.`,
            });
        }
    },
};

export const singleProfession: RuleDefinition = {
    id: 'single-profession',
    challenge: 6,
    title: 'Every stakeholder is of one profession',
    summary:
        'Care crosses professional boundaries, and so must change. A plan owned by one profession meets resistance from the others; build a coalition across them.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        const professions = new Set(
            model
                .parties()
                .flatMap(party => party.professions)
                .map(profession => profession.toLowerCase()),
        );
        if (programme && professions.size === 1) {
            report({
                node: programme,
                message: `Every stakeholder of programme \`${programme.name}\` is ${[...professions][0]}: involve the other professions the change touches.`,
            });
        }
    },
};

export const stakeholderWithoutRole: RuleDefinition = {
    id: 'stakeholder-without-role',
    challenge: 6,
    title: 'A stakeholder has no role',
    summary:
        'Roles and responsibilities agreed at the start prevent disputes about ownership later. Say what each group does in the programme.',
    defaultSeverity: 'info',
    check({ model, report }) {
        for (const stakeholder of model.all(ast.isStakeholder)) {
            if (!stakeholder.role) {
                report({
                    node: stakeholder,
                    message: `Stakeholder \`${stakeholder.name}\` has no role: add \`role "..."\` saying what they do in the programme.`,
                });
            }
        }
    },
};

export const ENGAGEMENT_RULES = [
    activityWithoutOwner,
    frontlineNotInvolved,
    frontlineNotInDesign,
    singleProfession,
    stakeholderWithoutRole,
];
