import { RULES } from '../rules/catalogue/index.js';
import type { RuleDefinition, Severity } from '../rules/rule.js';

export const CONFIG_FILE_NAME = 'toc.config.json';

/** Where the rule documentation lives; each rule's page is `<base><id>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
    return `${RULE_DOCS_BASE}${id}.md`;
}

export type RuleSetting = Severity | 'off';

/** How one rule runs for one model, after the project's configuration is applied. */
export interface ResolvedRule {
    rule: RuleDefinition;
    severity: RuleSetting;
    thresholds: Record<string, number>;
}

export interface ResolvedConfig {
    readonly rules: ReadonlyMap<string, ResolvedRule>;
    /** The date the rules about data read as today (YYYY-MM-DD), when the file fixes one. */
    readonly asOf?: string;
}

/** The configuration file as written: `{ "asOf": "2025-06-30", "rules": { "<id>": "warning" | { "severity": ..., "<threshold>": n } } }`. */
export interface TocConfigFile {
    asOf?: string;
    rules?: Record<string, RuleSetting | ({ severity?: RuleSetting } & Record<string, number | string>)>;
}

export function defaultConfig(): ResolvedConfig {
    return resolveConfig({});
}

/** Applies a configuration file (already validated against the schema) to the catalogue's defaults. */
export function resolveConfig(file: TocConfigFile): ResolvedConfig {
    const resolved = new Map<string, ResolvedRule>();
    for (const rule of RULES) {
        const setting = file.rules?.[rule.id];
        const thresholds = Object.fromEntries(
            Object.entries(rule.thresholds ?? {}).map(([name, t]) => [name, t.default]),
        );
        let severity: RuleSetting = rule.defaultSeverity;
        if (typeof setting === 'string') {
            severity = setting;
        } else if (setting) {
            severity = (setting.severity as RuleSetting | undefined) ?? severity;
            for (const name of Object.keys(thresholds)) {
                if (typeof setting[name] === 'number') {
                    thresholds[name] = setting[name] as number;
                }
            }
        }
        resolved.set(rule.id, { rule, severity, thresholds });
    }
    return { rules: resolved, ...(file.asOf ? { asOf: file.asOf } : {}) };
}

const SEVERITIES: RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** The JSON Schema of `toc.config.json`, derived from the rule catalogue. */
export function configSchema(): object {
    const properties: Record<string, object> = {};
    for (const rule of RULES) {
        const severity = {
            enum: SEVERITIES,
            description: `Severity of ${rule.id} (default ${rule.defaultSeverity}); "off" turns it off.`,
        };
        const thresholdProperties = Object.fromEntries(
            Object.entries(rule.thresholds ?? {}).map(([name, t]) => [
                name,
                {
                    type: 'number',
                    minimum: t.minimum,
                    ...(t.maximum !== undefined ? { maximum: t.maximum } : {}),
                    default: t.default,
                    description: t.description,
                },
            ]),
        );
        properties[rule.id] = {
            description: `${rule.title}. ${ruleDocsUrl(rule.id)}`,
            anyOf: [
                severity,
                { type: 'object', additionalProperties: false, properties: { severity, ...thresholdProperties } },
            ],
        };
    }
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://github.com/toc-lang/theory-of-change/blob/main/schemas/toc.config.schema.json',
        title: 'Theory of Change checker configuration',
        description:
            'Turns rules off, changes their severity and sets their thresholds for the .toc models in this folder and below.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            asOf: {
                type: 'string',
                pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                description:
                    "The date the rules about measures' data read as today (YYYY-MM-DD), so that a check in CI gives the same findings whenever it runs. Left out, today. `toc check --as-of` overrides it.",
            },
            rules: {
                type: 'object',
                additionalProperties: false,
                properties,
                description: 'Settings per rule, by rule id.',
            },
        },
    };
}
