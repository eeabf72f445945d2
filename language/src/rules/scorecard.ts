import { markdownText } from '../utils/markdown.js';
import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { TocServices } from '../toc-module.js';
import { levelOf } from '../analysis/programme-model.js';
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

export interface ScorecardEntry {
    challenge: ChallengeId;
    title: string;
    findings: ScorecardFinding[];
    /** What the model shows that addresses the challenge. */
    strengths: string[];
}

export interface Scorecard {
    programme: string | undefined;
    entries: ScorecardEntry[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const share = (part: number, whole: number, what: string) => `${part} of ${whole} ${what}`;
const names = (items: ReadonlyArray<{ name: string }>) => items.map(item => `\`${item.name}\``).join(', ');

/** The model against the ten challenges: for each, its findings and what already addresses it. */
export function buildScorecard(model: ProgrammeModel, findings: Finding[]): Scorecard {
    const programme = model.all(ast.isProgramme)[0];
    const strengths = strengthsOf(model);
    return {
        programme: programme?.name,
        entries: CHALLENGES.map(challenge => ({
            challenge: challenge.id,
            title: challengeLabel(challenge.id),
            findings: findings
                .filter(finding => ruleById(finding.code)?.challenge === challenge.id)
                .map(finding => ({
                    rule: finding.code,
                    severity: finding.severity,
                    message: finding.message,
                    uri: AstUtils.getDocument(finding.node).uri.toString(),
                    line: findingRange(finding).start.line + 1,
                })),
            strengths: strengths[String(challenge.id)] ?? [],
        })),
    };
}

function strengthsOf(model: ProgrammeModel): Record<string, string[]> {
    const problems = model.all(ast.isProblem);
    const outcomes = model.all(ast.isOutcome);
    const activities = model.all(ast.isActivity);
    const measures = model.measures;
    const links = model.links;
    const parties: ast.Party[] = [...model.all(ast.isStakeholder), ...model.all(ast.isPerson)];
    const incentives = model.all(ast.isIncentive);
    const plans = model.all(ast.isSustainPlan);
    const risks = model.all(ast.isRisk);
    const programme = model.all(ast.isProgramme)[0];
    const present = (condition: unknown, text: string) => (condition ? [text] : []);

    const sourced = problems.flatMap(p => p.figures).filter(f => f.value && f.source).length;
    const stories = problems.flatMap(p => p.stories).length;
    const explained = links.filter(l => l.mechanism).length;
    const evidenced = links.filter(l => l.strength === 'strong' || l.strength === 'moderate').length;
    const measured = outcomes.filter(o => model.measuresOf(o).length > 0).length;
    const baselined = measures.filter(m => m.baseline?.date).length;
    const resourced = model.all(ast.isResource);
    const support = resourced.filter(r => r.kind === 'admin-support' || r.kind === 'data-support');
    const owned = activities.filter(a => a.owner).length;
    const frontline = parties.filter(p => levelOf(p) === 'frontline' && p.designInvolved);
    const professions = [...new Set(parties.map(p => p.profession).filter(Boolean))];
    const leaderLevels = [
        ...new Set(
            [
                ...(programme?.sponsors.map(s => s.ref) ?? []),
                ...activities.map(a => a.owner?.ref),
                ...plans.map(p => p.owner?.ref),
            ]
                .map(levelOf)
                .filter(Boolean),
        ),
    ];
    const carrots = incentives.filter(i => i.kind === 'carrot').length;
    const sticks = incentives.filter(i => i.kind === 'stick').length;
    const embedded = plans.flatMap(p => p.embeddings);
    const balancing = measures.filter(m => m.kind === 'balancing');
    const watched = risks.filter(r => model.measuresOf(r).length > 0).length;
    const aims = programme?.aims.map(a => a.ref).filter((o): o is ast.Outcome => o !== undefined) ?? [];

    return {
        1: [
            ...present(problems.length > 0, `Problem stated: ${names(problems)}`),
            ...present(sourced > 0, `${count(sourced, 'figure')} with a source`),
            ...present(stories > 0, `${count(stories, 'patient or staff story', 'patient or staff stories')}`),
        ],
        2: [
            ...present(links.length > 0, `${share(explained, links.length, 'links')} explain their mechanism`),
            ...present(
                links.length > 0,
                `${share(evidenced, links.length, 'links')} rest on strong or moderate evidence`,
            ),
        ],
        3: [
            ...present(outcomes.length > 0, `${share(measured, outcomes.length, 'outcomes')} are measured`),
            ...present(measures.length > 0, `${share(baselined, measures.length, 'measures')} have a dated baseline`),
        ],
        4: [
            `${count(outcomes.filter(o => o.horizon === 'long').length, 'long-term outcome')}`,
            ...present(resourced.length > 0, `Resources: ${names(resourced)}`),
        ],
        5: [
            ...model
                .all(ast.isContext)
                .map(
                    c =>
                        `Context \`${c.name}\`: readiness ${c.readiness ?? 'not rated'}, capacity ${c.capacity ?? 'not rated'}`,
                ),
            ...present(support.length > 0, `Administrative or data support: ${names(support)}`),
        ],
        6: [
            ...present(activities.length > 0, `${share(owned, activities.length, 'activities')} have an owner`),
            ...present(frontline.length > 0, `Frontline staff involved in design: ${names(frontline)}`),
            ...present(professions.length > 0, `Professions: ${professions.join(', ')}`),
        ],
        7: present(leaderLevels.length > 0, `Leaders at ${leaderLevels.join(', ')} level`),
        8: present(incentives.length > 0, `${count(carrots, 'carrot')} and ${count(sticks, 'stick')}`),
        9: [
            ...present(plans.length > 0, `Sustain plan: ${names(plans)}`),
            ...embedded.map(e => `Embedded in ${e.kind}: ${e.text}`),
        ],
        10: [
            ...present(balancing.length > 0, `Balancing measures: ${names(balancing)}`),
            ...present(
                risks.length > 0,
                `${share(watched, risks.length, 'risks and side effects')} are watched by a measure`,
            ),
        ],
        methods: aims.filter(a => a.target?.date).map(a => `Aim \`${a.name}\` says how much and by when`),
    };
}

/** The scorecard as Markdown, for the editor's preview and the command line. */
export function scorecardMarkdown(scorecard: Scorecard, relativePath: (uri: string) => string): string {
    const lines = [`# Challenge scorecard${scorecard.programme ? `: ${scorecard.programme}` : ''}`, ''];
    const open = scorecard.entries.filter(e => e.findings.length > 0).length;
    lines.push(`${scorecard.entries.length - open} of ${scorecard.entries.length} areas show no findings.`, '');
    lines.push('| | area | findings |', '|---|---|---|');
    for (const entry of scorecard.entries) {
        lines.push(`| ${entry.findings.length === 0 ? '✓' : '✗'} | ${entry.title} | ${entry.findings.length} |`);
    }
    for (const entry of scorecard.entries) {
        lines.push('', `## ${entry.title}`, '');
        if (entry.strengths.length > 0) {
            lines.push('What the model shows:', '', ...entry.strengths.map(s => `- ${markdownText(s)}`), '');
        }
        if (entry.findings.length === 0) {
            lines.push('No findings.');
        } else {
            lines.push(
                'Findings:',
                '',
                ...entry.findings.map(
                    f => `- ${markdownText(f.message)} (\`${f.rule}\`, ${markdownText(relativePath(f.uri))}:${f.line})`,
                ),
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
    const root = services.analysis.ModelAnalysis.rootsOf(document)[0];
    return buildScorecard(
        services.analysis.ModelAnalysis.modelOf(root),
        services.rules.RuleEngine.reportedFindingsOf(root),
    );
}
