const DASH = 0x2d;
const ZERO = 0x30;

/**
 * Whether an ISO date (YYYY-MM-DD) is in the calendar. Read character by character, with no
 * regular expression or Date: every date field of every file, and every row of every data file, is
 * checked on each build.
 */
export function isCalendarDate(text: string): boolean {
    if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
        return false;
    }
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return day <= days;
}

/** The number written by `count` ASCII digits from `from`, or -1 if any of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
    let value = 0;
    for (let i = from; i < from + count; i++) {
        const digit = text.charCodeAt(i) - ZERO;
        if (digit < 0 || digit > 9) {
            return -1;
        }
        value = value * 10 + digit;
    }
    return value;
}

/** Today as an ISO date, in UTC so that every machine agrees on the date around midnight. */
export function today(): string {
    return new Date().toISOString().slice(0, 10);
}
