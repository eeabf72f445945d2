/**
 * A measure's data file: CSV with a header row and the columns `date` and `value`, optionally
 * `denominator` and `site`, one observation per row. Read with csv-parse; every problem names the
 * row (the line of the file, 1-based) and the column, so the user can go straight to it.
 */
import { CsvError, parse } from 'csv-parse/sync';
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

/**
 * Reads the text of a data file. Never throws: what cannot be read is a problem. Rows are read
 * without csv-parse's record information, which tripled the time; only a file with problems is
 * read again with it, to name the line each problem is on.
 */
export function readDataFile(text: string): DataFile {
    const content = text.replace(/^\uFEFF/, '');
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

/** The rows and problems of the records, each problem with the index of the record it is in. */
function readRecords(records: string[][]): { rows: DataRow[]; problems: Array<DataProblem & { record?: number }> } {
    const [header, ...body] = records;
    if (!header) {
        return {
            rows: [],
            problems: [
                { message: 'the file is empty; it needs a header row `date,value` and one row per observation' },
            ],
        };
    }
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

    const rows: DataRow[] = [];
    const problems: Array<DataProblem & { record?: number }> = [];
    body.forEach((record, index) => {
        const cell = (column: Column) => {
            const at_ = at.get(column);
            return at_ === undefined ? undefined : (record[at_] ?? '');
        };
        const problem = (column: Column, message: string) => problems.push({ record: index + 1, column, message });
        const date = cell('date')!;
        const value = cell('value')!;
        const denominator = cell('denominator');
        const site = cell('site');
        let ok = true;
        if (!isCalendarDate(date)) {
            problem('date', `${quoted(date)} is not a date; write dates as YYYY-MM-DD`);
            ok = false;
        }
        if (!NUMBER.test(value)) {
            problem('value', `${quoted(value)} is not a number`);
            ok = false;
        }
        if (denominator !== undefined && denominator !== '' && !NUMBER.test(denominator)) {
            problem('denominator', `${quoted(denominator)} is not a number`);
            ok = false;
        } else if (denominator !== undefined && denominator !== '' && Number(denominator) < 0) {
            problem('denominator', `${denominator} is negative`);
            ok = false;
        }
        if (ok) {
            rows.push({
                date,
                value: Number(value),
                ...(denominator ? { denominator: Number(denominator) } : {}),
                ...(site ? { site } : {}),
            });
        }
    });
    if (body.length === 0) {
        problems.push({ record: 0, message: 'there is a header row and no observations' });
    }
    // Sorted by date, stably: ISO dates compare as text.
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { rows, problems };
}

function quoted(text: string): string {
    return text === '' ? 'an empty cell' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
