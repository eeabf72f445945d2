import type { Quantity, Target } from '../generated/ast.js';

/** `7.7 per 1,000 catheter-days`, `30%`: a quantity as a person would say it. */
export function describeQuantity(quantity: Quantity | undefined): string {
    // A value cut short by a syntax error (`target` with nothing after it) is shown as unknown.
    if (!quantity) {
        return '?';
    }
    if (!quantity.unit) {
        return String(quantity.value);
    }
    return quantity.unit === '%' ? `${quantity.value}%` : `${quantity.value} ${quantity.unit}`;
}

/**
 * The level an absolute target names (`target reach 4.9`, or one with no change word), which can be
 * compared with a baseline or a chart's limits; `undefined` for a relative target (`reduce 30%`)
 * or one cut short by a syntax error.
 */
export function absoluteTarget(target: Target | undefined): Quantity | undefined {
    return target && (!target.change || target.change === 'reach') ? target.value : undefined;
}

/** `reduce 30% by 2008-10-31 (stretch)`. */
export function describeTarget(target: Target): string {
    const parts = [target.change, describeQuantity(target.value), target.date && `by ${target.date}`].filter(Boolean);
    return parts.join(' ') + (target.stretch ? ' (stretch)' : '');
}
