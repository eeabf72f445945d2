import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, WorkspaceCache } from 'langium';
import { findPropertyNode } from '../utils/cst.js';
import type { Range } from 'vscode-languageserver';
import type { ModelAnalysis } from '../analysis/model-analysis.js';
import type { TocConfigProvider } from '../config/config-provider.js';
import type { ResolvedConfig } from '../config/toc-config.js';
import type { Measure, Model } from '../generated/ast.js';
import { isLink, isModel, isProgramme } from '../generated/ast.js';
import type { TocServices } from '../toc-module.js';
import type { MeasureData } from '../data/measure-data.js';
import type { FindingReport, RuleContext, Severity } from './rule.js';
import { applySuppressions, findSuppressions } from './suppressions.js';
import { declarationsByName } from '../validation/structure/duplicate-names.js';

export const RULE_FAILED = 'rule-failed';

/** What a rule reported, with the id and the severity in effect. */
export interface Finding extends FindingReport {
    /** The rule id, or `rule-failed` when a rule broke. */
    code: string;
    severity: Severity;
}

/** The property a finding is shown on: the one it names, or else the element's name. */
export function findingProperty(finding: Finding): string | undefined {
    return finding.range ? undefined : (finding.property ?? ('name' in finding.node ? 'name' : undefined));
}

/** Where a finding is shown, as the editor and the command line show it. */
export function findingRange(finding: Finding): Range {
    const cst = finding.node.$cstNode;
    return (
        finding.range ??
        findPropertyNode(cst, findingProperty(finding), finding.index)?.range ??
        cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
    );
}

/**
 * Runs the rule catalogue over whole models. A model is a programme file and everything it imports;
 * findings land on elements anywhere in it, and each file shows the findings located in it.
 * Results are computed once per model and workspace state.
 */
export class RuleEngine {
    protected readonly analysis: ModelAnalysis;
    protected readonly configs: TocConfigProvider;
    protected readonly measureData: MeasureData;
    protected readonly cache: WorkspaceCache<string, Finding[]>;

    constructor(services: TocServices) {
        this.analysis = services.analysis.ModelAnalysis;
        this.configs = services.config.ConfigProvider;
        this.measureData = services.data.MeasureData;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** The findings of every model the document belongs to that are located in the document. */
    findingsIn(document: LangiumDocument): Finding[] {
        const roots = this.analysis.rootsOf(document);
        if (roots.length === 1) {
            // One model, nearly always: its findings are distinct already.
            return this.findingsOf(roots[0]).filter(finding => AstUtils.getDocument(finding.node) === document);
        }
        const seen = new Set<string>();
        const result: Finding[] = [];
        for (const root of roots) {
            for (const finding of this.findingsOf(root)) {
                if (AstUtils.getDocument(finding.node) !== document) {
                    continue;
                }
                const key = `${finding.code}|${finding.message}|${finding.node.$cstNode?.offset}|${finding.property}|${finding.index}`;
                if (!seen.has(key)) {
                    seen.add(key);
                    result.push(finding);
                }
            }
        }
        return result;
    }

    /** The findings of a model as the user sees them: after each file's suppression comments. */
    reportedFindingsOf(root: LangiumDocument): Finding[] {
        const all = this.findingsOf(root);
        return this.analysis.modelOf(root).documents.flatMap(
            document =>
                applySuppressions(
                    all.filter(finding => AstUtils.getDocument(finding.node) === document),
                    findSuppressions(document),
                ).kept,
        );
    }

    /** Every finding of the model rooted at a document, wherever in the model it is located. */
    findingsOf(root: LangiumDocument): Finding[] {
        return this.cache.get(root.uri.toString(), () => this.run(root, this.configs.configFor(root.uri).config));
    }

    protected run(root: LangiumDocument, config: ResolvedConfig): Finding[] {
        const model = this.analysis.modelOf(root);
        const programme = model.elements.find(isProgramme);
        const findings: Finding[] = [];
        const asOf = this.configs.asOfFor(root.uri);
        const reading = (measure: Measure) => this.measureData.readingIn(measure, root);
        for (const { rule, severity, thresholds } of config.rules.values()) {
            if (severity === 'off' || (rule.needsProgramme && !programme)) {
                continue;
            }
            const context: RuleContext = {
                model,
                programme,
                data: measure => this.measureData.of(measure),
                asOf,
                reading,
                threshold: name => thresholds[name],
                // One shape for every finding: spreading the reports, whose fields vary, took a
                // tenth of the time of the rules when checking a folder of small models.
                report: ({ node, property, index, range, message, fix }) =>
                    findings.push({ node, property, index, range, message, fix, code: rule.id, severity }),
            };
            try {
                rule.check(context);
            } catch (error) {
                // A broken rule must not hide the findings of the others, nor stop the server.
                const anchor: AstNode = programme ?? model.elements[0] ?? root.parseResult.value;
                findings.push({
                    code: RULE_FAILED,
                    severity: 'warning',
                    node: anchor,
                    message: `Rule \`${rule.id}\` failed on this model and was skipped (${error instanceof Error ? error.message : String(error)}). The other rules ran; please report this.`,
                });
            }
        }
        return findings.filter(finding => !isSetAside(finding.node));
    }
}

/** Per parse (its root), the declarations the rules say nothing of. */
const setAsideByParse = new WeakMap<Model, Set<AstNode>>();

/**
 * Whether a node is part of a declaration the rules say nothing of, because an error already
 * says what is wrong with it: one that a syntax error falls in (between its start and the next
 * declaration's), whose fields may be cut short (`Activity \`undefined\` has no owner`), or a
 * later declaration of a name the file already declares, which nothing can refer to.
 */
function isSetAside(node: AstNode): boolean {
    let declaration = node;
    while (declaration.$container && !isModel(declaration.$container)) {
        declaration = declaration.$container;
    }
    const root = declaration.$container;
    const document = root?.$document;
    if (!document || !isModel(root)) {
        return false;
    }
    if (!isLink(declaration) && !(declaration as { name?: string }).name) {
        return true; // a declaration whose name a syntax error took
    }
    let setAside = setAsideByParse.get(root);
    if (!setAside) {
        const laterDuplicates = [...declarationsByName(root).values()].flatMap(([, ...later]) => later);
        setAside = new Set([...brokenDeclarations(document, root), ...laterDuplicates]);
        setAsideByParse.set(root, setAside);
    }
    return setAside.has(declaration);
}

function brokenDeclarations(document: LangiumDocument, model: Model): Set<AstNode> {
    const { lexerErrors, parserErrors } = document.parseResult;
    const broken = new Set<AstNode>();
    if (lexerErrors.length === 0 && parserErrors.length === 0) {
        return broken;
    }
    const end = document.textDocument.getText().length;
    const offsets = [
        ...lexerErrors.map(error => error.offset),
        ...parserErrors.map(error => (Number.isNaN(error.token.startOffset) ? end : error.token.startOffset)),
    ];
    const elements = model.elements.filter(element => element.$cstNode);
    elements.forEach((element, index) => {
        const from = element.$cstNode!.offset;
        const until = index + 1 < elements.length ? elements[index + 1].$cstNode!.offset : end + 1;
        if (offsets.some(offset => offset >= from && offset < until)) {
            broken.add(element);
        }
    });
    return broken;
}
