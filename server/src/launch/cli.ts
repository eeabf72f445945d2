import { fileURLToPath } from 'node:url';
import { runBundle } from './compiled-bundle.js';

// Each command keeps its own compiled code: `check` and `diagram` need different functions.
runBundle(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)), process.argv[2]);
