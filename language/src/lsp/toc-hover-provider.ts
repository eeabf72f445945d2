import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { challengeLabel } from '../rules/challenges.js';
import { ruleById } from '../rules/catalogue/index.js';
import { ruleDocsUrl } from '../config/toc-config.js';
import { AstUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { ModelAnalysis } from '../analysis/model-analysis.js';
import { kindLabel } from '../declarations.js';
import * as ast from '../generated/ast.js';
import type { TocServices } from '../toc-module.js';
import { describeQuantity, describeTarget } from '../analysis/describe.js';
import type { MeasureData } from '../data/measure-data.js';
import { briefOf, plottedValues } from '../data/measure-reading.js';
import { describeBrief } from '../data/reading-brief.js';
import { SPARKLINE_POINTS, sparkline } from '../charts/sparkline.js';

/** Hover shows what a name is, how it sits in the causal graph, and how it is measured. */
export class TocHoverProvider extends AstNodeHoverProvider {
    protected readonly analysis: ModelAnalysis;
    protected readonly measureData: MeasureData;

    constructor(services: TocServices) {
        super(services);
        this.analysis = services.analysis.ModelAnalysis;
        this.measureData = services.data.MeasureData;
    }

    /** On a finding, the challenge it belongs to and why it matters come first; then the element. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const element = await super.getHoverContent(document, params);
        const explanations = (document.diagnostics ?? [])
            .filter(diagnostic => contains(diagnostic.range, params.position))
            .map(diagnostic => (typeof diagnostic.code === 'string' ? ruleById(diagnostic.code) : undefined))
            .filter(rule => rule !== undefined)
            .map(
                rule =>
                    `**${challengeLabel(rule.challenge)}** · \`${rule.id}\`\n\n${rule.summary} [About this rule](${ruleDocsUrl(rule.id)})`,
            );
        if (explanations.length === 0) {
            return element;
        }
        const elementText =
            element && typeof element.contents === 'object' && 'value' in element.contents
                ? element.contents.value
                : undefined;
        return {
            contents: {
                kind: 'markdown',
                value: [...new Set(explanations), elementText].filter(Boolean).join('\n\n---\n\n'),
            },
        };
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (!ast.isElement(node)) {
            return undefined;
        }
        const name = 'name' in node && node.name ? node.name : undefined;
        const title = 'title' in node && node.title ? ` — ${node.title}` : '';
        const lines = [`**${kindLabel(node)}** \`${name ?? describeLink(node)}\`${title}`];
        const facts = this.facts(node);
        if (facts.length > 0) {
            lines.push(facts.join(' · '));
        }
        if ('description' in node && node.description) {
            lines.push(node.description);
        }
        if (ast.isCausalNode(node) || ast.isRisk(node)) {
            const model = this.analysis.modelOf(AstUtils.getDocument(node));
            if (ast.isCausalNode(node)) {
                const causes = model.linksTo(node).map(link => `${link.source.ref?.name}${strengthNote(link)}`);
                const effects = model.linksFrom(node).map(link => `${link.target.ref?.name}${strengthNote(link)}`);
                lines.push(`**Caused by:** ${causes.join(', ') || 'nothing yet'}`);
                lines.push(`**Leads to:** ${effects.join(', ') || 'nothing yet'}`);
            }
            const measures = model.measuresOf(node).map(m => (m.kind ? `${m.name} (${m.kind})` : m.name));
            lines.push(`**Measured by:** ${measures.join(', ') || 'no measure'}`);
        }
        if (ast.isMeasure(node)) {
            const data = this.dataLine(node);
            if (data) {
                lines.push(data);
            }
        }
        return lines.join('\n\n');
    }

    /** What the measure's data show as on the check date: its latest value, its signal and its assurance. */
    private dataLine(measure: ast.Measure): string | undefined {
        const document = AstUtils.getDocument(measure);
        const root = this.analysis.rootOf(document);
        const reading = this.measureData.readingIn(measure, root);
        if (!reading) {
            return undefined;
        }
        // The latest points as a line of blocks: a picture any editor's hover can show.
        const shown = Math.min(reading.series.length, SPARKLINE_POINTS);
        const which = shown === reading.series.length ? `all ${shown}` : `last ${shown}`;
        const trend = shown > 1 ? `\n\n\`${sparkline(plottedValues(reading))}\` ${which} points, oldest first` : '';
        return `**Data:** ${describeBrief(briefOf(reading))}${trend}`;
    }

    private facts(node: ast.Element): string[] {
        switch (node.$type) {
            case 'Outcome':
                return [
                    node.horizon && `${node.horizon} term`,
                    node.target && `target ${describeTarget(node.target)}`,
                ].filter(isText);
            case 'Activity':
                return [
                    node.owner && `owner ${node.owner.$refText}`,
                    node.start && `from ${node.start}`,
                    node.end && `to ${node.end}`,
                ].filter(isText);
            case 'Measure':
                return [
                    node.kind && `${node.kind} measure`,
                    node.measures.length > 0 && `of ${node.measures.map(m => m.$refText).join(', ')}`,
                    node.baseline &&
                        `baseline ${describeQuantity(node.baseline.value)}${node.baseline.date ? ` on ${node.baseline.date}` : ''}`,
                    node.target && `target ${describeTarget(node.target)}`,
                    ...node.siteFigures.map(figures =>
                        [
                            `at ${figures.site?.$refText ?? '?'}:`,
                            figures.baseline && `baseline ${describeQuantity(figures.baseline.value)}`,
                            figures.target && `target ${describeTarget(figures.target)}`,
                        ]
                            .filter(isText)
                            .join(' '),
                    ),
                    node.method && `by ${node.method}`,
                    node.frequency,
                    node.owner && `owner ${node.owner.$refText}`,
                    node.collectedBy && `collected by ${node.collectedBy.$refText}`,
                ].filter(isText);
            case 'Context':
                return [
                    node.sites.length > 0 && `at ${node.sites.map(s => s.$refText).join(', ')}`,
                    node.readiness && `readiness ${node.readiness}`,
                    node.capacity && `capacity ${node.capacity}`,
                ].filter(isText);
            case 'Link':
                return [
                    node.feedback && 'feedback loop',
                    node.strength && `${node.strength} evidence`,
                    node.mechanism && `mechanism: ${node.mechanism.text ?? node.mechanism.mechanism?.$refText}`,
                    node.assumptions.length > 0 && `assumes ${node.assumptions.map(a => a.$refText).join(', ')}`,
                ].filter(isText);
            case 'Stakeholder':
            case 'Person':
                return [
                    node.level,
                    node.professions.join(', '),
                    node.role,
                    node.designInvolved && 'involved in design',
                ].filter(isText);
            case 'Assumption':
                return [node.risk && `${node.risk} risk`, node.check && `checked by ${node.check}`].filter(isText);
            case 'Programme':
                return [
                    node.period && `${node.period.start} to ${node.period.end}`,
                    node.setting,
                    node.sponsors.length > 0 && `sponsored by ${node.sponsors.map(s => s.$refText).join(', ')}`,
                    node.funders.length > 0 && `funded by ${node.funders.map(f => f.$refText).join(', ')}`,
                ].filter(isText);
            case 'Resource':
                return [node.kind, node.amount && describeQuantity(node.amount)].filter(isText);
            case 'Incentive':
                return node.kind ? [node.kind] : [];
            case 'Evidence':
                return [node.strength && `${node.strength} evidence`, node.kind].filter(isText);
            default:
                return [];
        }
    }
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0;
}

function strengthNote(link: ast.Link): string {
    return link.strength ? ` (${link.strength})` : '';
}

function describeLink(node: ast.Element): string {
    return ast.isLink(node) ? `${node.source?.$refText ?? '?'} -> ${node.target?.$refText ?? '?'}` : '';
}

function contains(range: Range, position: Position): boolean {
    const after =
        position.line > range.start.line ||
        (position.line === range.start.line && position.character >= range.start.character);
    const before =
        position.line < range.end.line ||
        (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
