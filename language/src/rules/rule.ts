import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import type { Measure, Programme } from '../generated/ast.js';
import type { LoadedData } from '../data/measure-data.js';
import type { MeasureReading } from '../data/measure-reading.js';
import type { ChallengeId } from './challenges.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ThresholdDefinition {
    description: string;
    default: number;
    minimum: number;
    maximum?: number;
}

/**
 * What a quick fix needs to know, built by the rule that reports the finding and carried on the
 * diagnostic to the code action provider, which switches on `kind`.
 */
export type FixData =
    | { kind: 'add-measure'; target: string; measureKind: 'outcome' | 'balancing' }
    | { kind: 'add-mechanism' }
    | { kind: 'add-baseline' }
    | { kind: 'add-balancing-measure' }
    | { kind: 'add-sustain-plan' }
    | { kind: 'add-problem' }
    | { kind: 'add-context-ratings' }
    /** A staff-time resource for these activities. */
    | { kind: 'add-protected-time'; activities: string[] }
    /** Moves the programme's sponsor at this index into its funders. */
    | { kind: 'sponsor-to-funder'; index: number }
    /** Creates the missing data file the measure names, with its header row. */
    | { kind: 'create-data-file' };

/** Every kind of fix, keyed so that a kind added to FixData and left out here fails the typecheck. */
const FIX_KINDS: { readonly [Kind in FixData['kind']]: true } = {
    'add-measure': true,
    'add-mechanism': true,
    'add-baseline': true,
    'add-balancing-measure': true,
    'add-sustain-plan': true,
    'add-problem': true,
    'add-context-ratings': true,
    'add-protected-time': true,
    'sponsor-to-funder': true,
    'create-data-file': true,
};

/** Fix data as a client sent it back: anything else (another server's, or none) is not ours to act on. */
export function isFixData(value: unknown): value is FixData {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (typeof value !== 'object' || typeof kind !== 'string' || !Object.hasOwn(FIX_KINDS, kind)) {
        return false;
    }
    const fix = value as {
        kind: string;
        target?: unknown;
        measureKind?: unknown;
        index?: unknown;
        activities?: unknown;
    };
    switch (fix.kind) {
        case 'add-measure':
            return typeof fix.target === 'string' && (fix.measureKind === 'outcome' || fix.measureKind === 'balancing');
        case 'add-protected-time':
            return Array.isArray(fix.activities) && fix.activities.every(name => typeof name === 'string');
        case 'sponsor-to-funder':
            return Number.isInteger(fix.index) && (fix.index as number) >= 0;
        default:
            return true;
    }
}

export interface FindingReport {
    node: AstNode;
    /** The field the finding is about; the node's name when left out. */
    property?: string;
    /** Which value, for a field that holds a list. */
    index?: number;
    /** An explicit range, when neither a name nor one field fits. */
    range?: Range;
    message: string;
    fix?: FixData;
}

export interface RuleContext {
    readonly model: ProgrammeModel;
    /** A measure's data file as loaded, or `undefined` when it names none. */
    data(measure: Measure): LoadedData | undefined;
    /** The date the rules read as today (YYYY-MM-DD): `--as-of`, the configuration's `asOf`, or today. */
    readonly asOf: string;
    /** What a measure's data say as on `asOf`; `undefined` when it has no data file or the file cannot be used. */
    reading(measure: Measure): MeasureReading | undefined;
    /** The programme the model describes, if it declares one. */
    readonly programme: Programme | undefined;
    threshold(name: string): number;
    report(finding: FindingReport): void;
}

/**
 * One rule of the catalogue. Ids are stable: once released an id never changes meaning.
 * Findings go through `context.report`; the engine adds the id, severity and documentation link.
 */
export interface RuleDefinition {
    id: string;
    challenge: ChallengeId;
    /** A short statement of what the rule checks. */
    title: string;
    /** One paragraph, shown when hovering a finding. */
    summary: string;
    defaultSeverity: Severity;
    thresholds?: Record<string, ThresholdDefinition>;
    /** Rules about the model as a whole run only where a programme is declared. */
    needsProgramme?: boolean;
    check(context: RuleContext): void;
}
