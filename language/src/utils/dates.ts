const DASH = 0x2d;
const ZERO = 0x30;

/**
 * Whether an ISO date (YYYY-MM-DD) is in the calendar. Read character by character, with no
 * regular expression or Date: every date field of every file, and every row of every data file, is
 * checked on each build.
 */
export function isCalendarDate(text: string): boolean {
    return !Number.isNaN(calendarDayAt(text, 0, text.length));
}

/**
 * The day number (days since 1970-01-01) of the ISO date written in `text` from `start` to `end`;
 * NaN when that is not a date in the calendar. A data file's dates are read here in place, with no
 * string cut out of the row: a series keeps its dates as day numbers.
 */
export function calendarDayAt(text: string, start: number, end: number): number {
    if (end - start !== 10 || text.charCodeAt(start + 4) !== DASH || text.charCodeAt(start + 7) !== DASH) {
        return Number.NaN;
    }
    // Each digit as a number from 0 to 9, or out of that range when it is not a digit. Written out
    // rather than looped: this runs for every row of every data file.
    const y1 = text.charCodeAt(start) - ZERO;
    const y2 = text.charCodeAt(start + 1) - ZERO;
    const y3 = text.charCodeAt(start + 2) - ZERO;
    const y4 = text.charCodeAt(start + 3) - ZERO;
    const m1 = text.charCodeAt(start + 5) - ZERO;
    const m2 = text.charCodeAt(start + 6) - ZERO;
    const d1 = text.charCodeAt(start + 8) - ZERO;
    const d2 = text.charCodeAt(start + 9) - ZERO;
    if (!isDigit(y1) || !isDigit(y2) || !isDigit(y3) || !isDigit(y4)) {
        return Number.NaN;
    }
    if (!isDigit(m1) || !isDigit(m2) || !isDigit(d1) || !isDigit(d2)) {
        return Number.NaN;
    }
    const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
    const month = m1 * 10 + m2;
    const day = d1 * 10 + d2;
    if (month < 1 || month > 12 || day < 1) {
        return Number.NaN;
    }
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return day <= days ? dayNumber(year, month, day) : Number.NaN;
}

function isDigit(digit: number): boolean {
    return digit >= 0 && digit <= 9;
}

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a date in the proleptic Gregorian calendar (year 0 to 9999), as `Date.UTC` counts them. */
function dayNumber(year: number, month: number, day: number): number {
    // Howard Hinnant's days_from_civil: a year that starts in March puts the leap day last.
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

/** The day number of an ISO date known to be in the calendar. */
export function dayOf(date: string): number {
    return calendarDayAt(date, 0, date.length);
}

/** The ISO date (YYYY-MM-DD) of a day number from year 0 to 9999: a chart asks for one per point. */
export function dateOfDay(day: number): string {
    // Howard Hinnant's civil_from_days, the inverse of `dayNumber`.
    const shifted = day + 719_468;
    const era = Math.floor(shifted / 146_097);
    const dayOfEra = shifted - era * 146_097;
    const yearOfEra = Math.floor(
        (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
    );
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
    const date = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

/** Today as an ISO date, in UTC so that every machine agrees on the date around midnight. */
export function today(): string {
    return new Date().toISOString().slice(0, 10);
}
