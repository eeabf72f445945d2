import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { messageText } from '../../../language/src/utils/text.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

const SEVERITIES: SeverityName[] = ['error', 'warning', 'info', 'hint'];

export function severityOf(diagnostic: Diagnostic): SeverityName {
    return SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error';
}

/** One finding as every output format sees it. Lines and columns are 1-based. */
export interface ReportedFinding {
    rule: string;
    severity: SeverityName;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** The rule's documentation page, for rules of the catalogue. */
    docs?: string;
}

/** A checked file's findings, in the order of their positions. */
export interface CheckedFile {
    /** Absolute path of the file. */
    path: string;
    findings: ReportedFinding[];
}

export interface FileReport {
    /** Relative to the folder the command ran in, with `/` separators. */
    path: string;
    absolutePath: string;
    findings: ReportedFinding[];
}

export interface Summary {
    files: number;
    error: number;
    warning: number;
    info: number;
    hint: number;
}

export interface Report {
    cwd: string;
    files: FileReport[];
    summary: Summary;
}

export function toPosix(path: string): string {
    return path.split(sep).join('/');
}

export function buildReport(results: CheckedFile[], cwd: string): Report {
    const files = results.map(result => ({
        path: toPosix(relative(cwd, result.path) || result.path),
        absolutePath: result.path,
        findings: result.findings,
    }));
    return { cwd, files, summary: summarise(files) };
}

export function summarise(files: FileReport[]): Summary {
    const summary: Summary = { files: files.length, error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of files.flatMap(file => file.findings)) {
        summary[finding.severity]++;
    }
    return summary;
}

/** The same report with only some findings kept, and the summary counted again. */
export function filterReport(report: Report, keep: (finding: ReportedFinding, file: FileReport) => boolean): Report {
    const files = report.files.map(file => ({
        ...file,
        findings: file.findings.filter(finding => keep(finding, file)),
    }));
    return { ...report, files, summary: summarise(files) };
}

export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort(
        (a, b) =>
            a.range.start.line - b.range.start.line ||
            a.range.start.character - b.range.start.character ||
            String(a.code).localeCompare(String(b.code)) ||
            messageText(a.message).localeCompare(messageText(b.message)),
    );
}

/** Diagnostics as the reports show them, sorted by position. */
export function findingsOf(diagnostics: Diagnostic[]): ReportedFinding[] {
    return sortByPosition(diagnostics).map(toFinding);
}

function toFinding(diagnostic: Diagnostic): ReportedFinding {
    return {
        rule: String(diagnostic.code ?? 'unknown'),
        severity: severityOf(diagnostic),
        message: messageText(diagnostic.message),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        ...(diagnostic.codeDescription ? { docs: diagnostic.codeDescription.href } : {}),
    };
}

/**
 * Identifies a finding across edits elsewhere in its file: the rule, the file and the message
 * (which names the element), but not the line. Identical findings are told apart by counting.
 */
export function fingerprint(finding: ReportedFinding, path: string): string {
    return createHash('sha256')
        .update(`${finding.rule}\u0000${path}\u0000${finding.message}`)
        .digest('hex')
        .slice(0, 32);
}
