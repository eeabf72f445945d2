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

/** `reduce 30% by 2008-10-31 (stretch)`. */
export function describeTarget(target: Target): string {
    const parts = [target.change, describeQuantity(target.value), target.date && `by ${target.date}`].filter(Boolean);
    return parts.join(' ') + (target.stretch ? ' (stretch)' : '');
}
