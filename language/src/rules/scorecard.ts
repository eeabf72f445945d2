import { markdownText } from '../utils/markdown.js';
import { messageText } from '../utils/text.js';
import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { TocServices } from '../toc-module.js';
import { externalLeaders, internalLeaderLevels, levelOf } from '../analysis/programme-model.js';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import * as ast from '../generated/ast.js';
import type { ChallengeId } from './challenges.js';
import { CHALLENGES, challengeLabel } from './challenges.js';
import type { Finding } from './rule-engine.js';
import { findingRange } from './rule-engine.js';
import { ruleById } from './catalogue/index.js';

export interface ScorecardFinding {
    rule: string;
    /** As configured for the model's folder. */
    severity: Finding['severity'];
    message: string;
    /** The file the finding is in, as a URI. */
    uri: string;
    /** 1-based. */
    line: number;
}

/**
 * How far the model addresses a challenge: `addressed` when it shows what the challenge asks and
 * has no findings under it; `partly` when it shows it and only notes (info or hint findings)
 * remain; otherwise `not-addressed`.
 */
export type Verdict = 'addressed' | 'partly' | 'not-addressed';

export interface ScorecardEntry {
    challenge: ChallengeId;
    title: string;
    verdict: Verdict;
    /** What the model must show to address the challenge, and whether it does. */
    asks: string;
    shows: boolean;
    findings: ScorecardFinding[];
    /** What the model shows that addresses the challenge. */
    strengths: string[];
}

/** An error in one of the model's files: while there is any, the model is not scored. */
export interface ScorecardError {
    message: string;
    uri: string;
    /** 1-based. */
    line: number;
}

export interface Scorecard {
    programme: string | undefined;
    /** Empty for a model that is scored; otherwise `entries` is empty. */
    errors: ScorecardError[];
    entries: ScorecardEntry[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const share = (part: number, whole: number, what: string) => `${part} of ${whole} ${what}`;
const names = (items: ReadonlyArray<{ name: string }>) => items.map(item => `\`${item.name}\``).join(', ');
const NOTES: ReadonlySet<Finding['severity']> = new Set(['info', 'hint']);

/** The model against the ten challenges: for each, its verdict, its findings and what already addresses it. */
export function buildScorecard(model: ProgrammeModel, findings: Finding[]): Scorecard {
    const programme = model.all(ast.isProgramme)[0];
    const errors = model.errors().flatMap(({ document, diagnostics }) =>
        diagnostics.map(diagnostic => ({
            message: messageText(diagnostic.message),
            uri: document.uri.toString(),
            line: diagnostic.range.start.line + 1,
        })),
    );
    if (errors.length > 0) {
        return { programme: programme?.name, errors, entries: [] };
    }
    const readings = readingsOf(model);
    return {
        programme: programme?.name,
        errors: [],
        entries: CHALLENGES.map(challenge => {
            const reading = readings[challenge.id];
            const under = findings
                .filter(finding => ruleById(finding.code)?.challenge === challenge.id)
                .map(finding => ({
                    rule: finding.code,
                    severity: finding.severity,
                    message: finding.message,
                    uri: AstUtils.getDocument(finding.node).uri.toString(),
                    line: findingRange(finding).start.line + 1,
                }));
            const verdict: Verdict = !reading.shows
                ? 'not-addressed'
                : under.length === 0
                  ? 'addressed'
                  : under.every(finding => NOTES.has(finding.severity))
                    ? 'partly'
                    : 'not-addressed';
            return {
                challenge: challenge.id,
                title: challengeLabel(challenge.id),
                verdict,
                asks: reading.asks,
                shows: reading.shows,
                findings: under,
                strengths: reading.strengths,
            };
        }),
    };
}

interface Reading {
    /** The positive check: what addresses the challenge, in a few words. */
    asks: string;
    shows: boolean;
    strengths: string[];
}

/** For each challenge, the positive check and what the model shows towards it. */
function readingsOf(model: ProgrammeModel): Record<ChallengeId, Reading> {
    const problems = model.all(ast.isProblem);
    const outcomes = model.all(ast.isOutcome);
    const activities = model.all(ast.isActivity);
    const measures = model.measures;
    const links = model.links;
    const parties = model.parties();
    const incentives = model.all(ast.isIncentive);
    const plans = model.all(ast.isSustainPlan);
    const risks = model.all(ast.isRisk);
    const contexts = model.all(ast.isContext);
    const programme = model.all(ast.isProgramme)[0];
    const present = (condition: unknown, text: string) => (condition ? [text] : []);

    const sourced = problems.flatMap(p => p.figures).filter(f => f.value && f.source).length;
    const stories = problems.flatMap(p => p.stories).length;
    const explained = links.filter(l => l.mechanism).length;
    const evidenced = links.filter(l => l.strength === 'strong' || l.strength === 'moderate').length;
    const measured = outcomes.filter(o => model.measuresOf(o).length > 0).length;
    const baselined = measures.filter(m => m.baseline?.date).length;
    const resources = model.all(ast.isResource);
    const resourced = resources.filter(r => r.activities.length > 0);
    const support = resources.filter(r => r.kind === 'admin-support' || r.kind === 'data-support');
    const rated = contexts.filter(c => c.readiness && c.capacity);
    const owned = activities.filter(a => a.owner).length;
    const designers = parties.filter(p => levelOf(p) === 'frontline' && p.designInvolved);
    const professions = [...new Set(parties.flatMap(p => p.professions))];
    const leaderLevels = internalLeaderLevels(model);
    const outside = externalLeaders(model);
    const funders = programme?.funders.map(f => f.ref).filter((f): f is ast.Party => f !== undefined) ?? [];
    const carrots = incentives.filter(i => i.kind === 'carrot').length;
    const sticks = incentives.filter(i => i.kind === 'stick').length;
    const embedded = plans.flatMap(p => p.embeddings);
    const balancing = measures.filter(m => m.kind === 'balancing');
    const watched = risks.filter(r => model.measuresOf(r).length > 0).length;
    const aims = programme?.aims.map(a => a.ref).filter((o): o is ast.Outcome => o !== undefined) ?? [];
    const measurableAims = aims.filter(a => a.target?.value && a.target.date);

    return {
        1: {
            asks: 'a problem with a figure and its source',
            shows: sourced > 0,
            strengths: [
                ...present(problems.length > 0, `Problem stated: ${names(problems)}`),
                ...present(sourced > 0, `${count(sourced, 'figure')} with a source`),
                ...present(stories > 0, `${count(stories, 'patient or staff story', 'patient or staff stories')}`),
            ],
        },
        2: {
            asks: 'causal links, each with a mechanism',
            shows: links.length > 0 && explained === links.length,
            strengths: [
                ...present(links.length > 0, `${share(explained, links.length, 'links')} explain their mechanism`),
                ...present(
                    links.length > 0,
                    `${share(evidenced, links.length, 'links')} rest on strong or moderate evidence`,
                ),
            ],
        },
        3: {
            asks: 'a measure for every outcome',
            shows: outcomes.length > 0 && measured === outcomes.length,
            strengths: [
                ...present(outcomes.length > 0, `${share(measured, outcomes.length, 'outcomes')} are measured`),
                ...present(
                    measures.length > 0,
                    `${share(baselined, measures.length, 'measures')} have a dated baseline`,
                ),
            ],
        },
        4: {
            asks: 'resources put on the activities',
            shows: resourced.length > 0,
            strengths: [
                `${count(outcomes.filter(o => o.horizon === 'long').length, 'long-term outcome')}`,
                ...present(resources.length > 0, `Resources: ${names(resources)}`),
                ...present(funders.length > 0, `Funded by ${names(funders)}`),
            ],
        },
        5: {
            asks: 'a context rated for readiness and capacity',
            shows: rated.length > 0,
            strengths: [
                ...contexts.map(
                    c =>
                        `Context \`${c.name}\`: readiness ${c.readiness ?? 'not rated'}, capacity ${c.capacity ?? 'not rated'}`,
                ),
                ...present(support.length > 0, `Administrative or data support: ${names(support)}`),
            ],
        },
        6: {
            asks: 'frontline staff involved in designing the change',
            shows: designers.length > 0,
            strengths: [
                ...present(activities.length > 0, `${share(owned, activities.length, 'activities')} have an owner`),
                ...present(designers.length > 0, `Frontline staff involved in design: ${names(designers)}`),
                ...present(professions.length > 0, `Professions: ${professions.join(', ')}`),
            ],
        },
        7: {
            asks: 'leaders at two or more levels inside the organisation',
            shows: leaderLevels.length >= 2,
            strengths: [
                ...present(
                    leaderLevels.length > 0,
                    `Leaders inside the organisation at ${leaderLevels.join(', ')} level`,
                ),
                ...present(outside.length > 0, `Leaders from outside, not counted: ${names(outside)}`),
            ],
        },
        8: {
            asks: 'at least one incentive',
            shows: incentives.length > 0,
            strengths: present(incentives.length > 0, `${count(carrots, 'carrot')} and ${count(sticks, 'stick')}`),
        },
        9: {
            asks: 'a sustain plan that embeds the change in routine practice',
            shows: embedded.length > 0,
            strengths: [
                ...present(plans.length > 0, `Sustain plan: ${names(plans)}`),
                ...embedded.map(e => `Embedded in ${e.kind}: ${e.text}`),
            ],
        },
        10: {
            asks: 'a balancing measure',
            shows: balancing.length > 0,
            strengths: [
                ...present(balancing.length > 0, `Balancing measures: ${names(balancing)}`),
                ...present(
                    risks.length > 0,
                    `${share(watched, risks.length, 'risks and side effects')} are watched by a measure`,
                ),
            ],
        },
        methods: {
            asks: 'an aim that says how much and by when',
            shows: measurableAims.length > 0,
            strengths: measurableAims.map(a => `Aim \`${a.name}\` says how much and by when`),
        },
    };
}

/** The scorecard as Markdown, for the editor's preview and the command line. */
const VERDICTS: Record<Verdict, { mark: string; label: string }> = {
    addressed: { mark: '✓', label: 'addressed' },
    partly: { mark: '◐', label: 'partly' },
    'not-addressed': { mark: '✗', label: 'not addressed' },
};

export function scorecardMarkdown(scorecard: Scorecard, relativePath: (uri: string) => string): string {
    const lines = [`# Challenge scorecard${scorecard.programme ? `: ${scorecard.programme}` : ''}`, ''];
    const where = (item: { uri: string; line: number }) => `${markdownText(relativePath(item.uri))}:${item.line}`;
    if (scorecard.errors.length > 0) {
        lines.push(
            `Not scored: the model has ${count(scorecard.errors.length, 'error')}, and a model with errors cannot be read reliably. Fix ${scorecard.errors.length === 1 ? 'it' : 'them'} first:`,
            '',
            ...scorecard.errors.map(error => `- ${markdownText(error.message)} (${where(error)})`),
        );
        return lines.join('\n') + '\n';
    }
    const tally = (verdict: Verdict) => scorecard.entries.filter(e => e.verdict === verdict).length;
    lines.push(
        `Of ${scorecard.entries.length} areas, ${tally('addressed')} addressed, ${tally('partly')} partly (notes only), ${tally('not-addressed')} not addressed.`,
        '',
    );
    lines.push('| | area | verdict | findings |', '|---|---|---|---|');
    for (const entry of scorecard.entries) {
        const { mark, label } = VERDICTS[entry.verdict];
        lines.push(`| ${mark} | ${entry.title} | ${label} | ${entry.findings.length} |`);
    }
    for (const entry of scorecard.entries) {
        lines.push('', `## ${entry.title}`, '');
        const { mark, label } = VERDICTS[entry.verdict];
        lines.push(
            `${mark} **${label[0].toUpperCase()}${label.slice(1)}.** Asks for ${entry.asks}: ${entry.shows ? 'shown' : 'not shown'}.`,
            '',
        );
        if (entry.strengths.length > 0) {
            lines.push('What the model shows:', '', ...entry.strengths.map(s => `- ${markdownText(s)}`), '');
        }
        if (entry.findings.length === 0) {
            lines.push('No findings.');
        } else {
            lines.push(
                'Findings:',
                '',
                ...entry.findings.map(f => `- ${markdownText(f.message)} (\`${f.rule}\`, ${f.severity}, ${where(f)})`),
            );
        }
    }
    return lines.join('\n') + '\n';
}

/**
 * The scorecard of the model a document belongs to (the first programme that includes it, or the
 * document itself), counting the findings a user sees: after suppression comments.
 */
export function scorecardOf(services: TocServices, document: LangiumDocument): Scorecard {
    const root = services.analysis.ModelAnalysis.rootOf(document);
    return buildScorecard(
        services.analysis.ModelAnalysis.modelOf(root),
        services.rules.RuleEngine.reportedFindingsOf(root),
    );
}
