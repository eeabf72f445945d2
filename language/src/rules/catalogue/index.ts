import type { RuleDefinition } from '../rule.js';
import { AMBITION_RULES } from './ambition.js';
import { CONTEXT_RULES } from './context.js';
import { DATA_RULES } from './data.js';
import { ENGAGEMENT_RULES } from './engagement.js';
import { INCENTIVE_RULES } from './incentives.js';
import { LEADERSHIP_RULES } from './leadership.js';
import { MEASUREMENT_RULES } from './measurement.js';
import { METHODS_RULES } from './methods.js';
import { PROBLEM_RULES } from './problem.js';
import { SIDE_EFFECT_RULES } from './side-effects.js';
import { SOLUTION_RULES } from './solution.js';
import { SUSTAINABILITY_RULES } from './sustainability.js';

/** The rule catalogue, in the order of the ten challenges. */
export const RULES: readonly RuleDefinition[] = [
    ...PROBLEM_RULES,
    ...SOLUTION_RULES,
    ...MEASUREMENT_RULES,
    ...DATA_RULES,
    ...AMBITION_RULES,
    ...CONTEXT_RULES,
    ...ENGAGEMENT_RULES,
    ...LEADERSHIP_RULES,
    ...INCENTIVE_RULES,
    ...SUSTAINABILITY_RULES,
    ...SIDE_EFFECT_RULES,
    ...METHODS_RULES,
];

const BY_ID = new Map(RULES.map(rule => [rule.id, rule]));

export function ruleById(id: string): RuleDefinition | undefined {
    return BY_ID.get(id);
}
