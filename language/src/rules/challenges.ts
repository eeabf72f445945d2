/**
 * The ten challenges of improving quality identified by Dixon-Woods, McNicol and Martin,
 * "Overcoming challenges to improving quality" (Health Foundation, 2012), plus the improvement
 * methods teams already use (IHI Model for Improvement), which some rules come from.
 * Titles and summaries are in this project's own words.
 */
export type ChallengeId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 'methods';

export interface Challenge {
    id: ChallengeId;
    title: string;
    /** One sentence on why the challenge sinks programmes. */
    summary: string;
}

export const CHALLENGES: readonly Challenge[] = [
    {
        id: 1,
        title: 'Convincing people that there is a problem',
        summary:
            'Staff commit to change when they accept the problem is real and local: figures with a source, and the voices of patients and staff.',
    },
    {
        id: 2,
        title: 'Convincing people that the solution is the right one',
        summary: 'A change needs evidence that it works and a stated reason why each step should lead to the next.',
    },
    {
        id: 3,
        title: 'Getting data collection and monitoring right',
        summary:
            'Measures planned from the start, with baselines, sources and owners, are what let a team know whether anything changed.',
    },
    {
        id: 4,
        title: 'Excess ambition and projectness',
        summary:
            'Goals out of reach of the resources behind them, and plans that stop when the funding stops, lose staff.',
    },
    {
        id: 5,
        title: 'Organisational context, culture and capacity',
        summary:
            'Readiness, capacity and support for the work decide whether a good plan can be carried out where it lands.',
    },
    {
        id: 6,
        title: 'Tribalism and lack of staff engagement',
        summary:
            'Change owned by one group, or designed without the people who do the work, meets resistance at professional boundaries.',
    },
    {
        id: 7,
        title: 'Leadership',
        summary:
            'Leadership spread across levels, from board to ward, carries change further than leadership from one level alone.',
    },
    {
        id: 8,
        title: 'Balancing carrots and sticks',
        summary: 'Intrinsic motivation and rewards go far, but some change needs firmer levers too, used with care.',
    },
    {
        id: 9,
        title: 'Securing sustainability',
        summary:
            'Gains fade when they depend on a project, its funding or a few individuals rather than on routine practice.',
    },
    {
        id: 10,
        title: 'Considering the side effects of change',
        summary: 'Fixing one thing can harm another; teams that watch for side effects keep the trust of staff.',
    },
    {
        id: 'methods',
        title: 'Improvement methods',
        summary:
            'Conventions of the Model for Improvement that teams already use: an aim that says how much and by when, and a target for every outcome measure.',
    },
];

export function challengeById(id: ChallengeId): Challenge {
    return CHALLENGES.find(challenge => challenge.id === id)!;
}

/** "Challenge 3: Getting data collection and monitoring right", or the methods title. */
export function challengeLabel(id: ChallengeId): string {
    const challenge = challengeById(id);
    return id === 'methods' ? challenge.title : `Challenge ${id}: ${challenge.title}`;
}
