import type { AstNode, CstNode, Properties, ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, UriUtils } from 'langium';
import { declarationNode } from '../../utils/cst.js';
import { isCalendarDate } from '../../utils/dates.js';
import type { Activity, Element, Measure, Programme } from '../../generated/ast.js';
import { isLink, isProgramme } from '../../generated/ast.js';
import { linkLabel } from '../../rules/catalogue/solution.js';
import { kindLabel } from '../../declarations.js';
import type { TocServices } from '../../toc-module.js';

export const REPEATED_FIELD = 'repeated-field';
export const INVALID_DATE = 'invalid-date';
export const DATE_ORDER = 'date-order';
export const SECOND_PROGRAMME = 'second-programme';

/** Whether a parse may hold a field given twice, for the check below to skip one that cannot. */
export interface RepeatedFieldHint {
    mayHaveRepeatedFields(root: AstNode): boolean;
}

/** Without knowledge of the parse, every declaration is read. */
export class NoRepeatedFieldHint implements RepeatedFieldHint {
    mayHaveRepeatedFields(): boolean {
        return true;
    }
}

/**
 * A field that takes one value, given twice: only the last would count, so the first would be
 * silently lost. Lists (`aim A, B`, repeated `figure`s) are not affected. Found from the
 * declaration's concrete syntax alone, so it works with any parser.
 */
export function checkRepeatedFields(services: TocServices): ValidationCheck<Element> {
    const hint = services.validation.RepeatedFieldHint;
    return (element: Element, accept: ValidationAcceptor) => {
        if (!hint.mayHaveRepeatedFields(AstUtils.findRootNode(element))) {
            return;
        }
        const cst = declarationNode(element.$cstNode);
        if (!isCompositeCstNode(cst)) {
            return;
        }
        // One pass over the declaration's own tokens, grouping them by the single-value field they fill.
        const byField = new Map<string, { assignment: GrammarAST.Assignment; occurrences: CstNode[] }>();
        let declarationAssignment: GrammarAST.Assignment | undefined | null = null;
        for (const child of cst.content) {
            if (child.hidden) {
                continue;
            }
            // What GrammarUtils.findAssignment(child) ?? valueAssignment(child) gives, with the
            // grammar lookups cached: this runs for every token of every declaration on each edit.
            let assignment: GrammarAST.Assignment | undefined;
            if (child.astNode === cst.astNode) {
                assignment =
                    assignmentAround(child.grammarSource) ??
                    (declarationAssignment ??= GrammarUtils.findAssignment(cst));
            } else if (isCompositeCstNode(child)) {
                assignment = assignmentAround(child.grammarSource);
            }
            if (assignment && assignment.operator !== '+=') {
                // Appended in place: copying the list for each occurrence made a field given
                // thousands of times take quadratic time (40,000 took about 17 s).
                const field = byField.get(assignment.feature);
                if (field) {
                    field.occurrences.push(child);
                } else {
                    byField.set(assignment.feature, { assignment, occurrences: [child] });
                }
            }
        }
        if (![...byField.values()].some(({ occurrences }) => occurrences.length > 1)) {
            return;
        }
        const where = isLink(element)
            ? `the link \`${linkLabel(element)}\``
            : element.name
              ? `\`${element.name}\``
              : `this ${kindLabel(element)}`;
        for (const { assignment, occurrences } of byField.values()) {
            for (const extra of occurrences.slice(0, -1)) {
                accept(
                    'error',
                    `\`${fieldWords(assignment)}\` is given more than once in ${where}; only the last one would count. Keep one.`,
                    { node: element, range: extra.range, code: REPEATED_FIELD },
                );
            }
        }
    };
}

/**
 * A site's baseline, or its target, given twice in one measure (`at WardA baseline ...` on two
 * lines): only one could count. A site's baseline and target may stand on lines of their own.
 */
export function checkRepeatedSiteFigures(): ValidationCheck<Measure> {
    return (measure: Measure, accept: ValidationAcceptor) => {
        for (const field of ['baseline', 'target'] as const) {
            const seen = new Set<string>();
            for (const figures of measure.siteFigures) {
                const site = figures.site?.$refText;
                if (!site || !figures[field]) {
                    continue;
                }
                if (seen.has(site)) {
                    accept(
                        'error',
                        `The ${field} of site \`${site}\` is given more than once in \`${measure.name}\`; only one can count. Keep one.`,
                        { node: figures, property: field, code: REPEATED_FIELD },
                    );
                }
                seen.add(site);
            }
        }
    };
}

const assignmentsAround = new Map<GrammarAST.AbstractElement, GrammarAST.Assignment | undefined>();

/**
 * The assignment a grammar element sits in. A child whose value is a node of its own (`mechanism`,
 * `source`, `target`, `baseline`, `period`) needs this too: GrammarUtils.findAssignment stops at
 * that node's boundary and finds nothing, so such a field given twice went unreported and its
 * first value was silently lost (found by fuzzing).
 */
function assignmentAround(element: GrammarAST.AbstractElement | undefined): GrammarAST.Assignment | undefined {
    if (!element) {
        return undefined;
    }
    if (!assignmentsAround.has(element)) {
        assignmentsAround.set(element, AstUtils.getContainerOfType(element, GrammarAST.isAssignment));
    }
    return assignmentsAround.get(element);
}

const wordsOfFields = new Map<GrammarAST.Assignment, string>();

/**
 * The words a person writes for a field, read from the grammar: the keywords just before its value
 * (`checked by`, `policy alignment`), a flag's own keywords (`involved in design`), or the first
 * keyword of a value that is a rule of its own (`baseline`); the property's name if none.
 */
export function fieldWords(assignment: GrammarAST.Assignment): string {
    let words = wordsOfFields.get(assignment);
    if (words === undefined) {
        words = keywordsAround(assignment) ?? assignment.feature.replace(/([A-Z])/g, ' $1').toLowerCase();
        wordsOfFields.set(assignment, words);
    }
    return words;
}

function keywordsAround(assignment: GrammarAST.Assignment): string | undefined {
    const group = assignment.$container;
    const siblings = GrammarAST.isGroup(group) ? group.elements : [assignment];
    const at = siblings.indexOf(assignment);
    const words: string[] = [];
    if (GrammarAST.isKeyword(assignment.terminal)) {
        words.push(assignment.terminal.value);
        for (let next = at + 1; next < siblings.length && GrammarAST.isKeyword(siblings[next]); next++) {
            words.push((siblings[next] as GrammarAST.Keyword).value);
        }
        return words.join(' ');
    }
    for (let before = at - 1; before >= 0 && GrammarAST.isKeyword(siblings[before]); before--) {
        words.unshift((siblings[before] as GrammarAST.Keyword).value);
    }
    if (words.length > 0) {
        return words.join(' ');
    }
    const rule = GrammarAST.isRuleCall(assignment.terminal) ? assignment.terminal.rule.ref : undefined;
    if (GrammarAST.isParserRule(rule)) {
        const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
        return GrammarAST.isKeyword(first) ? first.value : undefined;
    }
    return undefined;
}

/** The properties that hold dates, by the type of node that has them. */
export const DATE_PROPERTIES = {
    Period: ['start', 'end'],
    Activity: ['start', 'end'],
    Figure: ['date'],
    Target: ['date'],
    Baseline: ['date'],
} as const;

/** ISO dates that the calendar does not have, such as 2023-02-30. */
export function checkDates<T extends AstNode>(properties: ReadonlyArray<Properties<T>>): ValidationCheck<T> {
    return (node: T, accept: ValidationAcceptor) => {
        for (const property of properties) {
            const value = (node as unknown as Record<string, unknown>)[property as string];
            if (typeof value === 'string' && !isCalendarDate(value)) {
                accept('error', `${value} is not a date in the calendar. Write a real date as YYYY-MM-DD.`, {
                    node,
                    property,
                    code: INVALID_DATE,
                });
            }
        }
    };
}

export function checkProgrammePeriod(): ValidationCheck<Programme> {
    return (programme: Programme, accept: ValidationAcceptor) => {
        const period = programme.period;
        if (period && period.start > period.end) {
            accept(
                'error',
                `The period of \`${programme.name}\` ends (${period.end}) before it starts (${period.start}).`,
                {
                    node: period,
                    property: 'end',
                    code: DATE_ORDER,
                },
            );
        }
    };
}

export function checkActivityDates(): ValidationCheck<Activity> {
    return (activity: Activity, accept: ValidationAcceptor) => {
        if (activity.start && activity.end && activity.start > activity.end) {
            accept(
                'error',
                `Activity \`${activity.name}\` ends (${activity.end}) before it starts (${activity.start}).`,
                {
                    node: activity,
                    property: 'end',
                    code: DATE_ORDER,
                },
            );
        }
    };
}

/** A model (a file and its imports) describes one programme. */
export function checkSingleProgramme(services: TocServices): ValidationCheck<Programme> {
    const imports = services.workspace.Imports;
    return (programme: Programme, accept: ValidationAcceptor) => {
        const document = AstUtils.getDocument(programme);
        const others = imports
            .closure(document)
            .flatMap(doc => doc.parseResult.value.elements.filter(isProgramme))
            .filter(other => other !== programme);
        const first = others.find(other => precedes(other, programme));
        if (first) {
            const place =
                AstUtils.getDocument(first) === document
                    ? 'in this file'
                    : `in ${UriUtils.basename(AstUtils.getDocument(first).uri)}`;
            const which = first.name ? `\`${first.name}\`` : 'another programme';
            accept(
                'error',
                `A model describes one programme, and ${which} is already declared ${place}. Split the programmes into separate files that import what they share.`,
                {
                    node: programme,
                    property: 'name',
                    code: SECOND_PROGRAMME,
                },
            );
        }
    };
}

/** Document order within a file; a programme in an imported file always comes first. */
function precedes(a: AstNode, b: AstNode): boolean {
    if (AstUtils.getDocument(a) !== AstUtils.getDocument(b)) {
        return true;
    }
    return (a.$cstNode?.offset ?? 0) < (b.$cstNode?.offset ?? 0);
}
