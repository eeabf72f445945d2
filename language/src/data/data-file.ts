/**
 * A measure's data file: CSV with a header row and the columns `date` and `value`, optionally
 * `denominator` and `site`, one observation per row, read into columns. Read on a fast path when
 * the file is plain and has no problem, otherwise with csv-parse; every problem names the row (the
 * line of the file, 1-based) and the column, so the user can go straight to it.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { calendarDayAt } from '../utils/dates.js';
import { decimalAt } from '../utils/decimal.js';
import { readPlainRows } from './plain-rows.js';
import type { Series } from '../statistics/series.js';
import { pointsOf } from '../statistics/series.js';

export const DATA_COLUMNS = ['date', 'value', 'denominator', 'site'] as const;
type Column = (typeof DATA_COLUMNS)[number];

/** One observation, as read. */
export interface DataRow {
    readonly date: string;
    readonly value: number;
    readonly denominator?: number;
    readonly site?: string;
}

/** The observations of a file as columns, in date order (rows of equal date keep the file's order). */
export interface DataSeries extends Series {
    /** Each row's site, `undefined` for a row with none; absent when no row names one. */
    readonly sites?: readonly (string | undefined)[];
}

/** The observations one object per row, as a reader of a few rows wants them. */
export function rowsOf(series: DataSeries): DataRow[] {
    const sites = series.sites;
    const points = pointsOf(series);
    return sites ? points.map((point, i) => (sites[i] === undefined ? point : { ...point, site: sites[i] })) : points;
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
    /** The rows that could be read. */
    readonly series: DataSeries;
    readonly problems: readonly DataProblem[];
}

const NO_ROWS: DataSeries = { length: 0, days: new Int32Array(0), values: new Float64Array(0) };

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
 * Plain: no quote character and one kind of line ending (LF, or CRLF throughout). Such a text is a
 * table whose lines are its rows and whose commas part its cells, which is what csv-parse makes of
 * it too, less the trimming of cells: so the fast path reads the cells untrimmed and accepts only
 * cells that trimming would not change (a date, a number or an empty cell cannot have spaces at its
 * edges and still pass; a header name or a site that has them sends the file to csv-parse). Quoted
 * fields, stray carriage returns and every problem are left to csv-parse, whose reading stays the
 * reference: for these files both readings are the same (the property tests compare them).
 *
 * The fast path exists for speed: the header is read here, and the rows by a WebAssembly kernel
 * (./plain-rows.ts) that reads only the cells it needs straight into columns, where a general parser
 * makes an array and a string per cell. A check of 100 files of 1,000 rows spent more time parsing
 * them with a CSV library than on everything else the data ask, and the same loop in JavaScript
 * ran mostly before the engine had optimised it.
 */
export function readPlainFile(content: string): DataFile | undefined {
    if (content.includes('"')) {
        return undefined;
    }
    const newline = lineEndingOf(content);
    if (newline === undefined) {
        return undefined;
    }
    let lineStart = 0;
    // Blank lines before the header are skipped, as csv-parse skips them.
    while (content.startsWith(newline, lineStart)) {
        lineStart += newline.length;
    }
    const headerEnd = endOfLine(content, lineStart, newline);
    const header = content.slice(lineStart, headerEnd).split(',');
    if (lineStart === content.length || header.some(hasSpaceAtEdges)) {
        return undefined;
    }
    const columns = columnsOf(header);
    if ('problem' in columns) {
        return undefined;
    }
    const rows = readPlainRows(content, headerEnd + newline.length, {
        date: columns.date,
        value: columns.value,
        denominator: columns.denominator ?? -1,
        site: columns.site ?? -1,
    });
    if (!rows || rows.days.length === 0 || rows.sites?.some(hasSpaceAtEdges)) {
        return undefined;
    }
    const series = seriesOf(
        rows.days,
        rows.values,
        columns.denominator === undefined ? undefined : rows.sizes,
        rows.sites?.map(site => site || undefined),
        rows.inDateOrder,
    );
    return { series, problems: [] };
}

/** Where the line that starts at `start` ends: at its line ending, or at the end of the text. */
function endOfLine(content: string, start: number, newline: string): number {
    const end = content.indexOf(newline, start);
    return end === -1 ? content.length : end;
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
        return {
            series: NO_ROWS,
            problems: [{ ...(line ? { line } : {}), message: `this is not valid CSV (${reason})` }],
        };
    }
    const { series, problems } = readRecords(records);
    if (problems.length === 0) {
        return { series, problems };
    }
    const lines = (parse(content, { ...OPTIONS, info: true }) as unknown as Array<{ info: { lines: number } }>).map(
        record => record.info.lines,
    );
    return {
        series,
        problems: problems.map(({ record, ...problem }) => ({
            ...problem,
            ...(record !== undefined ? { line: lines[record] } : {}),
        })),
    };
}

/** The index of each data column in a header; `date` and `value` must be there. */
type ColumnIndices = {
    readonly date: number;
    readonly value: number;
    readonly denominator?: number;
    readonly site?: number;
};

/** Where each column is, the first of its name when it is named twice; or what is missing. */
function columnsOf(header: readonly string[]): ColumnIndices | { readonly problem: RecordProblem } {
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
            problem: {
                record: 0,
                message: `there is no ${missing.map(c => `\`${c}\``).join(' or ')} column; the first row must name the columns, \`date,value\` at least (optionally \`denominator\` and \`site\`)`,
            },
        };
    }
    return { date: at.get('date')!, value: at.get('value')!, denominator: at.get('denominator'), site: at.get('site') };
}

/**
 * The rows and problems of the records (the first is the header), each problem with the index of
 * the record it is in.
 */
function readRecords(records: readonly (readonly string[])[]): { series: DataSeries; problems: RecordProblem[] } {
    const header = records[0];
    if (!header) {
        return {
            series: NO_ROWS,
            problems: [
                { message: 'the file is empty; it needs a header row `date,value` and one row per observation' },
            ],
        };
    }
    const columns = columnsOf(header);
    if ('problem' in columns) {
        return { series: NO_ROWS, problems: [columns.problem] };
    }
    const { date, value, denominator, site } = columns;
    const builder = new SeriesBuilder(columns, records.length);
    for (let index = 1; index < records.length; index++) {
        const record = records[index];
        // A short row has empty cells where it ends.
        builder.add(
            index,
            record[date] ?? '',
            record[value] ?? '',
            denominator === undefined ? undefined : (record[denominator] ?? ''),
            site === undefined ? undefined : (record[site] ?? ''),
        );
    }
    if (records.length === 1) {
        builder.problems.push({ record: 0, message: 'there is a header row and no observations' });
    }
    return { series: builder.finish(), problems: builder.problems };
}

/**
 * Checks each row's cells and keeps those of a good row in columns. Runs once per row of every
 * data file, so it is a plain loop with no object per row.
 */
class SeriesBuilder {
    readonly problems: RecordProblem[] = [];
    /** How many rows are kept. */
    private length = 0;
    private days: Int32Array;
    private values: Float64Array;
    private denominators: Float64Array | undefined;
    private readonly sites: Array<string | undefined> | undefined;
    /** Whether the rows are in date order already, as most files are: then there is nothing to sort. */
    private sorted = true;

    constructor(columns: ColumnIndices, capacity: number) {
        this.days = new Int32Array(capacity);
        this.values = new Float64Array(capacity);
        this.denominators = columns.denominator === undefined ? undefined : new Float64Array(capacity);
        this.sites = columns.site === undefined ? undefined : [];
    }

    /** Reads record `index`'s cells (`undefined` for a column the file lacks); whether they were good. */
    add(
        index: number,
        date: string,
        value: string,
        denominator: string | undefined,
        site: string | undefined,
    ): boolean {
        const problemsBefore = this.problems.length;
        const day = calendarDayAt(date, 0, date.length);
        if (Number.isNaN(day)) {
            this.problems.push({
                record: index,
                column: 'date',
                message: `${quoted(date)} is not a date; write dates as YYYY-MM-DD`,
            });
        }
        const count = decimalAt(value, 0, value.length);
        if (Number.isNaN(count)) {
            this.problems.push({ record: index, column: 'value', message: `${quoted(value)} is not a number` });
        }
        // An empty denominator is none.
        const size = denominator ? decimalAt(denominator, 0, denominator.length) : Number.NaN;
        if (denominator && Number.isNaN(size)) {
            this.problems.push({
                record: index,
                column: 'denominator',
                message: `${quoted(denominator)} is not a number`,
            });
        } else if (size < 0) {
            this.problems.push({ record: index, column: 'denominator', message: `${denominator} is negative` });
        }
        if (this.problems.length > problemsBefore) {
            return false;
        }
        this.push(day, count, size, site);
        return true;
    }

    /** Keeps a good row: its day, value, denominator (NaN for none) and site. */
    push(day: number, value: number, size: number, site: string | undefined): void {
        const row = this.length;
        if (row === this.values.length) {
            this.grow();
        }
        if (row > 0 && day < this.days[row - 1]) {
            this.sorted = false;
        }
        this.days[row] = day;
        this.values[row] = value;
        if (this.denominators) {
            this.denominators[row] = size;
        }
        this.sites?.push(site || undefined);
        this.length = row + 1;
    }

    private grow(): void {
        const size = this.values.length * 2 + 16;
        const days = new Int32Array(size);
        days.set(this.days);
        this.days = days;
        const grown = (column: Float64Array) => {
            const copy = new Float64Array(size);
            copy.set(column);
            return copy;
        };
        this.values = grown(this.values);
        this.denominators &&= grown(this.denominators);
    }

    finish(): DataSeries {
        const length = this.length;
        return seriesOf(
            this.days.subarray(0, length),
            this.values.subarray(0, length),
            this.denominators?.subarray(0, length),
            this.sites,
            this.sorted,
        );
    }
}

/**
 * The series of a file's good rows, however they were read: sites only when a row names one, and
 * in date order.
 */
function seriesOf(
    days: Int32Array,
    values: Float64Array,
    denominators: Float64Array | undefined,
    sites: Array<string | undefined> | undefined,
    inDateOrder: boolean,
): DataSeries {
    const series: DataSeries = {
        length: days.length,
        days,
        values,
        denominators,
        sites: sites?.some(site => site !== undefined) ? sites : undefined,
    };
    return inDateOrder ? series : sortedByDate(series);
}

/** The series sorted by date, stably (rows of one date keep the file's order). */
function sortedByDate(series: DataSeries): DataSeries {
    const { days, denominators, sites } = series;
    const order = Array.from({ length: series.length }, (_, i) => i).sort((a, b) => days[a] - days[b] || a - b);
    return {
        length: series.length,
        days: Int32Array.from(order, i => days[i]),
        values: Float64Array.from(order, i => series.values[i]),
        denominators: denominators && Float64Array.from(order, i => denominators[i]),
        sites: sites && order.map(i => sites[i]),
    };
}

function quoted(text: string): string {
    return text === '' ? 'an empty cell' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
