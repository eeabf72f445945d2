import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './write-file.js';
import { dirname, relative, resolve } from 'node:path';
import type { Report } from './report.js';
import { filterReport, fingerprint, toPosix } from './report.js';
import { UsageError } from './files.js';

/**
 * A baseline records today's findings so that a team can adopt the checker on existing models
 * and fail only on new findings. Findings are matched by fingerprint (rule, file and message,
 * not line), so edits elsewhere in a file do not disturb them; paths are relative to the
 * baseline file, so it works from any folder.
 */
export interface BaselineFile {
    version: 1;
    findings: Array<{ fingerprint: string; rule: string; file: string; message: string }>;
}

function entries(report: Report, baselinePath: string) {
    const base = dirname(resolve(baselinePath));
    return report.files.flatMap(file => {
        const path = toPosix(relative(base, file.absolutePath));
        return file.findings.map(finding => ({ finding, file, key: fingerprint(finding, path), path }));
    });
}

export function writeBaseline(report: Report, path: string): number {
    const findings = entries(report, path)
        .map(({ finding, key, path: file }) => ({
            fingerprint: key,
            rule: finding.rule,
            file,
            message: finding.message,
        }))
        .sort(
            (a, b) =>
                a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
        );
    const baseline: BaselineFile = { version: 1, findings };
    writeFileAtomic(path, JSON.stringify(baseline, null, 2) + '\n', 'the baseline');
    return findings.length;
}

/** The report without the findings the baseline records (each recorded finding absorbs one). */
export function applyBaseline(report: Report, path: string): Report {
    let baseline: BaselineFile;
    try {
        baseline = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        throw new UsageError(`${path}: cannot read the baseline (${reason}). Create one with --write-baseline.`);
    }
    if (baseline?.version !== 1 || !Array.isArray(baseline.findings)) {
        throw new UsageError(`${path}: is not a baseline written by toc check --write-baseline.`);
    }
    const remaining = new Map<string, number>();
    for (const { fingerprint: key } of baseline.findings) {
        remaining.set(key, (remaining.get(key) ?? 0) + 1);
    }
    const known = new Set(
        entries(report, path)
            .filter(({ key }) => {
                const left = remaining.get(key) ?? 0;
                if (left > 0) {
                    remaining.set(key, left - 1);
                    return true;
                }
                return false;
            })
            .map(({ finding }) => finding),
    );
    return filterReport(report, finding => !known.has(finding));
}
