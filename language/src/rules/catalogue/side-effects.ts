import * as ast from '../../generated/ast.js';
import type { RuleDefinition } from '../rule.js';

export const noBalancingMeasure: RuleDefinition = {
    id: 'no-balancing-measure',
    challenge: 10,
    title: 'No balancing measure',
    summary:
        'Improving one thing can quietly harm another, and staff lose faith when it does. A balancing measure watches for the harm the change might cause.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (programme && model.measures.length > 0 && !model.measures.some(measure => measure.kind === 'balancing')) {
            report({
                node: programme,
                message: `Programme \`${programme.name}\` has no balancing measure: add a measure of kind balancing that watches for harm the change could cause.`,
                fix: { kind: 'add-balancing-measure' },
            });
        }
    },
};

export const unwatchedRisk: RuleDefinition = {
    id: 'unwatched-risk',
    challenge: 10,
    title: 'A risk or side effect has no measure watching it',
    summary:
        'Naming a risk is the first step; watching for it is what lets the team act before it does harm. Give each risk or side effect a measure.',
    defaultSeverity: 'warning',
    check({ model, report }) {
        for (const risk of model.all(ast.isRisk)) {
            if (model.measuresOf(risk).length === 0) {
                const kind = risk.sideEffect ? 'Side effect' : 'Risk';
                report({
                    node: risk,
                    message: `${kind} \`${risk.name}\` has no measure watching it: add a balancing measure with \`measures ${risk.name}\`.`,
                    fix: { kind: 'add-measure', target: risk.name, measureKind: 'balancing' },
                });
            }
        }
    },
};

export const SIDE_EFFECT_RULES = [noBalancingMeasure, unwatchedRisk];
