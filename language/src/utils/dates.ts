const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether an ISO date (YYYY-MM-DD) is in the calendar. Checked without a Date: every date field of every file is checked on each build. */
export function isCalendarDate(text: string): boolean {
    const match = CALENDAR_DATE.exec(text);
    if (!match) {
        return false;
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Today as an ISO date, in UTC so that every machine agrees on the date around midnight. */
export function today(): string {
    return new Date().toISOString().slice(0, 10);
}
