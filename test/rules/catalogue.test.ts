import { describe, expect, test } from 'vitest';
import { RULES } from '../../language/src/rules/catalogue/index.js';
import { BASE, edit, without } from '../support/variants.js';
import { loadModel, rangeText } from '../support/workspace.js';

interface Case {
    fires: string;
    severity: number;
    message: string;
    /** The text the finding's range covers. */
    at: string;
    silent: string;
    /** Other files of the model's folder, such as data files. */
    files?: Record<string, string>;
}

const ERROR = 1;
const WARNING = 2;
const INFO = 3;
const HINT = 4;

/** The falls measure reading a data file, drawn on a chart of this kind; then any other edits. */
const withData = (file: string, chart = 'run', ...more: Array<[string, string]>) =>
    edit(
        [
            '    frequency monthly\n    owner WardNurses\n}\n\nmeasure RoundsCompleted',
            `    frequency monthly\n    owner WardNurses\n    data "${file}"\n    chart ${chart}\n}\n\nmeasure RoundsCompleted`,
        ],
        ...more,
    );

/** The rounds measure reading a data file on an XmR chart. */
const roundsData = (file: string): [string, string] => [
    '    frequency weekly\n    owner WardNurses\n}',
    `    frequency weekly\n    owner WardNurses\n    data "${file}"\n    chart xmr\n}`,
];

/** A CSV of monthly values, one per month-end from January 2024 (illustrative, built to show or not show each signal). */
function monthly(values: number[]): string {
    const rows = values.map((value, i) => `${new Date(Date.UTC(2024, i + 1, 0)).toISOString().slice(0, 10)},${value}`);
    return ['date,value', ...rows].join('\n') + '\n';
}
const alternating = (count: number, low: number, high: number) =>
    Array.from({ length: count }, (_, i) => (i % 2 === 0 ? low : high));
// Rounding starts 2025-04-01: the 15 months from January 2024 are the baseline (mean 6.19, limits 5.12 to 7.25).
const FLAT = alternating(30, 6.0, 6.4);

/** Data files and a fixed check date, so that the data rules read the same whatever the day. */
const DATA = {
    'toc.config.json': '{ "asOf": "2026-06-30" }',
    'five.csv': monthly(FLAT.slice(-5)),
    'ten.csv': monthly(FLAT.slice(-10)),
    'half-year.csv': monthly(FLAT.slice(0, 18)),
    'flat.csv': monthly(FLAT),
    'worse-now.csv': monthly([...FLAT.slice(0, 29), 8.0]),
    'improving.csv': monthly([...FLAT.slice(0, 15), ...alternating(15, 5.0, 5.2)]),
    'rounds-up.csv': monthly([...alternating(15, 40, 44), ...alternating(15, 80, 84)]),
};

/** A funder, declared before the context, for the cases about who leads. */
const FUNDER: [string, string] = [
    '\ncontext',
    '\nstakeholder HealthFund "The charity that funds the programme" {\n    level funder\n    role "Funds the two years of the programme"\n}\n\ncontext',
];

const CASES: Record<string, Case> = {
    'problem-missing': {
        fires: edit(without('problem Falls')),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` states no problem: add a `problem` with the figures that show it is real and local.',
        silent: BASE,
    },
    'problem-without-data': {
        fires: edit([' source "Incident reporting system"\n    story', '\n    story']),
        severity: WARNING,
        at: 'Falls',
        message:
            'Problem `Falls` has no figure with a value and a source: add `figure "..." is <value> source <evidence>`.',
        silent: edit(['is 6.5 on 2025-01-31 source', 'is 6.5 source']),
    },
    'problem-without-voice': {
        fires: edit([/\n {4}story [^\n]*/, '']),
        severity: HINT,
        at: 'Falls',
        message: 'Problem `Falls` has no patient or staff story: add `story "..." from <stakeholder>`.',
        silent: edit(['from WardNurses\n    agreed', '\n    agreed']),
    },
    'problem-not-agreed': {
        fires: edit(['agreed by WardNurses, ChiefNurse', 'agreed by ChiefNurse']),
        severity: WARNING,
        at: 'Falls',
        message:
            'Problem `Falls` is not agreed by frontline staff: once the people who must change accept it is a problem here, add them to `agreed by`.',
        silent: edit(['agreed by WardNurses, ChiefNurse', 'agreed by WardNurses']),
    },
    'already-good-baseline': {
        fires: edit(['target reach 90 by 2025-09-30', 'target reach 40 by 2025-09-30']),
        severity: WARNING,
        at: 'baseline 40 on 2025-03-01',
        message:
            'Measure `RoundsCompleted` already meets its target at baseline (40 against a target of 40): check the baseline, raise the target, or focus where there is room to improve.',
        silent: edit(['target reach 90 by 2025-09-30', 'target reach 41 by 2025-09-30']),
    },
    'link-without-mechanism': {
        fires: edit(['    mechanism "Rounds become part of the ward routine"\n', '']),
        severity: WARNING,
        at: 'Rounding -> RoundsDone',
        message:
            'Link `Rounding -> RoundsDone` has no mechanism: add `mechanism "..."` saying why the first leads to the second.',
        silent: edit(
            ['mechanism "Rounds become part of the ward routine"', 'mechanism Routine'],
            ['\nassumption', '\nmechanism Routine "Rounds become routine"\n\nassumption'],
        ),
    },
    'contested-evidence': {
        fires: edit(['evidence moderate\n}', 'evidence contested\n}']),
        severity: WARNING,
        at: 'contested',
        message:
            'Link `Rounding -> RoundsDone` rests on contested evidence: find stronger evidence, or plan how the team will test this link.',
        silent: edit(['evidence moderate\n}', 'evidence strong\n}']),
    },
    'activity-leads-nowhere': {
        fires: edit([
            '\noutcome RoundsDone',
            '\nactivity Posters "Falls posters" {\n    owner WardNurses\n}\n\noutcome RoundsDone',
        ]),
        severity: WARNING,
        at: 'Posters',
        message: 'Activity `Posters` leads to no outcome: add `link Posters -> <outcome>`, or remove the activity.',
        silent: edit([
            '\noutcome RoundsDone',
            '\nactivity Posters "Falls posters" {\n    owner WardNurses\n}\n\nfeedback link RoundsDone -> Posters {\n    mechanism "x"\n}\n\nlink Posters -> RoundsDone {\n    mechanism "Reminders"\n    evidence moderate\n}\n\noutcome RoundsDone',
        ]),
    },
    'outcome-unreachable': {
        fires: edit([
            '\nlink Rounding -> RoundsDone',
            '\noutcome Confidence {\n    horizon short\n}\n\nlink Confidence -> FewerFalls {\n    mechanism "x"\n    evidence moderate\n}\n\nlink Rounding -> RoundsDone',
        ]),
        severity: WARNING,
        at: 'Confidence',
        message:
            'No activity leads to outcome `Confidence`: link an activity to it, directly or through other outcomes.',
        silent: BASE,
    },
    'missing-middle': {
        fires: edit([
            '\nlink RoundsDone -> FewerFalls',
            '\nlink Rounding -> FewerFalls {\n    mechanism "x"\n    evidence moderate\n}\n\nlink RoundsDone -> FewerFalls',
        ]),
        severity: WARNING,
        at: 'Rounding -> FewerFalls',
        message:
            'Link `Rounding -> FewerFalls` jumps from an activity to a long-term outcome: add the short- or medium-term outcome in between.',
        silent: BASE,
    },
    'unmeasured-outcome': {
        fires: edit(['measures RoundsDone', 'measures Rounding']),
        severity: WARNING,
        at: 'RoundsDone',
        message: 'Outcome `RoundsDone` has no measure: add a measure of kind outcome, or say how it will be observed.',
        silent: BASE,
    },
    'measure-without-baseline': {
        fires: edit(['    baseline 40 on 2025-03-01\n', '']),
        severity: WARNING,
        at: 'RoundsCompleted',
        message:
            'Measure `RoundsCompleted` has no baseline: add `baseline <value> on <date>` measured before the work starts.',
        silent: edit(['    baseline 80 on 2025-03-01\n', '']),
    },
    'measure-without-source': {
        fires: edit(['    source "Weekly audit of rounding charts"\n', '']),
        severity: WARNING,
        at: 'RoundsCompleted',
        message: 'Measure `RoundsCompleted` has no data source: add `source "..."` naming where the data comes from.',
        silent: BASE,
    },
    'measure-without-owner': {
        fires: edit(['    frequency weekly\n    owner WardNurses\n', '    frequency weekly\n']),
        severity: WARNING,
        at: 'RoundsCompleted',
        message:
            'Measure `RoundsCompleted` has no owner: add `owner <stakeholder or person>` who is accountable for it.',
        silent: BASE,
    },
    'measure-without-frequency': {
        fires: edit(['    frequency weekly\n', '']),
        severity: WARNING,
        at: 'RoundsCompleted',
        message:
            'Measure `RoundsCompleted` has no frequency: add `frequency weekly` (or daily, monthly, quarterly...).',
        silent: BASE,
    },
    'data-unreadable': {
        fires: edit([
            '    frequency monthly\n    owner WardNurses\n}\n\nmeasure RoundsCompleted',
            '    frequency monthly\n    owner WardNurses\n    data "falls.csv"\n}\n\nmeasure RoundsCompleted',
        ]),
        files: { 'rounds.csv': 'date,value\n2025-03-01,40\n' },
        severity: ERROR,
        at: '"falls.csv"',
        message:
            'The data file `falls.csv` of measure `FallsRate` does not exist: check the path, which is relative to this file.',
        silent: edit([
            '    frequency monthly\n    owner WardNurses\n}\n\nmeasure RoundsCompleted',
            '    frequency monthly\n    owner WardNurses\n    data "rounds.csv"\n}\n\nmeasure RoundsCompleted',
        ]),
    },
    'data-stale': {
        fires: withData('half-year.csv'),
        files: DATA,
        severity: WARNING,
        at: '"half-year.csv"',
        message:
            'The latest data of measure `FallsRate` are from 2025-06-30, 365 days before 2026-06-30; collected monthly, it should have a point within the last 62 days: bring the data up to date, or say why collection stopped.',
        silent: withData('flat.csv'),
    },
    'too-few-points': {
        fires: withData('five.csv'),
        files: DATA,
        severity: INFO,
        at: '"five.csv"',
        message:
            'Measure `FallsRate` has 5 points, fewer than the 10 a run chart needs to show a signal: keep collecting before reading it.',
        silent: withData('ten.csv'),
    },
    'concern-signal': {
        fires: withData('worse-now.csv', 'xmr'),
        files: DATA,
        severity: WARNING,
        at: '"worse-now.csv"',
        message:
            'Measure `FallsRate` shows a special cause of concern at its latest point (2026-06-30): it has got worse (better is decrease) beyond ordinary variation. Look into what changed, and act on it.',
        silent: withData('flat.csv', 'xmr'),
    },
    'no-improvement-signal': {
        fires: withData('flat.csv', 'xmr'),
        files: DATA,
        severity: WARNING,
        at: '"flat.csv"',
        message:
            'Measure `FallsRate` shows no signal of improvement in the 15 points since the work began (2025-04-01): check that the activities are happening, and the links the measure depends on.',
        silent: withData('improving.csv', 'xmr'),
    },
    'target-not-capable': {
        fires: withData('flat.csv', 'xmr'),
        files: DATA,
        severity: WARNING,
        at: 'target reach 4.9 by 2026-03-31',
        message:
            'Measure `FallsRate` will not meet its target of 4.9 as the process runs now: the target lies beyond its limits (5.12 to 7.25). Plan a further change to the process, or set a target it can reach.',
        silent: withData('flat.csv', 'xmr', ['target reach 4.9 by 2026-03-31', 'target reach 5.5 by 2026-03-31']),
    },
    'link-not-supported': {
        fires: withData('flat.csv', 'xmr', roundsData('rounds-up.csv')),
        files: DATA,
        severity: INFO,
        at: 'RoundsDone -> FewerFalls',
        message:
            'The data do not yet bear out link `RoundsDone -> FewerFalls`: `RoundsCompleted` has improved since 2025-04-30, and `FallsRate` shows no improvement in the points since. Check the mechanism, or how long it should take.',
        silent: withData('improving.csv', 'xmr', roundsData('rounds-up.csv')),
    },
    'measurement-burden': {
        fires: edit([
            '\nassumption',
            '\nmeasure Huddles {\n    kind process\n    measures Rounding\n    owner WardNurses\n}\n\nassumption',
        ]),
        severity: WARNING,
        at: 'WardNurses',
        message:
            'Frontline `WardNurses` collects 4 measures, more than 3: share the collection, automate it, or drop the least useful.',
        silent: edit([
            '\nassumption',
            '\nmeasure Huddles {\n    kind process\n    measures Rounding\n    owner ChiefNurse\n}\n\nassumption',
        ]),
    },
    'stretch-without-resources': {
        fires: edit(
            ['target reduce 25% by 2026-03-31', 'target reduce 60% by 2026-03-31'],
            without('resource AuditSupport'),
            without('resource RoundingTime'),
        ),
        severity: WARNING,
        at: 'target reduce 60% by 2026-03-31',
        message:
            'Outcome `FewerFalls` has a large change in a short time but no resources on the activities that drive it: add a `resource` for one of them, or make the target realistic.',
        silent: edit(['target reduce 25% by 2026-03-31', 'target reduce 60% by 2026-03-31 stretch']),
    },
    'too-many-aims': {
        fires: edit([
            '\nlink Rounding',
            '\noutcome A {\n    horizon long\n}\n\noutcome B {\n    horizon long\n}\n\noutcome C {\n    horizon long\n}\n\nlink Rounding',
        ]),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` has 4 long-term outcomes, more than 3: focus on the few it can realistically move.',
        silent: edit([
            '\nlink Rounding',
            '\noutcome A {\n    horizon long\n}\n\noutcome B {\n    horizon long\n}\n\nlink Rounding',
        ]),
    },
    'project-ends-without-sustain': {
        fires: edit(without('sustain plan KeepRounding')),
        severity: WARNING,
        at: '2025-04-01 to 2026-03-31',
        message:
            'Programme `FallsProgramme` ends on 2026-03-31 with no sustain plan: add a `sustain plan` saying how the gains outlast it.',
        silent: BASE,
    },
    'no-context': {
        fires: edit(without('context WardReadiness')),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` has no context assessment: add a `context` rating readiness, capacity and policy alignment.',
        silent: BASE,
    },
    'context-incomplete': {
        fires: edit(['    readiness high\n    capacity medium\n', '']),
        severity: WARNING,
        at: 'WardReadiness',
        message:
            'Context `WardReadiness` rates neither readiness nor capacity: add `readiness <low|medium|high>` and `capacity <low|medium|high>`.',
        silent: edit(['    readiness high\n', '']),
    },
    'no-admin-support': {
        fires: edit(['kind admin-support', 'kind training']),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` has no administrative or data support: add a `resource` of kind admin-support or data-support.',
        silent: edit(['kind admin-support', 'kind data-support']),
    },
    'activity-without-owner': {
        fires: edit(['    owner WardNurses\n    involves WardNurses\n', '    involves WardNurses\n']),
        severity: WARNING,
        at: 'Rounding',
        message: 'Activity `Rounding` has no owner: add `owner <stakeholder or person>`.',
        silent: BASE,
    },
    'frontline-not-involved': {
        fires: edit(
            ['    owner WardNurses\n    involves WardNurses\n', '    owner ChiefNurse\n'],
            [
                '    role "Deliver and audit the rounds"\n    involved in design\n',
                '    role "Deliver and audit the rounds"\n',
            ],
        ),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'No frontline staff are involved in programme `FallsProgramme`: mark a frontline stakeholder `involved in design`, or have them own or take part in an activity.',
        silent: edit(['    owner WardNurses\n    involves WardNurses\n', '    owner ChiefNurse\n']),
    },
    'single-profession': {
        fires: edit(['profession medicine', 'profession nursing']),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Every stakeholder of programme `FallsProgramme` is nursing: involve the other professions the change touches.',
        // One group of mixed professions is enough.
        silent: edit(
            ['profession medicine', 'profession nursing'],
            [
                'profession nursing\n    level frontline\n    role "Deliver',
                'professions nursing, pharmacy\n    level frontline\n    role "Deliver',
            ],
        ),
    },
    'stakeholder-without-role': {
        fires: edit(['    role "Review medicines that raise the risk of falling"\n', '']),
        severity: INFO,
        at: 'WardDoctors',
        message: 'Stakeholder `WardDoctors` has no role: add `role "..."` saying what they do in the programme.',
        silent: BASE,
    },
    'leadership-at-one-level': {
        fires: edit(
            ['sponsor ChiefNurse', 'sponsor WardNurses'],
            ['    owner ChiefNurse\n}\n', '    owner WardNurses\n}\n'],
        ),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Every leader of programme `FallsProgramme` (sponsors and owners) is at frontline level: share leadership across levels.',
        silent: BASE,
    },
    'funder-as-sponsor': {
        fires: edit(['sponsor ChiefNurse', 'sponsor ChiefNurse, HealthFund'], FUNDER),
        severity: WARNING,
        at: 'HealthFund',
        message: '`HealthFund` is a funder, named as a sponsor of programme `FallsProgramme`: list it under `funder`.',
        silent: edit(['sponsor ChiefNurse', 'sponsor ChiefNurse\n    funder HealthFund'], FUNDER),
    },
    'no-protected-time': {
        fires: edit(without('resource RoundingTime')),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Frontline staff (`WardNurses`) are asked for time in activity `Rounding`, and no resource protects it: add a `resource` of kind staff-time or backfill `for Rounding`.',
        silent: edit(['kind staff-time', 'kind backfill']),
    },
    'frontline-not-in-design': {
        fires: edit(['    involved in design\n', '']),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Frontline staff carry out programme `FallsProgramme` (`WardNurses`) but none helped design it: involve some of them in designing the change, and mark them `involved in design`.',
        silent: edit(
            ['    involved in design\n', ''],
            [
                '    role "Review medicines that raise the risk of falling"\n',
                '    role "Review medicines that raise the risk of falling"\n    involved in design\n',
            ],
        ),
    },
    'no-incentives': {
        fires: edit(without('incentive WardRecognition'), without('incentive MatronReview')),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` names no incentives: add an `incentive` (kind carrot or stick) for the groups asked to change.',
        silent: BASE,
    },
    'incentives-one-sided': {
        fires: edit(without('incentive MatronReview')),
        severity: INFO,
        at: 'FallsProgramme',
        message: 'Every incentive of programme `FallsProgramme` is a carrot: consider a stick as well.',
        silent: BASE,
    },
    'no-sustain-plan': {
        fires: edit(without('sustain plan KeepRounding'), ['    period 2025-04-01 to 2026-03-31\n', '']),
        severity: WARNING,
        at: 'FallsProgramme',
        message: 'Programme `FallsProgramme` has no sustain plan: add a `sustain plan` saying how the gains will last.',
        silent: edit(['    period 2025-04-01 to 2026-03-31\n', '']),
    },
    'not-embedded': {
        fires: edit(['    embedded in procedure "Ward nursing procedures"\n', '']),
        severity: WARNING,
        at: 'KeepRounding',
        message:
            'Sustain plan `KeepRounding` embeds nothing in routine practice: add `embedded in guideline "..."` (or standard, policy, procedure, job-plan, training).',
        silent: BASE,
    },
    'sustain-plan-incomplete': {
        fires: edit(['    succession "Each ward names a rounding lead"\n', '']),
        severity: WARNING,
        at: 'KeepRounding',
        message: 'Sustain plan `KeepRounding` does not say who carries the work on: add `succession "..."`.',
        silent: BASE,
    },
    'single-point-of-failure': {
        fires: edit([
            '\noutcome RoundsDone',
            '\nactivity Huddle {\n    owner ChiefNurse\n}\n\nactivity Audit {\n    owner ChiefNurse\n}\n\nlink Huddle -> RoundsDone {\n    mechanism "x"\n    evidence moderate\n}\n\nlink Audit -> RoundsDone {\n    mechanism "y"\n    evidence moderate\n}\n\noutcome RoundsDone',
        ]),
        severity: WARNING,
        at: 'ChiefNurse',
        message:
            '`ChiefNurse` owns 2 of 3 activities: give ownership to roles or groups, and plan who takes over if they leave.',
        silent: edit([
            '\noutcome RoundsDone',
            '\nactivity Huddle {\n    owner ChiefNurse\n}\n\nactivity Audit {\n    owner WardDoctors\n}\n\nlink Huddle -> RoundsDone {\n    mechanism "x"\n    evidence moderate\n}\n\nlink Audit -> RoundsDone {\n    mechanism "y"\n    evidence moderate\n}\n\noutcome RoundsDone',
        ]),
    },
    'self-reported-outcome': {
        fires: edit(['    kind process\n', '    kind process\n    method self-report\n']),
        severity: INFO,
        at: 'RoundsDone',
        message:
            'Outcome `RoundsDone` is measured only by self-report: add a measure from routine data, audit or observation.',
        silent: edit(['    kind process\n', '    kind process\n    method audit\n']),
    },
    'no-balancing-measure': {
        fires: edit(['kind balancing', 'kind process']),
        severity: WARNING,
        at: 'FallsProgramme',
        message:
            'Programme `FallsProgramme` has no balancing measure: add a measure of kind balancing that watches for harm the change could cause.',
        silent: BASE,
    },
    'unwatched-risk': {
        fires: edit(['measures LessTimeForCare', 'measures Rounding']),
        severity: WARNING,
        at: 'LessTimeForCare',
        message:
            'Side effect `LessTimeForCare` has no measure watching it: add a balancing measure with `measures LessTimeForCare`.',
        silent: BASE,
    },
    'aim-not-measurable': {
        fires: edit(['target reduce 25% by 2026-03-31', 'target reduce 25%']),
        severity: WARNING,
        at: 'FewerFalls',
        message: 'The aim `FewerFalls` does not say by when: add `by <date>` to its target.',
        silent: BASE,
    },
    'measure-without-target': {
        fires: edit(['    target reach 4.9 by 2026-03-31\n', '']),
        severity: WARNING,
        at: 'FallsRate',
        message: 'Outcome measure `FallsRate` has no target: add `target reach <value> by <date>`.',
        silent: BASE,
    },
};

describe('the rule catalogue', () => {
    test('every rule has a case here, and every case a rule', () => {
        expect(Object.keys(CASES).sort()).toEqual(RULES.map(rule => rule.id).sort());
    });

    test('the base model is clean', async () => {
        const model = await loadModel(BASE);
        expect(model.diagnostics()).toEqual([]);
    });

    describe.each(Object.entries(CASES))('%s', (id, c) => {
        test('fires, naming the element, on its name or field', async () => {
            const model = await loadModel(c.fires, c.files);
            expect(model.errors().filter(d => d.code !== id)).toEqual([]);
            const findings = model.diagnostics().filter(d => d.code === id);
            expect(findings).toHaveLength(1);
            expect(findings[0]).toMatchObject({
                severity: c.severity,
                message: c.message,
                codeDescription: { href: `https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/${id}.md` },
            });
            expect(rangeText(model, 'model.toc', findings[0])).toBe(c.at);
        });

        test('stays silent on a close variant', async () => {
            const model = await loadModel(c.silent, c.files);
            expect(model.errors()).toEqual([]);
            expect(model.codes()).not.toContain(id);
        });
    });
});

describe('leadership is read inside the organisation only', () => {
    const executivesOnly: Array<[string, string]> = [
        ['    owner WardNurses\n    involves WardNurses\n', '    owner ChiefNurse\n    involves WardNurses\n'],
        FUNDER,
    ];
    const messages = async (text: string) =>
        (await loadModel(text))
            .diagnostics()
            .filter(d => d.code === 'leadership-at-one-level')
            .map(d => d.message);

    test('a funder among the sponsors does not make a second level', async () => {
        expect(
            await messages(
                edit(...executivesOnly, ['sponsor ChiefNurse', 'sponsor ChiefNurse\n    funder HealthFund']),
            ),
        ).toEqual([
            'Every leader of programme `FallsProgramme` (sponsors and owners) is at executive level: share leadership across levels.',
        ]);
        expect(
            await messages(edit(...executivesOnly, ['sponsor ChiefNurse', 'sponsor ChiefNurse, HealthFund'])),
        ).toEqual([
            'Every leader of programme `FallsProgramme` (sponsors and owners) is at executive level (`HealthFund` is outside the organisation and does not count): share leadership across levels.',
        ]);
    });

    test('leaders who are all outside the organisation are reported', async () => {
        const text = edit(
            ['sponsor ChiefNurse', 'sponsor HealthFund'],
            ['    owner WardNurses\n    involves WardNurses\n', '    owner HealthFund\n    involves WardNurses\n'],
            ['    owner ChiefNurse\n}\n', '    owner HealthFund\n}\n'],
            FUNDER,
        );
        expect(await messages(text)).toEqual([
            'No leader of programme `FallsProgramme` (sponsors and owners) is inside the organisation (`HealthFund` is outside the organisation and does not count): name sponsors and owners among its own staff.',
        ]);
    });

    test('an improvement partner coaching the teams is outside the organisation too', async () => {
        const text = edit(
            ...executivesOnly,
            ['    level funder\n', '    level improvement-partner\n'],
            ['sponsor ChiefNurse', 'sponsor ChiefNurse, HealthFund'],
        );
        expect(await messages(text)).toHaveLength(1);
    });
});

describe('sites, and how measures are collected', () => {
    /** Two wards, declared before the context, and figures of each on the falls measure. */
    const SITES: [string, string] = [
        '\ncontext WardReadiness',
        '\nsite Ward7 "Ward 7, older people"\n\nsite Ward9 "Ward 9, stroke"\n\ncontext WardReadiness',
    ];
    const figures = (lines: string): [string, string] => [
        '    baseline 6.5 on 2025-01-31\n',
        `    baseline 6.5 on 2025-01-31\n${lines}`,
    ];
    const findings = async (text: string, code: string) => {
        const model = await loadModel(text);
        expect(model.errors()).toEqual([]);
        return model
            .diagnostics()
            .filter(d => d.code === code)
            .map(d => `${rangeText(model, 'model.toc', d)}: ${d.message}`);
    };

    test('already-good-baseline names a site whose baseline already meets the target, unless the site has its own', async () => {
        const text = edit(
            SITES,
            figures('    at Ward7 baseline 4.2 on 2025-01-31\n    at Ward9 baseline 9.8 on 2025-01-31\n'),
        );
        expect(await findings(text, 'already-good-baseline')).toEqual([
            'at Ward7 baseline 4.2 on 2025-01-31: At site `Ward7`, measure `FallsRate` already meets its target at baseline (4.2 against a target of 4.9): focus where there is room to improve, or give this site a target of its own.',
        ]);
        const ownTarget = edit(
            SITES,
            figures('    at Ward7 baseline 4.2 on 2025-01-31\n    at Ward7 target reach 3 by 2026-03-31\n'),
        );
        expect(await findings(ownTarget, 'already-good-baseline')).toEqual([]);
    });

    test('site baselines are a baseline', async () => {
        const text = edit(SITES, [
            '    baseline 6.5 on 2025-01-31\n',
            '    at Ward7 baseline 4.2 on 2025-01-31\n    at Ward7 target reach 3 by 2026-03-31\n    at Ward9 baseline 9.8 on 2025-01-31\n',
        ]);
        expect(await findings(text, 'measure-without-baseline')).toEqual([]);
        expect(await findings(edit(['    baseline 6.5 on 2025-01-31\n', '']), 'measure-without-baseline')).toHaveLength(
            1,
        );
    });

    test('no-context names a site that no context assesses', async () => {
        const text = edit(SITES, ['    readiness high\n', '    at Ward7\n    readiness high\n']);
        expect(await findings(text, 'no-context')).toEqual([
            'Ward9: Site `Ward9` has no context assessment of its own: add a `context` with `at Ward9` rating its readiness and capacity.',
        ]);
        const both = edit(SITES, ['    readiness high\n', '    at Ward7, Ward9\n    readiness high\n']);
        expect(await findings(both, 'no-context')).toEqual([]);
    });

    test('measurement-burden counts a measure against whoever collects it', async () => {
        const fourth: [string, string] = [
            '\nassumption',
            '\nmeasure Huddles {\n    kind process\n    measures Rounding\n    owner WardNurses\n}\n\nassumption',
        ];
        expect(await findings(edit(fourth), 'measurement-burden')).toHaveLength(1);
        const collectedByOthers = edit(fourth, [
            '    owner WardNurses\n}\n\nassumption',
            '    owner WardNurses\n    collected by WardDoctors\n}\n\nassumption',
        ]);
        expect(await findings(collectedByOthers, 'measurement-burden')).toEqual([]);
    });

    test("a site's baseline given twice in one measure is an error; its baseline and target on lines of their own are not", async () => {
        const twice = await loadModel(
            edit(SITES, figures('    at Ward7 baseline 4.2 on 2025-01-31\n    at Ward7 baseline 4.4 on 2025-02-28\n')),
        );
        expect(twice.errors().map(d => d.message)).toEqual([
            'The baseline of site `Ward7` is given more than once in `FallsRate`; only one can count. Keep one.',
        ]);
        const apart = await loadModel(
            edit(
                SITES,
                figures('    at Ward7 baseline 4.2 on 2025-01-31\n    at Ward7 target reach 3 by 2026-03-31\n'),
            ),
        );
        expect(apart.errors()).toEqual([]);
    });
});
