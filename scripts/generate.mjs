// Runs `langium generate`, hiding one known warning: fields are written as `(a=X | b=Y)*` so that
// they can come in any order, which Langium flags as "multiple assignments". A field given twice
// is reported to the user by the `repeated-field` check instead. Every other message passes through.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const polyfills = fileURLToPath(new URL('./polyfills.mjs', import.meta.url));
const result = spawnSync(process.execPath, ['--import', polyfills, cli, 'generate', ...process.argv.slice(2)], {
    encoding: 'utf8',
});
const keep = line => line.trim() !== '' && !line.includes("Consider using '+=' instead to prevent data loss");
for (const [stream, text] of [
    [process.stdout, result.stdout],
    [process.stderr, result.stderr],
]) {
    const lines = (text ?? '').split('\n').filter(keep);
    if (lines.length > 0) {
        stream.write(lines.join('\n') + '\n');
    }
}
process.exit(result.status ?? 1);
