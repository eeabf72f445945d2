/**
 * The rows of a plain data file, read by the WebAssembly kernel `readRows` (language/assembly/rows.ts):
 * a check of many long data files mostly runs in a process that has just started, where the same
 * loop in JavaScript would be interpreted for most of its rows before the engine optimised it.
 */
import type { Kernels } from '../wasm/kernels.js';
import { align, kernels, scratch } from '../wasm/kernels.js';

/** Where each column is, -1 for a column the file lacks. */
export interface PlainColumns {
    readonly date: number;
    readonly value: number;
    readonly denominator: number;
    readonly site: number;
}

/** The rows read, as columns. */
export interface PlainRows {
    readonly days: Int32Array;
    readonly values: Float64Array;
    /** NaN for a row with no denominator. */
    readonly sizes: Float64Array;
    /** Each row's site cell as written, when the file has a site column. */
    readonly sites: string[] | undefined;
    readonly inDateOrder: boolean;
}

/** The fewest bytes a row takes: a date (10), a comma and a one-digit value. */
const SMALLEST_ROW = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Reads the rows of `content` from the row starting at character `from`, which must follow a
 * header of plain text, in a file with no quotes and one kind of line ending; `undefined` when any
 * row is not plain and good (or WebAssembly is not available), for csv-parse to read the file.
 */
export function readPlainRows(content: string, from: number, columns: PlainColumns): PlainRows | undefined {
    const wasm = kernels();
    if (!wasm) {
        return undefined;
    }
    const text = encodeText(wasm, content);
    if (!text) {
        return undefined;
    }
    const { input, written } = text;
    // Then the columns, with room for as many rows as the text could hold.
    const capacity = Math.floor(written / SMALLEST_ROW) + 1;
    const days = align(input + written);
    const values = align(days + capacity * 4);
    const sizes = values + capacity * 8;
    const sites = sizes + capacity * 8;
    const exactCells = sites + capacity * 8;
    if (scratch(wasm, exactCells + capacity * 2 * 16 - input) === undefined) {
        return undefined;
    }
    const bytes = new Uint8Array(wasm.memory.buffer);
    const start = encoder.encode(content.slice(0, from)).length;
    const rows = wasm.readRows(
        input,
        written,
        start,
        columns.date,
        columns.value,
        columns.denominator,
        columns.site,
        capacity,
        days,
        values,
        sizes,
        sites,
        exactCells,
    );
    if (rows === wasm.NOT_PLAIN.value) {
        return undefined;
    }
    const memory = wasm.memory.buffer;
    const read: PlainRows = {
        days: new Int32Array(memory, days, rows).slice(),
        values: new Float64Array(memory, values, rows).slice(),
        sizes: new Float64Array(memory, sizes, rows).slice(),
        sites: columns.site < 0 ? undefined : textsOf(bytes, new Int32Array(memory, sites, rows * 2), input),
        inDateOrder: wasm.inDateOrder.value === 1,
    };
    // The numbers beyond the kernel's fast path, read as `Number` reads them.
    const exact = new Int32Array(memory, exactCells, wasm.exactCount.value * 4);
    for (let k = 0; k < exact.length; k += 4) {
        const number = Number(decoder.decode(bytes.subarray(input + exact[k + 2], input + exact[k + 3])));
        if (exact[k + 1] === 0) {
            read.values[exact[k]] = number;
        } else if (number >= 0) {
            read.sizes[exact[k]] = number;
        } else {
            return undefined;
        }
    }
    return read;
}

/**
 * Writes the text into the kernels' memory as UTF-8, in as many bytes as characters when it is
 * ASCII, as data files nearly always are, or else in at most three bytes a character: where it
 * starts and how many bytes it took; `undefined` when the memory cannot hold it.
 */
function encodeText(wasm: Kernels, content: string): { input: number; written: number } | undefined {
    for (const room of [content.length, content.length * 3]) {
        const input = scratch(wasm, room);
        if (input === undefined) {
            return undefined;
        }
        const { read, written } = encoder.encodeInto(content, new Uint8Array(wasm.memory.buffer, input, room));
        if (read === content.length) {
            return { input, written };
        }
    }
    return undefined;
}

/** The texts at the pairs of byte offsets `ranges` (start, end) from `input`. */
function textsOf(bytes: Uint8Array, ranges: Int32Array, input: number): string[] {
    const texts: string[] = [];
    for (let k = 0; k < ranges.length; k += 2) {
        texts.push(decoder.decode(bytes.subarray(input + ranges[k], input + ranges[k + 1])));
    }
    return texts;
}
