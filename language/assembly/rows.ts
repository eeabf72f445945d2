/**
 * The rows of a plain data file (see `readPlainFile` in ../src/data/data-file.ts), read from its
 * UTF-8 bytes into columns. Compiled to WebAssembly, which runs at full speed from the first row,
 * where JavaScript would be interpreted until the engine had optimised it: a check of many long
 * data files is mostly a process that has just started.
 */

const COMMA: i32 = 0x2c;
const LINE_FEED: i32 = 0x0a;
const CARRIAGE_RETURN: i32 = 0x0d;
const PLUS: i32 = 0x2b;
const MINUS: i32 = 0x2d;
const DOT: i32 = 0x2e;
const ZERO: i32 = 0x30;

/** A row that is not plain or not good: csv-parse reads the file and names the problem. */
export const NOT_PLAIN: i32 = -1;

/** Powers of ten that a double holds exactly: 10^0 to 10^22. */
const EXACT_POWERS = memory.data<f64>([
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
]);

/** The most digits whose number a double holds exactly. */
const EXACT_DIGITS = 15;

/** The day of a cell that is not a date in the calendar (and, before the first row, of no row). */
const NO_DAY: i32 = i32.MIN_VALUE;

/** Whether the rows read were in date order. */
export let inDateOrder: i32 = 1;

/** How many cells `readRows` left for JavaScript's `Number` to read (see `exactCells`). */
export let exactCount: i32 = 0;

/** Set by `decimalAt` when the number is good but beyond the fast path. */
let needsExact = false;

/** Where free memory starts, after the static data. */
export function freeMemory(): usize {
    return __heap_base;
}

/**
 * Reads the rows of the text `[input, input + length)` from `from` (the start of the first row)
 * into columns with room for `capacity` rows: `days` (i32, days since 1970-01-01), `values` and
 * `sizes` (f64; a size is NaN when its cell is empty or the file has no denominator column), and
 * for a file with sites, each row's site cell as a pair of byte offsets in `sites` (i32, two per
 * row). Column indices are -1 for a column the file lacks.
 *
 * A number with more than 15 digits, or a power of ten beyond 22, is left for JavaScript: its cell
 * is listed in `exactCells` (i32, four per cell: row, 0 for a value or 1 for a size, start, end)
 * and `exactCount` counts them.
 *
 * Returns how many rows were read, or NOT_PLAIN at the first cell that is not good: a date not in
 * the calendar, a value that is not a number, a size that is not a number or is negative.
 */
export function readRows(
    input: usize,
    length: i32,
    from: i32,
    dateAt: i32,
    valueAt: i32,
    sizeAt: i32,
    siteAt: i32,
    capacity: i32,
    days: usize,
    values: usize,
    sizes: usize,
    sites: usize,
    exactCells: usize,
): i32 {
    const end = input + <usize>length;
    inDateOrder = 1;
    exactCount = 0;
    let rows = 0;
    let column = 0;
    let cellStart = input + <usize>from;
    let day = NO_DAY;
    let previousDay = NO_DAY;
    let value = NaN;
    let size = NaN;
    let siteStart: usize = 0;
    let siteEnd: usize = 0;
    for (let at = cellStart; at <= end; at++) {
        const code: i32 = at < end ? <i32>load<u8>(at) : LINE_FEED;
        if (code != COMMA && code != LINE_FEED && code != CARRIAGE_RETURN) {
            continue;
        }
        // The cell [cellStart, at) of `column`.
        if (column == dateAt) {
            day = calendarDayAt(cellStart, at);
        } else if (column == valueAt) {
            value = decimalAt(cellStart, at);
            if (needsExact) {
                value = 0;
                listExact(exactCells, rows, 0, cellStart - input, at - input);
            }
        } else if (column == sizeAt && at > cellStart) {
            size = decimalAt(cellStart, at);
            if (needsExact) {
                size = 0;
                listExact(exactCells, rows, 1, cellStart - input, at - input);
            } else if (!(size >= 0)) {
                return NOT_PLAIN;
            }
        } else if (column == siteAt) {
            siteStart = cellStart - input;
            siteEnd = at - input;
        }
        if (code == COMMA) {
            column++;
        } else {
            // A line with no comma and nothing in its one cell is empty, and skipped.
            if (column > 0 || at > cellStart) {
                if (day == NO_DAY || isNaN(value) || rows == capacity) {
                    return NOT_PLAIN;
                }
                if (day < previousDay) {
                    inDateOrder = 0;
                }
                previousDay = day;
                store<i32>(days + ((<usize>rows) << 2), day);
                store<f64>(values + ((<usize>rows) << 3), value);
                store<f64>(sizes + ((<usize>rows) << 3), size);
                if (siteAt >= 0) {
                    store<i32>(sites + ((<usize>rows) << 3), <i32>siteStart);
                    store<i32>(sites + ((<usize>rows) << 3) + 4, <i32>siteEnd);
                }
                rows++;
            }
            // In a plain file every carriage return comes before a line feed.
            if (code == CARRIAGE_RETURN) {
                at++;
            }
            column = 0;
            day = NO_DAY;
            value = NaN;
            size = NaN;
            siteStart = 0;
            siteEnd = 0;
        }
        cellStart = at + 1;
    }
    return rows;
}

function listExact(cells: usize, row: i32, kind: i32, start: usize, end: usize): void {
    const at = cells + ((<usize>exactCount) << 4);
    store<i32>(at, row);
    store<i32>(at + 4, kind);
    store<i32>(at + 8, <i32>start);
    store<i32>(at + 12, <i32>end);
    exactCount++;
}

/** The digit at `at` as a number from 0 to 9, or out of that range when it is not a digit. */
function digitAt(at: usize): i32 {
    return <i32>load<u8>(at) - ZERO;
}

function isDigit(digit: i32): bool {
    return <u32>digit <= 9;
}

/**
 * The day number of the ISO date (YYYY-MM-DD) in `[start, end)`, NO_DAY when that is not a date in
 * the calendar: as `calendarDayAt` in ../src/utils/dates.ts.
 */
function calendarDayAt(start: usize, end: usize): i32 {
    if (end - start != 10 || <i32>load<u8>(start + 4) != MINUS || <i32>load<u8>(start + 7) != MINUS) {
        return NO_DAY;
    }
    const y1 = digitAt(start);
    const y2 = digitAt(start + 1);
    const y3 = digitAt(start + 2);
    const y4 = digitAt(start + 3);
    const m1 = digitAt(start + 5);
    const m2 = digitAt(start + 6);
    const d1 = digitAt(start + 8);
    const d2 = digitAt(start + 9);
    if (!isDigit(y1) || !isDigit(y2) || !isDigit(y3) || !isDigit(y4)) {
        return NO_DAY;
    }
    if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) {
        return NO_DAY;
    }
    const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
    const month = m1 * 10 + m2;
    const day = d1 * 10 + d2;
    if (month < 1 || month > 12 || day < 1) {
        return NO_DAY;
    }
    const leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const days = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    if (day > days) {
        return NO_DAY;
    }
    // Howard Hinnant's days_from_civil, in whole numbers (division truncates, so the era of a
    // year before 0 is found from below).
    const y = month <= 2 ? year - 1 : year;
    const era = (y >= 0 ? y : y - 399) / 400;
    const yearOfEra = y - era * 400;
    const dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

/** The byte at `at`, or -1 at `end`. */
function byteAt(at: usize, end: usize): i32 {
    return at < end ? <i32>load<u8>(at) : -1;
}

/**
 * The decimal number in `[start, end)` as `decimalAt` in ../src/utils/decimal.ts reads it, NaN
 * when it is not one. A good number beyond the fast path sets `needsExact` (and gives NaN).
 */
function decimalAt(start: usize, end: usize): f64 {
    needsExact = false;
    let at = start;
    let code = byteAt(at, end);
    const negative = code == MINUS;
    if (code == PLUS || code == MINUS) {
        code = byteAt(++at, end);
    }
    let digits = 0;
    let scale = 0;
    let mantissa: f64 = 0;
    while (isDigit(code - ZERO)) {
        mantissa = mantissa * 10 + <f64>(code - ZERO);
        digits++;
        code = byteAt(++at, end);
    }
    if (code == DOT) {
        code = byteAt(++at, end);
        while (isDigit(code - ZERO)) {
            mantissa = mantissa * 10 + <f64>(code - ZERO);
            digits++;
            scale++;
            code = byteAt(++at, end);
        }
    }
    if (digits == 0) {
        return NaN;
    }
    let exponent = 0;
    if (code == 0x65 || code == 0x45) {
        code = byteAt(++at, end);
        const exponentNegative = code == MINUS;
        if (code == PLUS || code == MINUS) {
            code = byteAt(++at, end);
        }
        const exponentStart = at;
        while (isDigit(code - ZERO)) {
            // Beyond a million the number is past the fast path whatever follows.
            if (exponent < 1000000) {
                exponent = exponent * 10 + (code - ZERO);
            }
            code = byteAt(++at, end);
        }
        if (at == exponentStart) {
            return NaN;
        }
        if (exponentNegative) {
            exponent = -exponent;
        }
    }
    if (at != end) {
        return NaN;
    }
    const power = exponent - scale;
    if (digits > EXACT_DIGITS || power < -22 || power > 22) {
        needsExact = true;
        return NaN;
    }
    const magnitude =
        power < 0
            ? mantissa / load<f64>(EXACT_POWERS + ((<usize>-power) << 3))
            : mantissa * load<f64>(EXACT_POWERS + ((<usize>power) << 3));
    return negative ? -magnitude : magnitude;
}
