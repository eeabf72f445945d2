import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ruleDocsUrl } from '../../../../language/src/config/toc-config.js';
import { RULES } from '../../../../language/src/rules/catalogue/index.js';
import { challengeLabel } from '../../../../language/src/rules/challenges.js';
import { DIAGNOSTIC_CODES } from '../../../../language/src/validation/diagnostic-codes.js';
import type { Report, SeverityName } from '../report.js';
import { fingerprint } from '../report.js';

const LEVEL: Record<SeverityName, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const INFORMATION_URI = 'https://github.com/toc-lang/theory-of-change';

/** Every rule the checker can report, with its documentation, for the tool's rule metadata. */
function descriptors(): ReportingDescriptor[] {
    return [
        ...RULES.map(rule => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.summary },
            helpUri: ruleDocsUrl(rule.id),
            help: { text: `${rule.summary} See ${ruleDocsUrl(rule.id)}` },
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            properties: {
                challenge: challengeLabel(rule.challenge),
                tags: ['theory-of-change', rule.challenge === 'methods' ? 'methods' : `challenge-${rule.challenge}`],
            },
        })),
        ...DIAGNOSTIC_CODES.map(code => ({
            id: code.id,
            name: code.id,
            shortDescription: { text: code.title },
            helpUri: code.docs,
            defaultConfiguration: { level: 'error' as const },
            properties: { tags: ['theory-of-change', 'structure'] },
        })),
    ];
}

/** SARIF 2.1.0, for code scanning: rule metadata with documentation links, and stable fingerprints. */
export function formatSarif(report: Report, version: string): string {
    const rules = descriptors();
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    const results: Result[] = report.files.flatMap(file =>
        file.findings.map(f => ({
            ruleId: f.rule,
            ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: relativeUri(file.path), uriBaseId: 'SRCROOT' },
                        region: {
                            startLine: f.line,
                            startColumn: f.column,
                            endLine: f.endLine,
                            endColumn: f.endColumn,
                        },
                    },
                },
            ],
            partialFingerprints: { 'tocFinding/v1': fingerprint(f, file.path) },
        })),
    );
    const log: Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: { name: 'toc', version, semanticVersion: version, informationUri: INFORMATION_URI, rules },
                },
                originalUriBaseIds: {
                    SRCROOT: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : `${report.cwd}/`).href },
                },
                results,
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** A relative path as the URI reference SARIF asks for: `#`, `?`, spaces and the like percent-encoded. */
function relativeUri(path: string): string {
    return path.split('/').map(encodeURIComponent).join('/');
}
