import { markdownText } from '../utils/markdown.js';
import { visibleText } from '../utils/text.js';
import type { AstNode, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { describeQuantity, describeTarget } from './describe.js';
import type { ProgrammeModel } from './programme-model.js';
import { kindLabel } from '../declarations.js';
import type { ReadingOf } from '../data/measure-reading.js';
import { summarise } from '../data/measure-reading.js';

/** Something a measure tracks: `{ kind: 'outcome', name: 'FewerFalls' }`. */
export interface MeasuredItem {
    /** `activity`, `outcome`, `risk` or `side effect`; absent when the name does not resolve. */
    kind?: string;
    name: string;
}

/** Where a measure's data come from: text written in place, or a named piece of evidence. */
export type MeasureSource = { kind: 'text'; text: string } | { kind: 'evidence'; name: string };

/** One measure of the plan. Every field is plain data; absent fields were not declared. */
export interface MeasurementPlanRow {
    name: string;
    title?: string;
    kind?: ast.MeasureKind;
    measures: MeasuredItem[];
    unit?: string;
    /** The baseline value as a person would say it, e.g. `6.5` or `7.7 per 1,000 catheter-days`. */
    baseline?: string;
    baselineDate?: string;
    /** As {@link describeTarget} prints it, e.g. `reduce 30% by 2008-08-31 (stretch)`. */
    target?: string;
    direction?: ast.Direction;
    source?: MeasureSource;
    frequency?: ast.Frequency;
    /** The name of the stakeholder or person accountable for it. */
    owner?: string;
    /** How the data are collected: routine data, audit, survey, self-report, observation. */
    method?: ast.MeasureMethod;
    /** Who collects the data, when that is someone other than the owner. */
    collectedBy?: string;
    /** Figures of individual sites, where they differ from the measure's, in order of declaration. */
    sites?: SiteFiguresRow[];
    /** With data: the latest value and its date, as on the check date. */
    latest?: number;
    latestDate?: string;
    /** With data: what the latest data show (see {@link ReadingSummary}). */
    signal?: string;
    assurance?: string;
}

/** One site's own baseline or target for a measure. */
export interface SiteFiguresRow {
    site: string;
    baseline?: string;
    baselineDate?: string;
    target?: string;
}

/** An outcome, risk or side effect with no measure tracking it. */
export interface UnmeasuredItem {
    /** `outcome`, `risk` or `side effect`. */
    kind: string;
    name: string;
    title?: string;
}

/** The measurement plan of a model: plain data, safe to serialise as JSON. */
export interface MeasurementPlan {
    programme: string | undefined;
    /** Outcome measures first, then process, then balancing, then any without a kind; in order of declaration within each. */
    measures: MeasurementPlanRow[];
    /** Outcomes no measure tracks, in order of declaration. */
    unmeasuredOutcomes: UnmeasuredItem[];
    /** Risks and side effects no measure watches, in order of declaration. */
    unwatchedRisks: UnmeasuredItem[];
}

const KIND_ORDER: Record<ast.MeasureKind, number> = { outcome: 0, process: 1, balancing: 2 };
const kindRank = (kind: ast.MeasureKind | undefined) => (kind ? KIND_ORDER[kind] : 3);

/** The name a reference was written with, resolved or not. */
const refName = (ref: Reference<AstNode & { name: string }> | undefined) => ref && (ref.ref?.name ?? ref.$refText);

/**
 * Every measure of the model (a file and everything it imports) with what it tracks and how it is
 * collected, then the outcomes nobody measures and the risks and side effects nobody watches.
 */
export function buildMeasurementPlan(model: ProgrammeModel, readingOf: ReadingOf = () => undefined): MeasurementPlan {
    const rows = model.measures.map(measure => {
        const reading = readingOf(measure);
        const summary = reading && summarise(reading);
        return definedOnly({
            ...rowOf(measure),
            latest: summary?.latest?.value,
            latestDate: summary?.latest?.date,
            signal: summary?.signal,
            assurance: summary?.assurance,
        });
    });
    // Array.prototype.sort is stable: declaration order is kept within each kind.
    rows.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
    const unmeasured = (node: ast.Outcome | ast.Risk): UnmeasuredItem =>
        definedOnly({ kind: kindLabel(node), name: node.name, title: node.title });
    return {
        programme: model.all(ast.isProgramme)[0]?.name,
        measures: rows,
        unmeasuredOutcomes: model
            .all(ast.isOutcome)
            .filter(o => model.measuresOf(o).length === 0)
            .map(unmeasured),
        unwatchedRisks: model
            .all(ast.isRisk)
            .filter(r => model.measuresOf(r).length === 0)
            .map(unmeasured),
    };
}

function rowOf(measure: ast.Measure): MeasurementPlanRow {
    const source = measure.source;
    return definedOnly({
        name: measure.name,
        title: measure.title,
        kind: measure.kind,
        measures: measure.measures.map(ref =>
            definedOnly({ kind: ref.ref ? kindLabel(ref.ref) : undefined, name: refName(ref)! }),
        ),
        unit: measure.unit,
        baseline: measure.baseline ? describeQuantity(measure.baseline.value) : undefined,
        baselineDate: measure.baseline?.date,
        target: measure.target ? describeTarget(measure.target) : undefined,
        direction: measure.direction,
        source: source?.evidence
            ? ({ kind: 'evidence', name: refName(source.evidence)! } as const)
            : source?.text !== undefined
              ? ({ kind: 'text', text: source.text } as const)
              : undefined,
        frequency: measure.frequency,
        owner: refName(measure.owner),
        method: measure.method,
        collectedBy: refName(measure.collectedBy),
        sites: measure.siteFigures.length > 0 ? siteRows(measure) : undefined,
    });
}

/** One row per site, its baseline and target together however many lines they were written on. */
function siteRows(measure: ast.Measure): SiteFiguresRow[] {
    const rows = new Map<string, SiteFiguresRow>();
    for (const figures of measure.siteFigures) {
        const site = refName(figures.site);
        if (site === undefined) {
            continue;
        }
        const row = rows.get(site) ?? { site };
        if (figures.baseline) {
            row.baseline = describeQuantity(figures.baseline.value);
            row.baselineDate = figures.baseline.date;
        }
        if (figures.target) {
            row.target = describeTarget(figures.target);
        }
        rows.set(site, row);
    }
    return [...rows.values()].map(definedOnly);
}

/** Drops the fields that are undefined, so the plan compares and serialises cleanly. */
function definedOnly<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const describeItem = (item: MeasuredItem) => (item.kind ? `${item.kind} ${item.name}` : item.name);
const describeSource = (source: MeasureSource | undefined) =>
    source && (source.kind === 'evidence' ? source.name : source.text);
const describeBaseline = (row: { baseline?: string; baselineDate?: string }) =>
    row.baseline === undefined ? undefined : row.baselineDate ? `${row.baseline} on ${row.baselineDate}` : row.baseline;
/** `WardA: baseline 3 on 2025-01-31, target reach 2; WardB: ...`, or undefined with no site figures. */
const describeSites = (row: MeasurementPlanRow) =>
    row.sites
        ?.map(site =>
            [
                `${site.site}:`,
                [site.baseline && `baseline ${describeBaseline(site)}`, site.target && `target ${site.target}`]
                    .filter(Boolean)
                    .join(', '),
            ].join(' '),
        )
        .join('; ');

// ---------------------------------------------------------------- Markdown

const MISSING = '—';

/** A table cell: `|` escaped, line breaks as `<br>`, and `—` for a value not given. */
function cell(value: string | undefined): string {
    if (value === undefined || value === '') {
        return MISSING;
    }
    return markdownText(value)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r\n|\r|\n/g, '<br>');
}

/** Text on a list line: line breaks folded into spaces. */
const inline = (value: string) => markdownText(value).replace(/\s*(\r\n|\r|\n)\s*/g, ' ');

/**
 * The plan as Markdown, to paste into a report: a heading, a table of the measures, then the
 * outcomes not measured and the risks and side effects not watched.
 */
export function measurementPlanMarkdown(plan: MeasurementPlan): string {
    const lines = [`# Measurement plan${plan.programme ? `: ${markdownText(plan.programme)}` : ''}`, ''];
    const counts = (['outcome', 'process', 'balancing'] as const)
        .map(kind => [kind, plan.measures.filter(row => row.kind === kind).length] as const)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${n} ${kind}`);
    const unkinded = plan.measures.filter(row => !row.kind).length;
    if (unkinded > 0) {
        counts.push(`${unkinded} without a kind`);
    }
    if (plan.measures.length === 0) {
        lines.push('No measures.');
    } else {
        lines.push(
            `${plan.measures.length} ${plan.measures.length === 1 ? 'measure' : 'measures'}: ${counts.join(', ')}.`,
            '',
        );
        lines.push(
            '| measure | kind | measures | unit | baseline | target | direction | source | frequency | owner | method | collected by | sites | latest | signal | assurance |',
            '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        );
        for (const row of plan.measures) {
            const cells = [
                row.title ? `${row.name}: ${row.title}` : row.name,
                row.kind,
                row.measures.map(describeItem).join(', '),
                row.unit,
                describeBaseline(row),
                row.target,
                row.direction,
                describeSource(row.source),
                row.frequency,
                row.owner,
                row.method,
                row.collectedBy,
                describeSites(row),
                describeBaseline({ baseline: row.latest?.toString(), baselineDate: row.latestDate }),
                row.signal,
                row.assurance,
            ];
            lines.push(`| ${cells.map(cell).join(' | ')} |`);
        }
    }
    const list = (title: string, items: UnmeasuredItem[], none: string) => {
        lines.push('', `## ${title}`, '');
        lines.push(
            ...(items.length === 0
                ? [none]
                : items.map(item => `- ${item.kind} ${item.name}${item.title ? `: ${inline(item.title)}` : ''}`)),
        );
    };
    list('Outcomes not measured', plan.unmeasuredOutcomes, 'None: every outcome has a measure.');
    list('Risks not watched', plan.unwatchedRisks, 'None: every risk and side effect has a measure watching it.');
    return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- CSV

const CSV_HEADER = [
    'measure',
    'title',
    'kind',
    'measures',
    'unit',
    'baseline',
    'baseline date',
    'target',
    'direction',
    'source',
    'frequency',
    'owner',
    'method',
    'collected by',
    'sites',
    'latest',
    'latest date',
    'signal',
    'assurance',
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with quotes
 * doubled. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is neutralised with a leading `'`, as OWASP advises against CSV injection; a
 * plain number such as `-5` is left as it is. Control characters are shown as escapes.
 */
function csvField(value: string | undefined): string {
    if (value === undefined) {
        return '';
    }
    const visible = visibleText(value);
    const safe = /^[=+\-@\t\r]/.test(visible) && !/^[+-]?\d+(\.\d+)?%?$/.test(visible) ? `'${visible}` : visible;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The plan as CSV (RFC 4180), for a spreadsheet: a header row, then one row per measure, each
 * line ended by CRLF. A value not given is an empty field.
 *
 * Only the measures are in it, so that every row has the same columns: the outcomes not measured
 * and the risks not watched are in the Markdown report only.
 */
export function measurementPlanCsv(plan: MeasurementPlan): string {
    const rows = plan.measures.map(row => [
        row.name,
        row.title,
        row.kind,
        row.measures.length > 0 ? row.measures.map(describeItem).join(', ') : undefined,
        row.unit,
        row.baseline,
        row.baselineDate,
        row.target,
        row.direction,
        describeSource(row.source),
        row.frequency,
        row.owner,
        row.method,
        row.collectedBy,
        describeSites(row),
        row.latest?.toString(),
        row.latestDate,
        row.signal,
        row.assurance,
    ]);
    return [CSV_HEADER, ...rows].map(fields => fields.map(csvField).join(',') + '\r\n').join('');
}
