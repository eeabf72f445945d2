/**
 * The WebAssembly kernels (language/assembly, compiled by scripts/generate-wasm.mjs): the loops
 * that run over every row of every data file and every point of every chart on each check. Such a
 * check mostly runs in a process that has just started, where the same loops in JavaScript would
 * be interpreted for most of their work before the engine optimised them.
 */
import { KERNELS_WASM } from '../generated/kernels-wasm.js';
import { base64ToBytes } from '../utils/base64.js';

export interface Kernels {
    readonly memory: WebAssembly.Memory;
    readonly NOT_PLAIN: WebAssembly.Global;
    readonly inDateOrder: WebAssembly.Global;
    readonly exactCount: WebAssembly.Global;
    freeMemory(): number;
    readRows(
        input: number,
        length: number,
        from: number,
        dateAt: number,
        valueAt: number,
        sizeAt: number,
        siteAt: number,
        capacity: number,
        days: number,
        values: number,
        sizes: number,
        sites: number,
        exactCells: number,
    ): number;
    flagPeriod(
        start: number,
        end: number,
        length: number,
        values: number,
        centre: number,
        lower: number,
        upper: number,
        sigma: number,
        shiftLength: number,
        trendLength: number,
        twoOfThree: boolean,
        sides: number,
        flagged: number,
    ): void;
}

/** The kernels once compiled; `null` where WebAssembly cannot run. */
let compiled: Kernels | null | undefined;

/** The kernels, compiled on first use; `undefined` where WebAssembly cannot run. */
export function kernels(): Kernels | undefined {
    if (compiled === undefined) {
        try {
            const module = new WebAssembly.Module(base64ToBytes(KERNELS_WASM) as Uint8Array<ArrayBuffer>);
            compiled = new WebAssembly.Instance(module, {}).exports as unknown as Kernels;
        } catch {
            compiled = null;
        }
    }
    return compiled ?? undefined;
}

/** The kernels, or an error that says why there are none. */
export function requireKernels(): Kernels {
    const found = kernels();
    if (!found) {
        throw new Error('this runtime cannot run WebAssembly, which reading measure data needs');
    }
    return found;
}

const PAGE = 65_536;
/** The most memory the kernels keep between calls. */
const KEEP_MEMORY = 32 * 1024 * 1024;

/**
 * Where a call may use `bytes` bytes of the kernels' memory, grown as needed (what is in it stays):
 * the offset of the first, a multiple of 8; `undefined` when the memory cannot grow so far. The
 * memory is the call's until the next; nothing is kept in it between.
 */
export function scratch(wasm: Kernels, bytes: number): number | undefined {
    const start = align(wasm.freeMemory());
    const need = start + align(bytes);
    if (wasm.memory.buffer.byteLength < need) {
        try {
            wasm.memory.grow(Math.ceil((need - wasm.memory.buffer.byteLength) / PAGE));
        } catch {
            return undefined;
        }
    }
    if (need > KEEP_MEMORY) {
        // Memory grown for one large call is never given back: the next call starts a new instance
        // (this one stays usable until the caller lets go of it).
        compiled = undefined;
    }
    return start;
}

/** The offset rounded up to a multiple of 8, where a column of doubles may start. */
export function align(offset: number): number {
    return Math.ceil(offset / 8) * 8;
}
