import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { starterModel } from '../../language/src/index.js';
import { configSchema, defaultConfig } from '../../language/src/config/toc-config.js';
import type { RuleDefinition } from '../../language/src/rules/rule.js';
import { loadModel, loadWorkspace } from '../support/workspace.js';

const BASE = starterModel('FallsProgramme');
const UNMEASURED = BASE.replace('measures RoundsDone', 'measures Rounding');

const config = (value: unknown) => ({ 'toc.config.json': JSON.stringify(value, null, 2) });

describe('toc.config.json', () => {
    test("changes a rule's severity", async () => {
        const model = await loadModel(UNMEASURED, config({ rules: { 'unmeasured-outcome': 'error' } }));
        expect(model.diagnostics().find(d => d.code === 'unmeasured-outcome')?.severity).toBe(1);
    });

    test('turns a rule off', async () => {
        const model = await loadModel(UNMEASURED, config({ rules: { 'unmeasured-outcome': 'off' } }));
        expect(model.diagnostics()).toEqual([]);
    });

    test('sets a threshold', async () => {
        const strict = await loadModel(BASE, config({ rules: { 'measurement-burden': { maxMeasures: 2 } } }));
        expect(strict.diagnostics().map(d => [d.code, d.message])).toEqual([
            [
                'measurement-burden',
                'Frontline `WardNurses` collects 3 measures, more than 2: share the collection, automate it, or drop the least useful.',
            ],
        ]);
        const lenient = await loadModel(
            BASE,
            config({ rules: { 'measurement-burden': { severity: 'info', maxMeasures: 3 } } }),
        );
        expect(lenient.diagnostics()).toEqual([]);
    });

    test("too-few-points' thresholds are how many points every rule about data waits for", async () => {
        const months = [5, 5.2, 5, 5.2, 5, 5.2, 5, 9];
        const csv = ['date,value', ...months.map((v, i) => `2025-0${i + 1}-28,${v}`)].join('\n') + '\n';
        const files = (rules: unknown) => ({
            'plan.toc': 'measure Falls { kind outcome direction decrease data "falls.csv" chart xmr }\n',
            'falls.csv': csv,
            'toc.config.json': JSON.stringify({ asOf: '2025-09-30', rules }),
        });
        const codes = async (rules: unknown) => {
            const workspace = await loadWorkspace(files(rules), ['plan.toc']);
            const data = ['too-few-points', 'concern-signal', 'no-improvement-signal', 'target-not-capable'];
            return workspace.codes('plan.toc').filter(code => data.includes(code));
        };
        // Eight points: too few for an XmR chart by default, so nothing is read from them.
        expect(await codes({})).toEqual(['too-few-points']);
        // A team that reads its charts from six points gets the latest point's concern.
        expect(await codes({ 'too-few-points': { controlChartPoints: 6 } })).toEqual(['concern-signal']);
    });

    test("is found by walking up from the model's folder", async () => {
        const workspace = await loadWorkspace(
            { 'toc.config.json': '{ "rules": { "unmeasured-outcome": "off" } }', 'teams/wards/plan.toc': UNMEASURED },
            ['teams/wards/plan.toc'],
        );
        expect(workspace.diagnostics('teams/wards/plan.toc')).toEqual([]);
    });

    test('the nearest file wins', async () => {
        const workspace = await loadWorkspace(
            {
                'toc.config.json': '{ "rules": { "unmeasured-outcome": "off" } }',
                'wards/toc.config.json': '{ "rules": { "unmeasured-outcome": "error" } }',
                'wards/plan.toc': UNMEASURED,
            },
            ['wards/plan.toc'],
        );
        expect(workspace.errorCodes('wards/plan.toc')).toEqual(['unmeasured-outcome']);
    });

    test('an unknown rule is reported with file, line, column and reason, and the defaults apply', async () => {
        const model = await loadModel(UNMEASURED, {
            'toc.config.json': '{\n  "rules": {\n    "unmeasured-outcomes": "off"\n  }\n}\n',
        });
        const [problem] = model.diagnostics().filter(d => d.code === 'invalid-config');
        expect(problem).toMatchObject({
            severity: 1,
            message:
                'toc.config.json:3:5: the configuration "unmeasured-outcomes" is not a rule of the catalogue. The default rule settings are used until it is fixed.',
        });
        expect(model.codes()).toContain('unmeasured-outcome');
    });

    test('a wrong severity names the allowed values', async () => {
        const model = await loadModel(BASE, { 'toc.config.json': '{ "rules": { "unmeasured-outcome": "loud" } }' });
        const messages = model
            .diagnostics()
            .filter(d => d.code === 'invalid-config')
            .map(d => d.message);
        expect(messages).toEqual([
            'toc.config.json:1:36: the configuration "rules.unmeasured-outcome" must be one of error, warning, info, hint, off. The default rule settings are used until it is fixed.',
        ]);
    });

    test('a threshold of the wrong type or range is reported', async () => {
        const model = await loadModel(BASE, {
            'toc.config.json': '{ "rules": { "single-point-of-failure": { "maxShare": 2 } } }',
        });
        const messages = model
            .diagnostics()
            .filter(d => d.code === 'invalid-config')
            .map(d => d.message);
        expect(messages).toEqual([
            'toc.config.json:1:55: the configuration "rules.single-point-of-failure.maxShare" must be <= 1. The default rule settings are used until it is fixed.',
        ]);
    });

    test('a file that is JSON but not an object says so plainly', async () => {
        const model = await loadModel(BASE, { 'toc.config.json': '["unmeasured-outcome"]' });
        const messages = model
            .diagnostics()
            .filter(d => d.code === 'invalid-config')
            .map(d => d.message);
        expect(messages).toEqual([
            'toc.config.json:1:1: the configuration must be an object. The default rule settings are used until it is fixed.',
        ]);
    });

    test('a file that is not JSON is reported where it breaks', async () => {
        const model = await loadModel(BASE, { 'toc.config.json': '{ "rules": { "unmeasured-outcome": "off", } ' });
        const messages = model
            .diagnostics()
            .filter(d => d.code === 'invalid-config')
            .map(d => d.message);
        expect(messages[0]).toMatch(/^toc\.config\.json:1:\d+: the configuration is not valid JSON: /);
    });

    test('asOf must be a date in the calendar', async () => {
        const messages = async (config: string) =>
            (await loadModel(BASE, { 'toc.config.json': config }))
                .diagnostics()
                .filter(d => d.code === 'invalid-config')
                .map(d => d.message);
        expect(await messages('{ "asOf": "2025-02-30" }')).toEqual([
            'toc.config.json:1:11: the configuration has "asOf": "2025-02-30", which is not a date in the calendar. The default rule settings are used until it is fixed.',
        ]);
        expect((await messages('{ "asOf": "30/06/2025" }'))[0]).toContain('asOf');
        expect(await messages('{ "asOf": "2025-06-30" }')).toEqual([]);
    });
});

describe('a rule that fails', () => {
    test('becomes a finding on the model, and the other rules still report', async () => {
        const model = await loadModel(UNMEASURED);
        const services = model.services;
        const broken: RuleDefinition = {
            id: 'broken-rule',
            challenge: 2,
            title: 'Broken',
            summary: 'Throws.',
            defaultSeverity: 'warning',
            check: () => {
                throw new Error('something unexpected');
            },
        };
        const rules = new Map(defaultConfig().rules);
        rules.set(broken.id, { rule: broken, severity: 'warning', thresholds: {} });
        services.config.ConfigProvider.configFor = () => ({ config: { rules }, problems: [] });
        await model.change('model.toc', UNMEASURED + '\n');
        const diagnostics = model.diagnostics();
        expect(diagnostics.find(d => d.code === 'rule-failed')?.message).toBe(
            'Rule `broken-rule` failed on this model and was skipped (something unexpected). The other rules ran; please report this.',
        );
        expect(diagnostics.map(d => d.code)).toContain('unmeasured-outcome');
    });
});

describe('the configuration schema', () => {
    test('the committed schema file matches the rule catalogue (regenerate with `npm run schema`)', () => {
        const committed = JSON.parse(
            readFileSync(new URL('../../schemas/toc.config.schema.json', import.meta.url), 'utf8'),
        );
        expect(committed).toEqual(configSchema());
    });

    test('is a valid JSON schema (the checker compiles it without checking it against the meta-schema)', () => {
        const ajv = new Ajv({ strict: true, allowUnionTypes: true });
        expect(ajv.validateSchema(configSchema()), ajv.errorsText()).toBe(true);
        expect(() => ajv.compile(configSchema())).not.toThrow();
    });
});
