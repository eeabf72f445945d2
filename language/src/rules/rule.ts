import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import type { Programme } from '../generated/ast.js';
import type { ChallengeId } from './challenges.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface ThresholdDefinition {
    description: string;
    default: number;
    minimum: number;
    maximum?: number;
}

/** What a quick fix needs to know, carried on the diagnostic. */
export interface FixData {
    kind: string;
    [key: string]: unknown;
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
    /**
     * Cheap enough to run on every keystroke. Every rule of the catalogue is: each is at most
     * linear in the size of the model. A rule that is not would have to run on save instead.
     */
    fast: boolean;
    thresholds?: Record<string, ThresholdDefinition>;
    /** Rules about the model as a whole run only where a programme is declared. */
    needsProgramme?: boolean;
    check(context: RuleContext): void;
}
