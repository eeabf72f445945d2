const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Powers of ten that a double holds exactly: 10^0 to 10^22. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** The most digits whose number a double holds exactly (every number below 10^15 is below 2^53). */
const EXACT_DIGITS = 15;

/**
 * The decimal number written in `text` from `start` to `end`, as `Number` reads it; NaN when the
 * text is not a decimal number: `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`, so neither blank, nor
 * padded with spaces, nor hexadecimal, nor `Infinity`, all of which `Number` would read.
 *
 * Read character by character, with no string cut out, as every number of every row of every data
 * file is read on each check. A number of at most 15 digits with a power of ten up to 22 is worked
 * out as digits times or over that power: both are exact in a double, so the one rounding gives what
 * `Number` gives (Clinger's fast path). Any other is given to `Number`.
 */
export function decimalAt(text: string, start: number, end: number): number {
    let i = start;
    let code = i < end ? text.charCodeAt(i) : -1;
    const negative = code === MINUS;
    if (code === PLUS || code === MINUS) {
        code = ++i < end ? text.charCodeAt(i) : -1;
    }
    let digits = 0;
    let mantissa = 0;
    let scale = 0;
    while (code >= ZERO && code <= NINE) {
        mantissa = mantissa * 10 + (code - ZERO);
        digits++;
        code = ++i < end ? text.charCodeAt(i) : -1;
    }
    if (code === DOT) {
        code = ++i < end ? text.charCodeAt(i) : -1;
        while (code >= ZERO && code <= NINE) {
            mantissa = mantissa * 10 + (code - ZERO);
            digits++;
            scale++;
            code = ++i < end ? text.charCodeAt(i) : -1;
        }
    }
    if (digits === 0) {
        return Number.NaN;
    }
    let exponent = 0;
    if (code === 0x65 || code === 0x45) {
        code = ++i < end ? text.charCodeAt(i) : -1;
        const exponentNegative = code === MINUS;
        if (code === PLUS || code === MINUS) {
            code = ++i < end ? text.charCodeAt(i) : -1;
        }
        const exponentStart = i;
        while (code >= ZERO && code <= NINE) {
            exponent = exponent * 10 + (code - ZERO);
            code = ++i < end ? text.charCodeAt(i) : -1;
        }
        if (i === exponentStart) {
            return Number.NaN;
        }
        exponent = exponentNegative ? -exponent : exponent;
    }
    if (i !== end) {
        return Number.NaN;
    }
    const power = exponent - scale;
    if (digits > EXACT_DIGITS || power < -22 || power > 22) {
        return Number(text.slice(start, end));
    }
    const magnitude = power < 0 ? mantissa / EXACT_POWERS[-power] : mantissa * EXACT_POWERS[power];
    return negative ? -magnitude : magnitude;
}
