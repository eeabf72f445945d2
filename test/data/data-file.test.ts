import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
    describeProblem,
    readDataFile,
    readPlainFile,
    readWithCsvParse,
    rowsOf,
} from '../../language/src/data/data-file.js';
import { decimalAt } from '../../language/src/utils/decimal.js';

const problems = (text: string) => readDataFile(text).problems.map(describeProblem);

/** What a decimal number in a cell looks like: a sign, digits, a point, an exponent, each maybe. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Text near a decimal number: up to 20 digits either side of a point, and sometimes an exponent. */
const decimalLike = (() => {
    const digit = fc.constantFrom('0', '1', '3', '7', '9');
    return fc
        .tuple(
            fc.constantFrom('', '+', '-'),
            fc.array(digit, { maxLength: 20 }),
            fc.constantFrom('', '.'),
            fc.array(digit, { maxLength: 20 }),
            fc.constantFrom('', 'e', 'E-', 'e+'),
            fc.array(digit, { maxLength: 3 }),
        )
        .map(parts => parts.map(part => (Array.isArray(part) ? part.join('') : part)).join(''));
})();

describe('a measure data file', () => {
    test('reads date and value, with denominator and site when given, in date order', () => {
        const file = readDataFile(
            'date,value,denominator,site\n2025-02-01,3,120,Ward7\n2025-01-01,5,118,Ward9\n2025-03-01,2.5,,\n',
        );
        expect(file.problems).toEqual([]);
        expect(rowsOf(file.series)).toEqual([
            { date: '2025-01-01', value: 5, denominator: 118, site: 'Ward9' },
            { date: '2025-02-01', value: 3, denominator: 120, site: 'Ward7' },
            { date: '2025-03-01', value: 2.5 },
        ]);
    });

    test('columns are found by name, in any order and case, with a byte-order mark, quotes and blank lines', () => {
        const file = readDataFile('\uFEFFValue,"Date"\n\n"4",2025-01-01\r\n7 , 2025-01-08\n');
        expect(file.problems).toEqual([]);
        expect(rowsOf(file.series).map(row => [row.date, row.value])).toEqual([
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
        expect(rowsOf(file.series).map(row => row.date)).toEqual(['2025-04-01']);
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

describe('the fast path for plain files', () => {
    test('reads a plain file, with LF or CRLF line endings, blank lines and a short row, as csv-parse does', () => {
        for (const text of [
            'date,value,denominator,site\n2025-02-01,3,120,Ward7\n2025-01-01,5,118,Ward9\n2025-03-01,2.5,,\n',
            'Date,VALUE\r\n\r\n2025-01-01,4\r\n2025-01-08,7',
            'value,date,notes\n4,2025-01-01\n\n\n7,2025-01-08,seen, twice\n\n',
            'date,value,site,denominator\n2025-01-01,4,North\n2025-01-01,5,South,\n',
        ]) {
            const plain = readPlainFile(text);
            expect(plain).toBeDefined();
            expect(plain).toStrictEqual(readWithCsvParse(text));
            expect(readDataFile(text)).toStrictEqual(plain);
        }
    });

    test('leaves to csv-parse quotes, mixed line endings, cells to trim, and every problem', () => {
        for (const text of [
            'date,value\n"2025-01-01",4\n',
            'date,value\r\n2025-01-01,4\n2025-01-02,5\n',
            'date,value\n2025-01-01,4\r2025-01-02,5\n',
            'date, value\n2025-01-01,4\n',
            'date,value\n2025-01-01 ,4\n',
            'date,value,site\n2025-01-01,4, North\n',
            'date,value,site\n2025-01-01,4,North\u00a0\n',
            'date,value\n2025-01-01,x\n',
            'date,value\n',
            '',
        ]) {
            expect(readPlainFile(text)).toBeUndefined();
        }
        expect(rowsOf(readDataFile('date,value,site\n2025-01-01,4, North \n').series)).toEqual([
            { date: '2025-01-01', value: 4, site: 'North' },
        ]);
    });

    test('whatever it reads, it reads as csv-parse does', () => {
        // Text made of the pieces a data file is made of, and of those that trip readers up.
        const piece = fc.constantFrom(
            'date',
            'Value',
            'denominator',
            'site',
            '2025-01-01',
            '2024-12-31',
            '2025-02-30',
            '4',
            '-2.5',
            '1e3',
            'North',
            'n/a',
            ',',
            ',',
            ',',
            '\n',
            '\n',
            '\r\n',
            '\r',
            ' ',
            '\t',
            '"',
            '\u00a0',
            '\ufeff',
        );
        const header = fc.constantFrom('date,value\n', 'value,date,site\n', 'date,value,denominator,site\r\n', '');
        fc.assert(
            fc.property(header, fc.array(piece, { maxLength: 40 }), (head, pieces) => {
                const text = head + pieces.join('');
                const plain = readPlainFile(text);
                if (plain !== undefined) {
                    expect(plain).toStrictEqual(readWithCsvParse(text));
                }
            }),
            { numRuns: 3000 },
        );
    });

    test('whatever file of rows it reads, it reads as csv-parse does', () => {
        // A header with `date` and `value` among other columns; rows whose cells mostly suit their
        // column, some short or long; blank lines; either line ending, or both.
        const good: Record<string, string[]> = {
            date: ['2025-01-01', '2025-01-02', '2024-12-31', '1969-12-31', '0400-02-29'],
            // Numbers with more digits or a larger power of ten than a double holds exactly, too.
            value: ['3', '0.5', '-1', '0.30000000000000004', '1e25', '-2.5e-30'],
            denominator: ['10', '', '0', '12345678901234567', '7.5e23'],
            // Sites and other cells beyond ASCII, before and after the cells read.
            site: ['North', 'South', '', 'Épinal', 'Ward 7 – Ōkāwa'],
            notes: ['seen', '', 'a b', 'café ☕'],
        };
        const odd = fc.constantFrom(
            '',
            ' 4',
            '4 ',
            'x',
            ' North',
            'North\t',
            '2025-02-30',
            '\u00a0',
            '-12345678901234567',
            '1e',
            '٣',
        );
        const columns = fc
            .tuple(
                fc
                    .shuffledSubarray(['denominator', 'site', 'notes'])
                    .chain(extra => fc.shuffledSubarray(['date', 'value', ...extra], { minLength: extra.length + 2 })),
                fc.constantFrom('', ' ', 'upper'),
            )
            .map(([names, style]) =>
                names.map((name, i) =>
                    i === 0 && style === 'upper' ? name.toUpperCase() : i === 1 && style === ' ' ? ` ${name}` : name,
                ),
            );
        const row = (names: string[]) =>
            fc
                .tuple(
                    fc.tuple(
                        ...names.map(name =>
                            fc.oneof(
                                { weight: 30, arbitrary: fc.constantFrom(...good[name.trim().toLowerCase()]) },
                                { weight: 1, arbitrary: odd },
                            ),
                        ),
                    ),
                    fc.constantFrom(0, 0, 0, 0, 0, 0, -1, 1),
                )
                .map(([cells, change]) =>
                    (change < 0 ? cells.slice(0, -1) : change > 0 ? [...cells, 'more'] : cells).join(','),
                );
        const file = columns.chain(names =>
            fc.tuple(
                fc.constant(names.join(',')),
                fc.array(fc.oneof({ weight: 8, arbitrary: row(names) }, { weight: 1, arbitrary: fc.constant('') }), {
                    maxLength: 8,
                }),
            ),
        );
        const ending = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r');
        let read = 0;
        fc.assert(
            fc.property(file, ending, ending, fc.boolean(), ([head, body], end, other, last) => {
                const lines = [head, ...body];
                // Now and then one line ends otherwise.
                const text = lines
                    .map((line, i) => line + (i === 1 ? other : i < lines.length - 1 || last ? end : ''))
                    .join('');
                const plain = readPlainFile(text);
                if (plain !== undefined) {
                    read++;
                    expect(plain).toStrictEqual(readWithCsvParse(text));
                }
            }),
            { numRuns: 5000 },
        );
        // The property says something only if the fast path reads a fair share of the files.
        expect(read).toBeGreaterThan(100);
    });
});

describe('a number in a cell of a plain file', () => {
    test('is read as csv-parse reads it, to the last bit, beyond the fast path too', () => {
        fc.assert(
            fc.property(decimalLike, decimalLike, (value, size) => {
                const text = `date,value,denominator\n2025-01-01,${value},${size}\n2025-01-02,1,1\n`;
                const plain = readPlainFile(text);
                const good = DECIMAL.test(value) && (size === '' || (DECIMAL.test(size) && Number(size) >= 0));
                expect(plain !== undefined).toBe(good);
                if (plain) {
                    expect(plain).toStrictEqual(readWithCsvParse(text));
                    expect(Object.is(plain.series.values[0], Number(value))).toBe(true);
                }
            }),
            { numRuns: 5000 },
        );
    });

    test('a file far larger than the memory the reader starts with is read whole, and a small one after it', () => {
        const rows = Array.from(
            { length: 200_000 },
            (_, i) => `${new Date(Date.UTC(1500, 0, 1 + i)).toISOString().slice(0, 10)},${i % 97}.25`,
        );
        const text = `date,value\n${rows.join('\n')}\n`;
        const plain = readPlainFile(text);
        expect(plain?.series.length).toBe(200_000);
        expect(plain?.series.values[199_999]).toBe((199_999 % 97) + 0.25);
        expect(readPlainFile('date,value\n2025-01-01,1\n')?.series.length).toBe(1);
    });
});

describe('a number in a cell', () => {
    const read = (text: string) => decimalAt(text, 0, text.length);

    test('is a decimal number with an optional sign and exponent, and nothing else Number would read', () => {
        for (const text of ['4', '-4', '+0.5', '.5', '5.', '1e3', '2.5E-2', '007', '-0']) {
            expect(read(text), text).toBe(Number(text));
        }
        for (const text of ['', '.', '-', '1e', '1e+', '0x1F', 'Infinity', 'NaN', ' 4', '4 ', '1,5', '1.2.3', 'e5']) {
            expect(read(text), text).toBeNaN();
        }
        // Read in place: only the cell between its commas.
        expect(decimalAt('2025-01-01,36.5,40', 11, 15)).toBe(36.5);
    });

    test('is what Number reads, to the last bit, where the pattern of a decimal number matches, and NaN elsewhere', () => {
        const noise = fc
            .array(fc.constantFrom('0', '7', '.', '+', '-', 'e', 'E', 'x', ' '), { maxLength: 8 })
            .map(chars => chars.join(''));
        fc.assert(
            fc.property(fc.oneof(decimalLike, noise), cell =>
                DECIMAL.test(cell) ? Object.is(read(cell), Number(cell)) : Number.isNaN(read(cell)),
            ),
            { numRuns: 20000 },
        );
    });
});
