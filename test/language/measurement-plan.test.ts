import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
    buildMeasurementPlan,
    measurementPlanCsv,
    measurementPlanMarkdown,
} from '../../language/src/analysis/measurement-plan.js';
import { measuresReport } from '../../server/src/cli/measures.js';
import { UsageError } from '../../server/src/cli/files.js';
import { BASE, edit, without } from '../support/variants.js';
import { loadModel } from '../support/workspace.js';

async function planOf(text: string, files: Record<string, string> = {}) {
    const model = await loadModel(text, files);
    const analysis = model.services.analysis.ModelAnalysis;
    return buildMeasurementPlan(analysis.modelOf(analysis.rootsOf(model.document('model.toc'))[0]));
}

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

describe('the measurement plan', () => {
    test('the starter model: every measure with its fields, grouped by kind, nothing left unmeasured', async () => {
        const plan = await planOf(BASE);
        expect(plan).toEqual({
            programme: 'FallsProgramme',
            measures: [
                {
                    name: 'FallsRate',
                    title: 'Falls per 1,000 bed-days',
                    kind: 'outcome',
                    measures: [{ kind: 'outcome', name: 'FewerFalls' }],
                    unit: 'falls per 1,000 bed-days',
                    baseline: '6.5',
                    baselineDate: '2025-01-31',
                    target: 'reach 4.9 by 2026-03-31',
                    direction: 'decrease',
                    source: { kind: 'text', text: 'Incident reporting system' },
                    frequency: 'monthly',
                    owner: 'WardNurses',
                },
                {
                    name: 'RoundsCompleted',
                    title: 'Share of hourly rounds completed',
                    kind: 'process',
                    measures: [{ kind: 'outcome', name: 'RoundsDone' }],
                    unit: '%',
                    baseline: '40',
                    baselineDate: '2025-03-01',
                    target: 'reach 90 by 2025-09-30',
                    direction: 'increase',
                    source: { kind: 'text', text: 'Weekly audit of rounding charts' },
                    frequency: 'weekly',
                    owner: 'WardNurses',
                },
                {
                    name: 'CallBells',
                    title: 'Call bells answered within five minutes',
                    kind: 'balancing',
                    measures: [{ kind: 'side effect', name: 'LessTimeForCare' }],
                    unit: '%',
                    baseline: '80',
                    baselineDate: '2025-03-01',
                    direction: 'increase',
                    source: { kind: 'text', text: 'Call bell system report' },
                    frequency: 'monthly',
                    owner: 'WardNurses',
                },
            ],
            unmeasuredOutcomes: [],
            unwatchedRisks: [],
        });
        // Plain data: it survives a JSON round trip unchanged.
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    });

    test('the starter model as Markdown', async () => {
        const markdown = measurementPlanMarkdown(await planOf(BASE));
        expect(markdown).toContain(
            '# Measurement plan: FallsProgramme\n\n3 measures: 1 outcome, 1 process, 1 balancing.\n',
        );
        expect(markdown).toContain(
            '| measure | kind | measures | unit | baseline | target | direction | source | frequency | owner | method | collected by | sites | latest | signal | assurance |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n',
        );
        expect(markdown).toContain(
            '| FallsRate: Falls per 1,000 bed-days | outcome | outcome FewerFalls | falls per 1,000 bed-days | 6.5 on 2025-01-31 | reach 4.9 by 2026-03-31 | decrease | Incident reporting system | monthly | WardNurses | — | — | — | — | — | — |\n',
        );
        // No target: a dash in Markdown.
        expect(markdown).toContain(
            '| CallBells: Call bells answered within five minutes | balancing | side effect LessTimeForCare | % | 80 on 2025-03-01 | — | increase | Call bell system report | monthly | WardNurses | — | — | — | — | — | — |\n',
        );
        expect(markdown).toContain('## Outcomes not measured\n\nNone: every outcome has a measure.\n');
        expect(markdown).toContain(
            '## Risks not watched\n\nNone: every risk and side effect has a measure watching it.\n',
        );
    });

    test('an outcome whose measure is removed is listed as not measured; a side effect with none, as not watched', async () => {
        const plan = await planOf(edit(without('measure FallsRate'), without('measure CallBells')));
        expect(plan.measures.map(row => row.name)).toEqual(['RoundsCompleted']);
        expect(plan.unmeasuredOutcomes).toEqual([
            { kind: 'outcome', name: 'FewerFalls', title: 'Fewer inpatient falls' },
        ]);
        expect(plan.unwatchedRisks).toEqual([
            { kind: 'side effect', name: 'LessTimeForCare', title: 'Rounding takes time from other care' },
        ]);
        const markdown = measurementPlanMarkdown(plan);
        expect(markdown).toContain('## Outcomes not measured\n\n- outcome FewerFalls: Fewer inpatient falls\n');
        expect(markdown).toContain(
            '## Risks not watched\n\n- side effect LessTimeForCare: Rounding takes time from other care\n',
        );
        // The CSV has the measures only.
        expect(measurementPlanCsv(plan).split('\r\n')).toHaveLength(3);
        expect(measurementPlanCsv(plan)).not.toContain('FewerFalls');
    });

    test('rows are grouped outcome, process, balancing, then no kind, in order of declaration within each', async () => {
        const plan = await planOf(
            [
                'outcome A { horizon short }',
                'outcome B { horizon long }',
                'measure M1 { kind balancing measures A }',
                'measure M2 { measures A }',
                'measure M3 { kind process measures A }',
                'measure M4 { kind outcome measures B }',
                'measure M5 { kind process measures B }',
            ].join('\n') + '\n',
        );
        expect(plan.measures.map(row => `${row.name} ${row.kind ?? '-'}`)).toEqual([
            'M4 outcome',
            'M3 process',
            'M5 process',
            'M1 balancing',
            'M2 -',
        ]);
        expect(measurementPlanMarkdown(plan)).toContain(
            '5 measures: 1 outcome, 2 process, 1 balancing, 1 without a kind.',
        );
    });

    test('a whole small model as CSV: header, CRLF, quoting, empty fields for missing values, evidence by name', async () => {
        const plan = await planOf(
            [
                'import "evidence.toc"',
                'outcome Safer "Safer care" { horizon long }',
                'risk Burden "Staff, \\"burnt out\\"" { likelihood low }',
                'measure Harm "Harm, per 1,000 \\"bed-days\\"" {',
                '    kind outcome',
                '    measures Safer, Burden',
                '    unit "per 1,000 bed-days"',
                '    direction decrease',
                '    baseline 7.7 "per 1,000 bed-days" on 2024-01-31',
                '    target reduce 30 % by 2025-03-31 stretch',
                '    source Audit',
                '    frequency monthly',
                '    owner Team',
                '}',
                'measure Bare',
                'measure Survey { kind balancing source "Staff survey, \\"pulse\\" questions" }',
                'stakeholder Team',
            ].join('\n') + '\n',
            { 'evidence.toc': 'evidence Audit "Local audit" { kind audit }\n' },
        );
        expect(measurementPlanCsv(plan)).toBe(
            'measure,title,kind,measures,unit,baseline,baseline date,target,direction,source,frequency,owner,method,collected by,sites,latest,latest date,signal,assurance\r\n' +
                'Harm,"Harm, per 1,000 ""bed-days""",outcome,"outcome Safer, risk Burden","per 1,000 bed-days","7.7 per 1,000 bed-days",2024-01-31,reduce 30% by 2025-03-31 (stretch),decrease,Audit,monthly,Team,,,,,,,\r\n' +
                'Survey,,balancing,,,,,,,"Staff survey, ""pulse"" questions",,,,,,,,,\r\n' +
                'Bare,,,,,,,,,,,,,,,,,,\r\n',
        );
        expect(plan.measures[0].source).toEqual({ kind: 'evidence', name: 'Audit' });
        expect(plan.unwatchedRisks).toEqual([]);
        const markdown = measurementPlanMarkdown(plan);
        expect(markdown).toContain('| Bare | — | — | — | — | — | — | — | — | — | — | — | — | — | — | — |\n');
        expect(markdown).toContain(
            '| Harm: Harm, per 1,000 "bed-days" | outcome | outcome Safer, risk Burden | per 1,000 bed-days | 7.7 per 1,000 bed-days on 2024-01-31 | reduce 30% by 2025-03-31 (stretch) | decrease | Audit | monthly | Team | — | — | — | — | — | — |\n',
        );
    });

    test('how a measure is collected, by whom, and its figures at each site', async () => {
        const plan = await planOf(
            [
                'site Ward7',
                'site Ward9',
                'stakeholder Clerks',
                'stakeholder Nurses',
                'measure Falls {',
                '    baseline 6.5',
                '    at Ward7 baseline 4.2 on 2025-01-31',
                '    at Ward9 target reach 5 by 2026-03-31',
                '    at Ward7 target reach 3',
                '    method routine-data',
                '    owner Nurses',
                '    collected by Clerks',
                '}',
            ].join('\n') + '\n',
        );
        expect(plan.measures[0]).toMatchObject({
            method: 'routine-data',
            owner: 'Nurses',
            collectedBy: 'Clerks',
            sites: [
                { site: 'Ward7', baseline: '4.2', baselineDate: '2025-01-31', target: 'reach 3' },
                { site: 'Ward9', target: 'reach 5 by 2026-03-31' },
            ],
        });
        expect(measurementPlanMarkdown(plan)).toContain(
            '| Nurses | routine-data | Clerks | Ward7: baseline 4.2 on 2025-01-31, target reach 3; Ward9: target reach 5 by 2026-03-31 | — | — | — |\n',
        );
        expect(measurementPlanCsv(plan)).toContain(
            ',Nurses,routine-data,Clerks,"Ward7: baseline 4.2 on 2025-01-31, target reach 3; Ward9: target reach 5 by 2026-03-31",,,,\r\n',
        );
    });

    test('with data: the latest value, what the data show, and the assurance against the target', async () => {
        const month = (i: number) => new Date(Date.UTC(2024, i + 1, 0)).toISOString().slice(0, 10);
        const values = [
            ...Array.from({ length: 15 }, (_, i) => (i % 2 ? 6.4 : 6)),
            ...Array.from({ length: 15 }, (_, i) => (i % 2 ? 5.2 : 5)),
        ];
        const csv = ['date,value', ...values.map((v, i) => `${month(i)},${v}`)].join('\n') + '\n';
        const model = await loadModel(
            'activity Rounding { starts 2025-04-01 }\noutcome Fewer\nlink Rounding -> Fewer { mechanism "m" }\n' +
                'measure Falls { kind outcome measures Fewer direction decrease target reach 4.9 data "falls.csv" chart xmr }\n' +
                'measure Plain { kind process measures Rounding }\n',
            { 'falls.csv': csv, 'toc.config.json': '{ "asOf": "2026-06-30" }' },
        );
        const root = model.document('model.toc');
        const programme = model.services.analysis.ModelAnalysis.modelOf(root);
        const plan = buildMeasurementPlan(programme, measure =>
            model.services.data.MeasureData.readingIn(measure, root),
        );
        expect(plan.measures[0]).toMatchObject({
            name: 'Falls',
            latest: 5,
            latestDate: '2026-06-30',
            signal: 'special cause improvement',
            assurance: 'will consistently fail',
        });
        expect(plan.measures[1]).not.toHaveProperty('signal');
        expect(measurementPlanMarkdown(plan)).toContain(
            '| 5 on 2026-06-30 | special cause improvement | will consistently fail |',
        );
        expect(measurementPlanCsv(plan)).toContain(
            ',5,2026-06-30,special cause improvement,will consistently fail\r\n',
        );
    });

    test('a model with no programme and no measures', async () => {
        const plan = await planOf('outcome Safer\n');
        expect(measurementPlanMarkdown(plan)).toBe(
            '# Measurement plan\n\nNo measures.\n\n## Outcomes not measured\n\n- outcome Safer\n\n## Risks not watched\n\nNone: every risk and side effect has a measure watching it.\n',
        );
        expect(measurementPlanCsv(plan)).toBe(
            'measure,title,kind,measures,unit,baseline,baseline date,target,direction,source,frequency,owner,method,collected by,sites,latest,latest date,signal,assurance\r\n',
        );
    });

    test('Markdown cells escape | and line breaks; CSV quotes line breaks', async () => {
        const plan = await planOf(
            'measure Split "Before | after" {\n    kind process\n    source "Ward A\nWard B | C"\n}\n',
        );
        const markdown = measurementPlanMarkdown(plan);
        expect(markdown).toContain(
            '| Split: Before \\| after | process | — | — | — | — | — | Ward A<br>Ward B \\| C | — | — | — | — | — | — | — | — |\n',
        );
        expect(measurementPlanCsv(plan)).toContain(
            '\r\nSplit,Before | after,process,,,,,,,"Ward A\nWard B | C",,,,,,,,,\r\n',
        );
    });

    // A commissioner opens the CSV in a spreadsheet and the Markdown in a viewer that renders HTML.
    test('hostile titles: CSV formulas are neutralised, plain numbers are not; Markdown shows HTML as text', async () => {
        const plan = await planOf(
            [
                'measure Link "=HYPERLINK(\\"http://x\\")" {\n    kind process\n    unit "+1 per day"\n    baseline -5\n    source "@SUM(A1)"\n}\n',
                'measure Html "<img src=x onerror=alert(1)> & co" {\n    kind outcome\n    source "-cmd|calc"\n}\n',
                'measure Negative {\n    kind process\n    unit "-5"\n}\n',
            ].join('\n'),
        );
        const csv = measurementPlanCsv(plan);
        expect(csv).toContain('Link,"\'=HYPERLINK(""http://x"")",process,,\'+1 per day,5,');
        expect(csv).toContain('\r\nNegative,,process,,-5,');
        expect(csv).toContain(",'@SUM(A1),");
        expect(csv).toContain(",'-cmd|calc,");
        expect(csv.split('\r\n').slice(1).join('\n')).not.toMatch(/(^|,|")[=+@]/m);
        expect(csv).toContain('Html,<img src=x onerror=alert(1)> & co,'); // a CSV cell is not HTML
        const markdown = measurementPlanMarkdown(plan);
        expect(markdown).toContain('Html: &lt;img src=x onerror=alert(1)&gt; &amp; co');
        expect(markdown).not.toContain('<img');
    });

    test('names that do not resolve are shown as written', async () => {
        const plan = await planOf('measure M { kind outcome measures Nowhere owner Nobody source Missing }\n');
        expect(plan.measures[0]).toMatchObject({
            measures: [{ name: 'Nowhere' }],
            owner: 'Nobody',
            source: { kind: 'evidence', name: 'Missing' },
        });
        expect(measurementPlanMarkdown(plan)).toContain(
            '| M | outcome | Nowhere | — | — | — | — | Missing | — | Nobody |',
        );
    });
});

describe('toc measures', () => {
    test('a model and its imports, as Markdown and as CSV', async () => {
        const markdown = await measuresReport('examples/safer-patients-initiative/spi2.toc', 'md', REPOSITORY);
        expect(markdown).toMatch(/^# Measurement plan: SaferPatientsPhase2\n/);
        // The data source is evidence declared in an imported file.
        expect(markdown).toContain(
            '| AdverseEventRate: Adverse events per 1,000 patient-days | outcome | outcome FewerAdverseEvents | adverse events per 1,000 patient-days | — | reduce 30% by 2008-08-31 (stretch) | decrease | GlobalTriggerTool | monthly | SafetyLead |',
        );
        const csv = await measuresReport('examples/safer-patients-initiative/spi2.toc', 'csv', REPOSITORY);
        expect(csv.split('\r\n')[0]).toBe(
            'measure,title,kind,measures,unit,baseline,baseline date,target,direction,source,frequency,owner,method,collected by,sites,latest,latest date,signal,assurance',
        );
        expect(csv).toContain(
            '\r\nHospitalMortality,Hospital standardised mortality ratio,outcome,outcome LowerMortality,HSMR,100,2006-12-31,reduce 15% by 2008-08-31 (stretch),decrease,"Hospital episode statistics, risk-adjusted",quarterly,InformationTeam,routine-data,,,,,,\r\n',
        );
    });

    test('a path that is not a .toc file is a usage problem', async () => {
        await expect(measuresReport('README.md', 'md', REPOSITORY)).rejects.toThrow(UsageError);
        await expect(measuresReport('examples', 'csv', REPOSITORY)).rejects.toThrow(
            'examples: is a folder; give the .toc file of the model.',
        );
    });
});
