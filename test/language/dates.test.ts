import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { calendarDayAt, dateOfDay, dayOf } from '../../language/src/utils/dates.js';

const MS_PER_DAY = 86_400_000;
const calendarDates = fc
    .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map(date => date.toISOString().slice(0, 10));

describe('day numbers of ISO dates', () => {
    test('a date has the day number Date gives it, and the day number gives the date back', () => {
        fc.assert(
            fc.property(calendarDates, date => {
                expect(dayOf(date)).toBe(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
                expect(dateOfDay(dayOf(date))).toBe(date);
            }),
            { numRuns: 5000 },
        );
    });

    test('the ends of the calendar and the days around the epoch and leap days', () => {
        for (const date of [
            '0000-01-01',
            '0000-02-29',
            '1969-12-31',
            '1970-01-01',
            '2000-02-29',
            '2100-03-01',
            '9999-12-31',
        ]) {
            expect(dayOf(date), date).toBe(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
            expect(dateOfDay(dayOf(date))).toBe(date);
        }
    });

    test('day numbers sort as the dates do', () => {
        fc.assert(
            fc.property(calendarDates, calendarDates, (a, b) => {
                expect(Math.sign(dayOf(a) - dayOf(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
            }),
        );
    });

    test('a date is read in place, within a row', () => {
        const row = '2024-02-29,12,400';
        expect(calendarDayAt(row, 0, 10)).toBe(dayOf('2024-02-29'));
        expect(calendarDayAt(row, 0, 11)).toBeNaN();
        expect(calendarDayAt('x,2023-02-29', 2, 12)).toBeNaN();
        expect(calendarDayAt('x,2023-13-01', 2, 12)).toBeNaN();
    });
});
