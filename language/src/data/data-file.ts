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
    /** The line of the file it is on, 1-based (the header is line 1). */
    readonly line: number;
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

/** Reads the text of a data file. Never throws: what cannot be read is a problem. */
export function readDataFile(text: string): DataFile {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
        records = parse(text.replace(/^\uFEFF/, ''), {
            info: true,
            skip_empty_lines: true,
            relax_column_count: true,
            trim: true,
        }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    } catch (error) {
        const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
        const reason = error instanceof Error ? error.message.replace(/^[^:]*: /, '') : String(error);
        return { rows: [], problems: [{ ...(line ? { line } : {}), message: `this is not valid CSV (${reason})` }] };
    }
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
    header.record.forEach((name, index) => {
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
                    line: header.info.lines,
                    message: `there is no ${missing.map(c => `\`${c}\``).join(' or ')} column; the first row must name the columns, \`date,value\` at least (optionally \`denominator\` and \`site\`)`,
                },
            ],
        };
    }

    const rows: DataRow[] = [];
    const problems: DataProblem[] = [];
    for (const { record, info } of body) {
        const line = info.lines;
        const cell = (column: Column) => {
            const index = at.get(column);
            return index === undefined ? undefined : (record[index] ?? '');
        };
        const problem = (column: Column, message: string) => problems.push({ line, column, message });
        const date = cell('date')!;
        const value = cell('value')!;
        const denominator = cell('denominator');
        const site = cell('site');
        let ok = true;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) {
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
                line,
                date,
                value: Number(value),
                ...(denominator ? { denominator: Number(denominator) } : {}),
                ...(site ? { site } : {}),
            });
        }
    }
    if (body.length === 0) {
        problems.push({ line: header.info.lines, message: 'there is a header row and no observations' });
    }
    // Sorted by date, stably: ISO dates compare as text.
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { rows, problems };
}

function quoted(text: string): string {
    return text === '' ? 'an empty cell' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
