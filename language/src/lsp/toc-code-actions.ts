import type { AstNode, IndexManager, LangiumDocument } from 'langium';
import type { Grammar } from 'langium';
import { CstUtils, GrammarAST, GrammarUtils, isLeafCstNode } from 'langium';
import { closedSetValues } from '../parser/toc-error-messages.js';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, Position, Range, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { ruleById } from '../rules/catalogue/index.js';
import { TIME_KINDS } from '../rules/catalogue/ambition.js';
import type { FixData } from '../rules/rule.js';
import { isFixData } from '../rules/rule.js';
import type { TocServices } from '../toc-module.js';
import type { MeasureData } from '../data/measure-data.js';
import type { ModelAnalysis } from '../analysis/model-analysis.js';
import { levelOf } from '../analysis/programme-model.js';
import { today } from '../utils/dates.js';
import type { Snippet } from './snippet.js';
import { choice, lines, plainText, snippet, snippetText, stop } from './snippet.js';

const INDENT = '    ';

interface SnippetEdit {
    range: Range;
    text: Snippet;
}

/**
 * Quick fixes for the rule catalogue: a stub where the fix is obvious (a measure, a mechanism, a
 * baseline, a balancing measure, a sustain plan, a problem), and for every finding a suppression
 * comment with a reason to fill in. Every edit leaves the file parsing and in the canonical layout.
 */
export class TocCodeActionProvider implements CodeActionProvider {
    protected readonly index: IndexManager;
    protected readonly analysis: ModelAnalysis;
    protected readonly grammar: Grammar;
    /** Whether the client applies snippet edits (LSP 3.18), as VS Code does; told when it connects. */
    private clientTakesSnippets = false;
    /** Whether the client can create files as part of an edit; told when it connects. */
    private clientCreatesFiles = false;
    protected readonly measureData: MeasureData;

    constructor(services: TocServices) {
        this.index = services.shared.workspace.IndexManager;
        this.analysis = services.analysis.ModelAnalysis;
        this.grammar = services.Grammar;
        this.measureData = services.data.MeasureData;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
            this.clientTakesSnippets = workspaceEdit?.snippetEditSupport === true;
            this.clientCreatesFiles =
                workspaceEdit?.documentChanges === true &&
                workspaceEdit.resourceOperations?.includes('create') === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics.map(sent => asPublished(document, sent))) {
            const rule = typeof diagnostic.code === 'string' ? ruleById(diagnostic.code) : undefined;
            if (!rule) {
                continue;
            }
            const element = this.elementAt(document, diagnostic.range.start);
            const fix = isFixData(diagnostic.data) ? diagnostic.data : undefined;
            const stub = element && fix ? this.stubFix(document, element, fix, diagnostic) : undefined;
            if (stub) {
                actions.push(stub);
            }
            if (element) {
                actions.push(this.suppress(document, element, rule.id, diagnostic));
            }
        }
        return actions;
    }

    private stubFix(
        document: LangiumDocument,
        element: ast.Element,
        fix: FixData,
        diagnostic: Diagnostic,
    ): CodeAction | undefined {
        const fields = (...parts: Snippet[]) => parts.map(part => [INDENT, ...part]);
        const declaration = (head: Snippet, body: Snippet[]) => lines(head, ...body, ['}']);
        switch (fix.kind) {
            case 'add-measure': {
                const { target, measureKind: kind } = fix;
                const name = this.freshName(document, `${target}${kind === 'balancing' ? 'Watch' : 'Measure'}`);
                const title = kind === 'balancing' ? `Watches for ${target}` : `How ${target} is measured`;
                const text = declaration(
                    snippet`measure ${name} "${stop(title)}" {`,
                    fields(...this.measureFields(document, kind, target)),
                );
                return this.action(
                    `Add a measure of ${target}`,
                    diagnostic,
                    document,
                    this.afterElement(document, element, text),
                );
            }
            case 'add-mechanism':
                if (ast.isLink(element)) {
                    const why = `Why ${element.source.$refText} leads to ${element.target.$refText}`;
                    return this.action(
                        'Add a mechanism to this link',
                        diagnostic,
                        document,
                        this.addField(document, element, snippet`mechanism "${stop(why)}"`),
                    );
                }
                return undefined;
            case 'add-baseline':
                if (ast.isMeasure(element)) {
                    return this.action(
                        'Add a baseline to this measure',
                        diagnostic,
                        document,
                        this.addField(
                            document,
                            element,
                            snippet`baseline ${stop('0')} on ${stop(this.periodOf(document).start)}`,
                        ),
                    );
                }
                return undefined;
            case 'add-context-ratings':
                if (ast.isContext(element)) {
                    return this.action(
                        'Rate the readiness and capacity of this context',
                        diagnostic,
                        document,
                        this.addField(
                            document,
                            element,
                            lines(
                                snippet`readiness ${choice(...this.valuesOf('Rating'))}`,
                                snippet`${INDENT}capacity ${choice(...this.valuesOf('Rating'))}`,
                            ),
                        ),
                    );
                }
                return undefined;
            case 'add-balancing-measure': {
                const name = this.freshName(document, 'BalancingMeasure');
                const text = declaration(
                    snippet`measure ${name} "${stop('What could get worse because of the change')}" {`,
                    fields(...this.measureFields(document, 'balancing')),
                );
                return this.action('Add a balancing measure', diagnostic, document, this.atEnd(document, text));
            }
            case 'add-sustain-plan': {
                const name = this.freshName(document, 'SustainGains');
                const text = declaration(
                    snippet`sustain plan ${name} "${stop('How the gains outlast the programme')}" {`,
                    fields(
                        snippet`embedded in ${choice(...this.valuesOf('EmbeddingKind'))} "${stop('Name the procedure, guideline or standard')}"`,
                        snippet`funding after end "${stop('Who pays for the work once the programme ends')}"`,
                        snippet`succession "${stop('Who carries the work on when its leads move on')}"`,
                        snippet`owner ${stop(this.likelyOwner(document))}`,
                    ),
                );
                return this.action('Add a sustain plan', diagnostic, document, this.atEnd(document, text));
            }
            case 'add-protected-time': {
                const [first] = fix.activities;
                if (!first) {
                    return undefined;
                }
                const name = this.freshName(document, fix.activities.length === 1 ? `${first}Time` : 'ProtectedTime');
                const text = declaration(
                    snippet`resource ${name} "${stop('Protected time for the frontline staff who do the work')}" {`,
                    fields(
                        snippet`kind ${choice(...TIME_KINDS)}`,
                        snippet`amount ${stop('2')} "${stop('hours a week')}"`,
                        [`for ${fix.activities.join(', ')}`],
                    ),
                );
                return this.action('Protect frontline staff time', diagnostic, document, this.atEnd(document, text));
            }
            case 'sponsor-to-funder': {
                const sponsor = ast.isProgramme(element) ? element.sponsors[fix.index] : undefined;
                if (!ast.isProgramme(element) || !sponsor) {
                    return undefined;
                }
                const removal = this.removeListItem(document, element, 'sponsors', fix.index);
                const lastFunder = GrammarUtils.findNodesForProperty(element.$cstNode, 'funders').at(-1);
                const addition: SnippetEdit = lastFunder
                    ? {
                          range: { start: lastFunder.range.end, end: lastFunder.range.end },
                          text: [`, ${sponsor.$refText}`],
                      }
                    : this.addField(document, element, [`funder ${sponsor.$refText}`]);
                return removal
                    ? this.action(`Move ${sponsor.$refText} from sponsor to funder`, diagnostic, document, [
                          removal,
                          addition,
                      ])
                    : undefined;
            }
            case 'create-data-file': {
                const uri = ast.isMeasure(element) ? this.measureData.uriOf(element) : undefined;
                if (!ast.isMeasure(element) || !uri || !this.clientCreatesFiles) {
                    return undefined;
                }
                // A p or u chart reads counts out of denominators.
                const header = element.chart === 'p' || element.chart === 'u' ? 'date,value,denominator' : 'date,value';
                const start = { line: 0, character: 0 };
                return {
                    title: `Create ${element.data} with its header row`,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: true,
                    edit: {
                        documentChanges: [
                            // Never over a file: if one appeared meanwhile, creating it fails and nothing is changed.
                            { kind: 'create', uri: uri.toString() },
                            {
                                textDocument: { uri: uri.toString(), version: null },
                                edits: [{ range: { start, end: start }, newText: `${header}\n` }],
                            },
                        ],
                    },
                };
            }
            case 'add-problem': {
                const name = this.freshName(document, 'Problem');
                const teller = this.likelyOwner(document);
                const text = declaration(
                    snippet`problem ${name} "${stop('What is wrong, in one line')}" {`,
                    fields(
                        snippet`figure "${stop('What the figure shows')}" is ${stop('0')} on ${stop(this.periodOf(document).start)} source "${stop('Where the figure comes from')}"`,
                        snippet`story "${stop("A patient's or colleague's account")}" from ${stop(teller)}`,
                        snippet`agreed by ${stop(this.frontlineParty(document) ?? teller)}`,
                    ),
                );
                return this.action(
                    'Add a problem statement',
                    diagnostic,
                    document,
                    this.afterElement(document, element, text),
                );
            }
        }
    }

    /**
     * Every field the measurement rules ask of a measure of this kind, so that filling in the
     * stops leaves no new finding: an outcome measure also needs a target, a balancing measure
     * only watches (no baseline or direction asked).
     */
    private measureFields(
        document: LangiumDocument,
        kind: 'outcome' | 'process' | 'balancing',
        target?: string,
    ): Snippet[] {
        const watched = target ? [snippet`measures ${target}`] : [];
        const watching =
            kind === 'balancing'
                ? []
                : [
                      snippet`direction ${choice('increase', 'decrease')}`,
                      snippet`baseline ${stop('0')} on ${stop(this.periodOf(document).start)}`,
                  ];
        const goal =
            kind === 'outcome' ? [snippet`target reach ${stop('1')} by ${stop(this.periodOf(document).end)}`] : [];
        return [
            snippet`kind ${kind}`,
            ...watched,
            snippet`unit "${stop(kind === 'balancing' ? 'per 1,000 bed-days' : '% of patients')}"`,
            ...watching,
            ...goal,
            snippet`source "${stop('Where the data comes from')}"`,
            snippet`frequency ${choice('monthly', 'weekly', 'daily', 'quarterly')}`,
            snippet`owner ${stop(this.likelyOwner(document))}`,
        ];
    }

    /**
     * The stakeholder or person of the model who owns the fewest measures (the first declared
     * among equals), as the default owner: one who exists, and the one least likely to be
     * overloaded. `Owner` when the model names nobody, for the user to declare.
     */
    private likelyOwner(document: LangiumDocument): string {
        const model = this.analysis.modelOf(document);
        const parties = model.parties();
        const owned = (party: ast.Stakeholder | ast.Person) =>
            model.measures.filter(measure => measure.owner?.ref === party).length;
        const [best] = parties.filter(party => party.name).sort((a, b) => owned(a) - owned(b));
        return best?.name ?? 'Owner';
    }

    /** The first frontline stakeholder or person the model declares, who must agree a problem is real. */
    private frontlineParty(document: LangiumDocument): string | undefined {
        const model = this.analysis.modelOf(document);
        return model.parties().find(party => party.name && levelOf(party) === 'frontline')?.name;
    }

    /** The values a closed set allows, as the grammar lists them, for a choice in a snippet. */
    private valuesOf(rule: 'EmbeddingKind' | 'Rating'): string[] {
        const found = this.grammar.rules.find(r => r.name === rule);
        return (GrammarAST.isParserRule(found) && closedSetValues(found)) || [];
    }

    /** The programme's period, when it has one: a baseline is taken by its start, a target is due by its end. */
    private periodOf(document: LangiumDocument): { start: string; end: string } {
        const period = this.analysis.modelOf(document).all(ast.isProgramme)[0]?.period;
        return { start: period?.start ?? today(), end: period?.end ?? today() };
    }

    private suppress(document: LangiumDocument, element: ast.Element, id: string, diagnostic: Diagnostic): CodeAction {
        const line = element.$cstNode!.range.start.line;
        const start = { line, character: 0 };
        const name = 'name' in element && element.name ? ` for ${element.name}` : '';
        return this.action(
            `Suppress ${id}${name} (with a reason)`,
            diagnostic,
            document,
            {
                range: { start, end: start },
                text: snippet`// toc-ignore ${id}: ${stop('say why this rule does not apply here')}\n`,
            },
            false,
        );
    }

    /**
     * A fix as one edit: a snippet for a client that takes snippet edits (the user then tabs
     * through what to fill in), otherwise the same text with each stop's default.
     */
    private action(
        title: string,
        diagnostic: Diagnostic,
        document: LangiumDocument,
        edit: SnippetEdit | SnippetEdit[],
        isPreferred = true,
    ): CodeAction {
        const uri = document.textDocument.uri;
        const edits = Array.isArray(edit) ? edit : [edit];
        const hasStops = (text: Snippet) => text.some(part => typeof part !== 'string');
        const workspaceEdit: WorkspaceEdit = this.clientTakesSnippets
            ? {
                  documentChanges: [
                      {
                          textDocument: { uri, version: document.textDocument.version },
                          edits: edits.map(({ range, text }) =>
                              hasStops(text)
                                  ? { range, snippet: { kind: 'snippet', value: snippetText(text) } }
                                  : { range, newText: plainText(text) },
                          ),
                      },
                  ],
              }
            : { changes: { [uri]: edits.map(({ range, text }) => ({ range, newText: plainText(text) })) } };
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: workspaceEdit };
    }

    /** The top-level declaration a position falls in. */
    private elementAt(document: LangiumDocument, position: Position): ast.Element | undefined {
        const offset = document.textDocument.offsetAt(position);
        const model = document.parseResult.value as ast.Model;
        return model.elements.find(e => e.$cstNode && e.$cstNode.offset <= offset && offset <= e.$cstNode.end);
    }

    /** A new declaration on its own, after the line where this declaration ends. */
    private afterElement(document: LangiumDocument, element: AstNode, text: Snippet): SnippetEdit {
        const endLine = element.$cstNode!.range.end.line;
        const lineEnd = document.textDocument.offsetAt({ line: endLine + 1, character: 0 });
        const content = document.textDocument.getText();
        const atEndOfFile = lineEnd >= content.length && !content.endsWith('\n');
        const position = document.textDocument.positionAt(lineEnd);
        return { range: { start: position, end: position }, text: [atEndOfFile ? '\n\n' : '\n', ...text, '\n'] };
    }

    private atEnd(document: LangiumDocument, text: Snippet): SnippetEdit {
        const content = document.textDocument.getText();
        const position = document.textDocument.positionAt(content.length);
        const separator = content.length === 0 ? '' : content.endsWith('\n') ? '\n' : '\n\n';
        return { range: { start: position, end: position }, text: [separator, ...text, '\n'] };
    }

    /**
     * The edit that takes one value out of a list field (`sponsor A, B`): the value and its comma,
     * or the whole field, and its line when it stands alone, when the value is the only one.
     */
    private removeListItem(
        document: LangiumDocument,
        element: AstNode,
        property: string,
        index: number,
    ): SnippetEdit | undefined {
        const item = GrammarUtils.findNodesForProperty(element.$cstNode, property)[index];
        const tokens = element.$cstNode
            ? CstUtils.streamCst(element.$cstNode)
                  .filter(isLeafCstNode)
                  .filter(node => !node.hidden)
                  .toArray()
            : [];
        const at = tokens.findIndex(token => token.offset === item?.offset);
        if (!item || at <= 0) {
            return undefined;
        }
        const [before, after] = [tokens[at - 1], tokens[at + 1]];
        const text = document.textDocument;
        const remove = (start: number, end: number): SnippetEdit => ({
            range: { start: text.positionAt(start), end: text.positionAt(end) },
            text: [],
        });
        if (before.text === ',') {
            return remove(tokens[at - 2].end, item.end);
        }
        if (after?.text === ',') {
            return remove(item.offset, tokens[at + 2]?.offset ?? after.end);
        }
        // The only value: `before` is the field's keyword.
        const content = text.getText();
        const lineStart = content.lastIndexOf('\n', before.offset - 1) + 1;
        const lineEnd = content.indexOf('\n', item.end);
        const alone =
            content.slice(lineStart, before.offset).trim() === '' &&
            content.slice(item.end, lineEnd === -1 ? content.length : lineEnd).trim() === '';
        return alone && lineEnd !== -1 ? remove(lineStart, lineEnd + 1) : remove(before.offset, item.end);
    }

    /** A field as the first line of a declaration's block, creating the block when there is none. */
    private addField(document: LangiumDocument, element: AstNode, field: Snippet): SnippetEdit {
        const cst = element.$cstNode!;
        const open = CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{' && !node.hidden);
        if (open) {
            const line = open.range.start.line;
            const lineEnd = document.textDocument.offsetAt({ line: line + 1, character: 0 }) - 1;
            const text = document.textDocument.getText();
            const at = text[lineEnd] === '\n' ? lineEnd : text.length;
            const position = document.textDocument.positionAt(at);
            return { range: { start: position, end: position }, text: [`\n${INDENT}`, ...field] };
        }
        const end = cst.range.end;
        return { range: { start: end, end }, text: [` {\n${INDENT}`, ...field, '\n}'] };
    }

    private freshName(document: LangiumDocument, base: string): string {
        const taken = new Set(this.index.allElements().map(d => d.name));
        const model = document.parseResult.value as ast.Model;
        model.elements.forEach(e => 'name' in e && e.name && taken.add(e.name));
        let name = base;
        for (let i = 2; taken.has(name); i++) {
            name = `${base}${i}`;
        }
        return name;
    }
}

/**
 * The diagnostic as the server published it. Some clients send back only a diagnostic's range,
 * message and severity (Monaco's language client among them), without the code and data its
 * quick fixes are found by: such a diagnostic is matched to the document's own by range and message.
 */
function asPublished(document: LangiumDocument, sent: Diagnostic): Diagnostic {
    if (sent.code !== undefined) {
        return sent;
    }
    const same = (a: Range, b: Range) =>
        a.start.line === b.start.line &&
        a.start.character === b.start.character &&
        a.end.line === b.end.line &&
        a.end.character === b.end.character;
    return document.diagnostics?.find(d => d.message === sent.message && same(d.range, sent.range)) ?? sent;
}
