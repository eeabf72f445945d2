import { spawnSync } from 'node:child_process';

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints rows as an aligned table; the first row is the header. */
export function printTable(title, rows) {
    const widths = rows[0].map((_, column) => Math.max(...rows.map(row => String(row[column]).length)));
    const line = row => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
    console.log(`\n${title}`);
    console.log(line(rows[0]));
    console.log(widths.map(width => '-'.repeat(width)).join('  '));
    rows.slice(1).forEach(row => console.log(line(row)));
}

/** Runs npm, for installing the peer tools the benchmarks compare against. */
export function npm(args, env) {
    // Under `npm run`, npm_execpath is npm's own script; otherwise use the npm on the PATH.
    const execPath = process.env.npm_execpath;
    const [command, prefix] = execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
    return spawnSync(command, [...prefix, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 10 * 60_000 });
}
