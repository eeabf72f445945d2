// The WebAssembly kernels: the module scripts/generate-wasm.mjs compiles.
export { NOT_PLAIN, exactCount, freeMemory, inDateOrder, readRows } from './rows';
export { flagPeriod } from './special-causes';
