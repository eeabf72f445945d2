import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const noIncentives: RuleDefinition = {
    id: 'no-incentives',
    challenge: 8,
    title: 'The model names no incentives',
    summary:
        'Goodwill takes change a long way but rarely all the way. Say what motivates each group to change: rewards, recognition, or firmer levers such as audit and peer review.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (programme && model.all(ast.isIncentive).length === 0) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` names no incentives: add an \`incentive\` (kind carrot or stick) for the groups asked to change.`,
            });
        }
    },
};

export const incentivesOneSided: RuleDefinition = {
    id: 'incentives-one-sided',
    challenge: 8,
    title: 'Incentives are all carrots or all sticks',
    summary:
        'Carrots alone may not be enough to move everyone; sticks alone breed resentment. A balance of both, used with care and senior support, works best.',
    defaultSeverity: 'info',
    needsProgramme: true,
    check({ model, programme, report }) {
        const incentives = model.all(ast.isIncentive);
        const kinds = new Set(incentives.map(i => i.kind).filter(Boolean));
        if (programme && kinds.size === 1) {
            const [kind] = kinds;
            const other = kind === 'carrot' ? 'stick' : 'carrot';
            report({
                node: programme,
                message: `Every incentive of programme \`${programme.name}\` is a ${kind}: consider a ${other} as well.`,
            });
        }
    },
};

export const INCENTIVE_RULES = [noIncentives, incentivesOneSided];
