import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { ruleById } from './catalogue/index.js';
import type { Finding } from './rule-engine.js';

export const INVALID_SUPPRESSION = 'invalid-suppression';
export const UNUSED_SUPPRESSION = 'unused-suppression';

/** `// toc-ignore <rule-id>: <reason>` */
const SUPPRESSION = /^\/\/\s*toc-ignore\b\s*(?<rule>[\w-]*)\s*(?::\s*(?<reason>.*))?$/;

export interface Suppression {
    rule: string;
    reason: string;
    /** The declaration it applies to: the one it stands in, or the next one. */
    element: AstNode | undefined;
    range: Range;
}

/** Problems with the suppressions themselves, reported like findings. */
export interface SuppressionProblem {
    code: typeof INVALID_SUPPRESSION | typeof UNUSED_SUPPRESSION;
    range: Range;
    message: string;
}

export function findSuppressions(document: LangiumDocument): Suppression[] {
    const model = document.parseResult.value as Model;
    const root = model.$cstNode;
    // Most files have none: skip the walk over every token.
    if (!root || !document.textDocument.getText().includes('toc-ignore')) {
        return [];
    }
    const declarations = model.elements.filter(element => element.$cstNode);
    const result: Suppression[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(node) || !node.hidden || !node.text.startsWith('//')) {
            continue;
        }
        const match = SUPPRESSION.exec(node.text.trim());
        if (!match?.groups) {
            continue;
        }
        result.push({
            rule: match.groups.rule,
            reason: (match.groups.reason ?? '').trim(),
            element: declarationFor(node, declarations),
            range: node.range,
        });
    }
    return result;
}

function declarationFor(comment: CstNode, declarations: AstNode[]): AstNode | undefined {
    const inside = declarations.find(d => d.$cstNode!.offset < comment.offset && comment.end <= d.$cstNode!.end);
    return inside ?? declarations.find(d => d.$cstNode!.offset >= comment.end);
}

function within(node: AstNode, ancestor: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (current === ancestor) {
            return true;
        }
    }
    return false;
}

/**
 * Removes the findings a suppression comment covers. A suppression must name a known rule and give
 * a reason; one without a reason suppresses nothing. Suppressions that cover nothing are reported.
 */
export function applySuppressions(
    findings: Finding[],
    suppressions: Suppression[],
): { kept: Finding[]; problems: SuppressionProblem[] } {
    const problems: SuppressionProblem[] = [];
    const active = suppressions.filter(s => {
        if (!s.rule) {
            problems.push({
                code: INVALID_SUPPRESSION,
                range: s.range,
                message: 'This toc-ignore names no rule: write `// toc-ignore <rule-id>: <reason>`.',
            });
            return false;
        }
        if (!ruleById(s.rule)) {
            problems.push({
                code: INVALID_SUPPRESSION,
                range: s.range,
                message: `\`${s.rule}\` is not a rule of the catalogue, so this toc-ignore suppresses nothing. Check the rule id.`,
            });
            return false;
        }
        if (!s.reason) {
            problems.push({
                code: INVALID_SUPPRESSION,
                range: s.range,
                message: `This toc-ignore of \`${s.rule}\` gives no reason, so it suppresses nothing: add \`: <why the rule does not apply here>\`.`,
            });
            return false;
        }
        return true;
    });
    const used = new Set<Suppression>();
    const kept = findings.filter(finding => {
        const covering = active.find(s => s.rule === finding.code && s.element && within(finding.node, s.element));
        if (covering) {
            used.add(covering);
            return false;
        }
        return true;
    });
    for (const s of active) {
        if (!used.has(s)) {
            const target = s.element && 'name' in s.element ? ` on \`${String(s.element.name)}\`` : '';
            problems.push({
                code: UNUSED_SUPPRESSION,
                range: s.range,
                message: `This toc-ignore of \`${s.rule}\` suppresses nothing${target}: the rule does not fire here. Remove it.`,
            });
        }
    }
    return { kept, problems };
}
