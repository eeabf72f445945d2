import * as ast from '../../generated/ast.js';
import { levelOf } from '../../analysis/programme-model.js';
import type { RuleDefinition } from '../rule.js';

export const leadershipAtOneLevel: RuleDefinition = {
    id: 'leadership-at-one-level',
    challenge: 7,
    title: 'Leaders sit at only one level',
    summary:
        'Leadership from the top alone feels like control; from the ward alone it lacks backing. Spread it: sponsors at board or executive level, and owners among middle managers and frontline staff.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (!programme) {
            return;
        }
        const leaders = [
            ...programme.sponsors.map(s => s.ref),
            ...model.all(ast.isActivity).map(a => a.owner?.ref),
            ...model.all(ast.isSustainPlan).map(p => p.owner?.ref),
        ];
        const levels = new Set(leaders.map(levelOf).filter(Boolean));
        if (levels.size === 1) {
            report({
                node: programme,
                message: `Every leader of programme \`${programme.name}\` (sponsors and owners) is at ${[...levels][0]} level: share leadership across levels.`,
            });
        }
    },
};

export const LEADERSHIP_RULES = [leadershipAtOneLevel];
