/**
 * A measure's data file: CSV with a header row and the columns `date` and `value`, optionally
 * `denominator` and `site`, one observation per row. Read with Papa Parse when the file is plain and
 * has no problem, otherwise with csv-parse; every problem names the row (the line of the file,
 * 1-based) and the column, so the user can go straight to it.
 */
import { CsvError, parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { isCalendarDate } from '../utils/dates.js';

export const DATA_COLUMNS = ['date', 'value', 'denominator', 'site'] as const;
type Column = (typeof DATA_COLUMNS)[number];

/** One observation, as read. */
export interface DataRow {
    readonly date: string;
    readonly value: number;
    readonly denominator?: number;
    readonly site?: string;
}

/** Something wrong with the file, where it is and what to do. */
export interface DataProblem {
    /** 1-based; absent for a problem with the file as a whole. */
    readonly line?: number;
    readonly column?: Column;
    /** What is wrong, without where: `"n/a" is not a number`. */
    readonly message: string;
}

/** Where a problem is and what it is: `row 5, column \`value\`: "n/a" is not a number`. */
export function describeProblem(problem: DataProblem): string {
    const where =
        problem.line === undefined
            ? ''
            : problem.column === undefined
              ? `line ${problem.line}: `
              : `row ${problem.line}, column \`${problem.column}\`: `;
    return `${where}${problem.message}`;
}

export interface DataFile {
    /** The rows that could be read, in date order (rows of equal date keep the file's order). */
    readonly rows: readonly DataRow[];
    readonly problems: readonly DataProblem[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const OPTIONS = { skip_empty_lines: true, relax_column_count: true, trim: true } as const;

/** A record's problem, with the index of the record it is in (0 is the header) until lines are known. */
type RecordProblem = DataProblem & { readonly record?: number };

/**
 * Reads the text of a data file. Never throws: what cannot be read is a problem. A plain file with
 * no problems, which is nearly every file, is read on a fast path; any other is read with csv-parse,
 * which names the line of each problem.
 */
export function readDataFile(text: string): DataFile {
    const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return readPlainFile(content) ?? readWithCsvParse(content);
}

/**
 * The reading of a plain file, or `undefined` when the file is not plain or has any problem.
 *
 * Plain: no quote character and one kind of line ending (LF, or CRLF throughout). Papa Parse reads
 * such a text by splitting it into lines and the lines at commas, which is what csv-parse makes of
 * it too, less the trimming of cells: so the fast path reads the cells untrimmed and accepts only
 * cells that trimming would not change (a date, a number or an empty cell cannot have spaces at its
 * edges and still pass; a header name or a site that has them sends the file to csv-parse). Quoted
 * fields, stray carriage returns and every problem are left to csv-parse, about four times slower,
 * whose reading stays the reference: for these files both readings are the same.
 */
export function readPlainFile(content: string): DataFile | undefined {
    if (content.includes('"')) {
        return undefined;
    }
    const newline = lineEndingOf(content);
    if (newline === undefined) {
        return undefined;
    }
    const parsed = Papa.parse<string[]>(content, {
        delimiter: ',',
        newline,
        quoteChar: '"',
        skipEmptyLines: true,
        header: false,
        dynamicTyping: false,
    });
    const records = parsed.data;
    if (parsed.errors.length > 0 || (records.length > 0 && records[0].some(hasSpaceAtEdges))) {
        return undefined;
    }
    const { rows, problems } = readRecords(records);
    if (problems.length > 0 || rows.some(row => row.site !== undefined && hasSpaceAtEdges(row.site))) {
        return undefined;
    }
    return { rows, problems };
}

/** `\n` or `\r\n` when every line ends so (or the text has one line); `undefined` when line endings are mixed. */
function lineEndingOf(content: string): '\n' | '\r\n' | undefined {
    if (!content.includes('\r')) {
        return '\n';
    }
    // A carriage return not before a line feed, or a line feed not after one.
    return /\r(?!\n)|(?<!\r)\n/.test(content) ? undefined : '\r\n';
}

/** Whether trimming could change the text: csv-parse trims the characters `\s` matches (and no others). */
function hasSpaceAtEdges(text: string): boolean {
    return /^\s|\s$/.test(text);
}

/**
 * Reads the text with csv-parse. Rows are read without csv-parse's record information, which
 * tripled the time; only a file with problems is read again with it, to name the line each problem
 * is on.
 */
export function readWithCsvParse(content: string): DataFile {
    let records: string[][];
    try {
        records = parse(content, OPTIONS) as string[][];
    } catch (error) {
        const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
        const reason = error instanceof Error ? error.message.replace(/^[^:]*: /, '') : String(error);
        return { rows: [], problems: [{ ...(line ? { line } : {}), message: `this is not valid CSV (${reason})` }] };
    }
    const { rows, problems } = readRecords(records);
    if (problems.length === 0) {
        return { rows, problems };
    }
    const lines = (parse(content, { ...OPTIONS, info: true }) as unknown as Array<{ info: { lines: number } }>).map(
        record => record.info.lines,
    );
    return {
        rows,
        problems: problems.map(({ record, ...problem }) => ({
            ...problem,
            ...(record !== undefined ? { line: lines[record] } : {}),
        })),
    };
}

/**
 * The rows and problems of the records (the first is the header), each problem with the index of
 * the record it is in. Runs once per row of every data file, so it is a plain loop: no closure or
 * object spread per row, and every row of one shape (absent fields `undefined`).
 */
function readRecords(records: readonly (readonly string[])[]): { rows: DataRow[]; problems: RecordProblem[] } {
    const header = records[0];
    if (!header) {
        return {
            rows: [],
            problems: [
                { message: 'the file is empty; it needs a header row `date,value` and one row per observation' },
            ],
        };
    }
    // The index of each column, the first of its name when it is named twice.
    const at = new Map<Column, number>();
    header.forEach((name, index) => {
        const column = name.toLowerCase() as Column;
        if ((DATA_COLUMNS as readonly string[]).includes(column) && !at.has(column)) {
            at.set(column, index);
        }
    });
    const missing = (['date', 'value'] as const).filter(column => !at.has(column));
    if (missing.length > 0) {
        return {
            rows: [],
            problems: [
                {
                    record: 0,
                    message: `there is no ${missing.map(c => `\`${c}\``).join(' or ')} column; the first row must name the columns, \`date,value\` at least (optionally \`denominator\` and \`site\`)`,
                },
            ],
        };
    }
    const dateAt = at.get('date')!;
    const valueAt = at.get('value')!;
    const denominatorAt = at.get('denominator');
    const siteAt = at.get('site');

    const rows: DataRow[] = [];
    const problems: RecordProblem[] = [];
    // Whether the rows are in date order already, as most files are: then there is nothing to sort.
    let sorted = true;
    for (let index = 1; index < records.length; index++) {
        const record = records[index];
        // A short row has empty cells where it ends.
        const date = record[dateAt] ?? '';
        const value = record[valueAt] ?? '';
        const denominator = denominatorAt === undefined ? undefined : (record[denominatorAt] ?? '');
        const site = siteAt === undefined ? undefined : (record[siteAt] ?? '');
        let ok = true;
        if (!isCalendarDate(date)) {
            problems.push({
                record: index,
                column: 'date',
                message: `${quoted(date)} is not a date; write dates as YYYY-MM-DD`,
            });
            ok = false;
        }
        if (!NUMBER.test(value)) {
            problems.push({ record: index, column: 'value', message: `${quoted(value)} is not a number` });
            ok = false;
        }
        if (denominator !== undefined && denominator !== '' && !NUMBER.test(denominator)) {
            problems.push({ record: index, column: 'denominator', message: `${quoted(denominator)} is not a number` });
            ok = false;
        } else if (denominator !== undefined && denominator !== '' && Number(denominator) < 0) {
            problems.push({ record: index, column: 'denominator', message: `${denominator} is negative` });
            ok = false;
        }
        if (ok) {
            if (rows.length > 0 && date < rows[rows.length - 1].date) {
                sorted = false;
            }
            rows.push({
                date,
                value: Number(value),
                denominator: denominator ? Number(denominator) : undefined,
                site: site || undefined,
            });
        }
    }
    if (records.length === 1) {
        problems.push({ record: 0, message: 'there is a header row and no observations' });
    }
    if (!sorted) {
        // Sorted by date, stably: ISO dates compare as text.
        rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return { rows, problems };
}

function quoted(text: string): string {
    return text === '' ? 'an empty cell' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
