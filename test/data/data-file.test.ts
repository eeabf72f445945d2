import { describe, expect, test } from 'vitest';
import { describeProblem, readDataFile } from '../../language/src/data/data-file.js';

const problems = (text: string) => readDataFile(text).problems.map(describeProblem);

describe('a measure data file', () => {
    test('reads date and value, with denominator and site when given, in date order', () => {
        const file = readDataFile(
            'date,value,denominator,site\n2025-02-01,3,120,Ward7\n2025-01-01,5,118,Ward9\n2025-03-01,2.5,,\n',
        );
        expect(file.problems).toEqual([]);
        expect(file.rows).toEqual([
            { date: '2025-01-01', value: 5, denominator: 118, site: 'Ward9' },
            { date: '2025-02-01', value: 3, denominator: 120, site: 'Ward7' },
            { date: '2025-03-01', value: 2.5 },
        ]);
    });

    test('columns are found by name, in any order and case, with a byte-order mark, quotes and blank lines', () => {
        const file = readDataFile('\uFEFFValue,"Date"\n\n"4",2025-01-01\r\n7 , 2025-01-08\n');
        expect(file.problems).toEqual([]);
        expect(file.rows.map(row => [row.date, row.value])).toEqual([
            ['2025-01-01', 4],
            ['2025-01-08', 7],
        ]);
    });

    test('each bad cell is named by its row and column, and the good rows are still read', () => {
        const file = readDataFile(
            'date,value,denominator\n2025-01-01,n/a,10\n2025-02-30,4,10\n2025-03-01,5,-2\n2025-04-01,6,10\n',
        );
        expect(file.problems.map(describeProblem)).toEqual([
            'row 2, column `value`: "n/a" is not a number',
            'row 3, column `date`: "2025-02-30" is not a date; write dates as YYYY-MM-DD',
            'row 4, column `denominator`: -2 is negative',
        ]);
        expect(file.rows.map(row => row.date)).toEqual(['2025-04-01']);
    });

    test('a file without the columns, an empty file, a header alone, and text that is not CSV', () => {
        expect(problems('when,how many\n2025-01-01,3\n')).toEqual([
            'line 1: there is no `date` or `value` column; the first row must name the columns, `date,value` at least (optionally `denominator` and `site`)',
        ]);
        expect(problems('')).toEqual([
            'the file is empty; it needs a header row `date,value` and one row per observation',
        ]);
        expect(problems('date,value\n')).toEqual(['line 1: there is a header row and no observations']);
        expect(problems('date,value\n2025-01-01,"3\n')[0]).toMatch(/^(line \d+: )?this is not valid CSV \(/);
    });

    test('a problem after a blank line and a quoted field over two lines is on the line it is on', () => {
        expect(problems('date,value,site\n\n2025-01-01,3,"Ward\n7"\n2025-02-01,x,\n')).toEqual([
            'row 5, column `value`: "x" is not a number',
        ]);
    });

    test('an empty value is not a number', () => {
        expect(problems('date,value\n2025-01-01,\n')).toEqual(['row 2, column `value`: an empty cell is not a number']);
    });
});
