// Generated models for the command-line speed benchmark (bench/cli-speed.mjs).
//
// `generateTocModel(n)` writes one realistic .toc model with n causal nodes (activities and
// outcomes) and everything a team would put around them; `generateLikeC4Model(n)` writes the
// same causal graph as a LikeC4 model, so both checkers see the same number of elements and
// relations. Both are deterministic: the same n always gives the same text.

/** A small seeded PRNG (mulberry32): the same seed gives the same model on every machine. */
function prng(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: (min, max) => min + Math.floor(next() * (max - min + 1)),
        pick: list => list[Math.floor(next() * list.length)],
        chance: p => next() < p,
    };
}

// ---------------------------------------------------------------- vocabulary

const ACTIVITY_VERBS = [
    'Train',
    'Audit',
    'Coach',
    'Redesign',
    'Standardise',
    'Introduce',
    'Review',
    'Pilot',
    'Automate',
    'Huddle',
    'Prompt',
    'Screen',
];
const ACTIVITY_OBJECTS = [
    'WardNurses',
    'Handover',
    'Discharge',
    'Medicines',
    'Checklists',
    'RiskAssessment',
    'FallsRounds',
    'SepsisScreening',
    'PatientLetters',
    'TheatreLists',
    'Referrals',
    'Observations',
    'Prescribing',
    'CarePlans',
];
const ACTIVITY_TITLES = {
    Train: 'Train staff in',
    Audit: 'Audit',
    Coach: 'Coach teams on',
    Redesign: 'Redesign',
    Standardise: 'Standardise',
    Introduce: 'Introduce a new approach to',
    Review: 'Review',
    Pilot: 'Pilot changes to',
    Automate: 'Automate',
    Huddle: 'Daily huddles on',
    Prompt: 'Electronic prompts for',
    Screen: 'Screen patients at',
};
const OUTCOME_QUALITIES = {
    short: ['Reliable', 'Timely', 'Complete', 'Consistent', 'Accurate', 'Shared'],
    medium: ['Safer', 'Better', 'Faster', 'Fewer', 'Improved', 'Stronger'],
    long: ['Lower', 'Sustained', 'Reduced', 'Higher', 'Lasting', 'Equitable'],
};
const OUTCOME_SUBJECTS = {
    short: [
        'Handovers',
        'Assessments',
        'Escalation',
        'Documentation',
        'Prescriptions',
        'Observations',
        'DischargePlans',
        'SafetyChecks',
    ],
    medium: [
        'Teamwork',
        'PatientFlow',
        'MedicationSafety',
        'StaffConfidence',
        'EarlyWarning',
        'CareCoordination',
        'SafetyCulture',
        'FallsPrevention',
    ],
    long: [
        'Mortality',
        'Readmissions',
        'LengthOfStay',
        'HarmFreeCare',
        'PatientExperience',
        'StaffRetention',
        'Infections',
        'Outcomes',
    ],
};
const MECHANISMS = [
    'Staff know exactly what good looks like and why it matters',
    'A prompt at the right moment makes the right step the easy step',
    'Seeing their own data against peers motivates teams to close the gap',
    'Shared routines reduce the variation that lets problems slip through',
    'Problems are spotted earlier, while there is still time to act',
    'Clear ownership means nobody assumes someone else will do it',
    'Removing a hassle frees time for the care that matters',
    'Teams that learn together trust each other to speak up',
    'Patients and families understand the plan and raise concerns sooner',
    'Leaders who visit the ward remove barriers the team cannot remove itself',
];
const STRENGTHS = ['strong', 'moderate', 'moderate', 'moderate', 'weak'];
const UNITS = ['% of patients', '% of shifts', 'per 1,000 bed-days', 'days', '% of staff', 'per month'];
const FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'monthly', 'quarterly'];
const EVIDENCE_KINDS = ['trial', 'review', 'study', 'audit', 'local-data', 'guideline'];
const PROFESSIONS = ['nursing', 'medicine', 'pharmacy', 'physiotherapy', 'management', '"health informatics"'];
const LEVELS = ['frontline', 'frontline', 'frontline', 'middle', 'middle', 'executive'];
const FIRST_NAMES = [
    'Amara',
    'Ben',
    'Chen',
    'Dana',
    'Eitan',
    'Fatima',
    'Gareth',
    'Hana',
    'Ivan',
    'Joy',
    'Kofi',
    'Lena',
];
const LAST_NAMES = [
    'Okafor',
    'Smith',
    'Li',
    'Novak',
    'Levi',
    'Rahman',
    'Jones',
    'Sato',
    'Petrov',
    'Mensah',
    'Kowalski',
    'Reyes',
];

const pad = (i, width = 5) => String(i).padStart(width, '0');
const splitWords = id => id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function date(year, month, day) {
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- the causal graph

/**
 * The causal graph shared by both generators: n nodes in four layers (activities, then short-,
 * medium- and long-term outcomes) and about 1.5 links a node, each pointing to a later layer,
 * so the graph is a DAG with no backward links.
 */
function buildGraph(nodeCount) {
    const random = prng(0x70c + nodeCount);
    const activities = Math.max(1, Math.round(nodeCount * 0.3));
    const outcomes = nodeCount - activities;
    const long = Math.max(1, Math.round(outcomes * 0.2));
    const medium = Math.max(1, Math.round(outcomes * 0.35));
    const short = Math.max(1, outcomes - long - medium);
    const layerSizes = [activities, short, medium, long];
    const layers = [];
    const nodes = [];
    for (const [layer, size] of layerSizes.entries()) {
        const members = [];
        for (let i = 0; i < size && nodes.length < nodeCount; i++) {
            const horizon = ['activity', 'short', 'medium', 'long'][layer];
            const index = nodes.length;
            let name;
            let title;
            if (layer === 0) {
                const verb = random.pick(ACTIVITY_VERBS);
                const object = random.pick(ACTIVITY_OBJECTS);
                name = `${verb}${object}${pad(index)}`;
                title = `${ACTIVITY_TITLES[verb]} ${splitWords(object)} (${index})`;
            } else {
                const quality = random.pick(OUTCOME_QUALITIES[horizon]);
                const subject = random.pick(OUTCOME_SUBJECTS[horizon]);
                name = `${quality}${subject}${pad(index)}`;
                title = `${quality} ${splitWords(subject)} (${index})`;
            }
            const node = { index, layer, horizon, name, title };
            members.push(node);
            nodes.push(node);
        }
        layers.push(members);
    }

    const links = [];
    const seen = new Set();
    const addLink = (source, target) => {
        const key = `${source.index}>${target.index}`;
        if (source === target || source.layer >= target.layer || seen.has(key)) {
            return false;
        }
        seen.add(key);
        links.push({ source, target });
        return true;
    };
    // Every node but the long-term ones leads somewhere in the next layer...
    for (let layer = 0; layer < 3; layer++) {
        for (const node of layers[layer]) {
            addLink(node, random.pick(layers[layer + 1]));
        }
    }
    // ...every outcome is reached from the layer before it...
    const reached = new Set(links.map(link => link.target));
    for (let layer = 1; layer < 4; layer++) {
        for (const node of layers[layer]) {
            if (!reached.has(node)) {
                addLink(random.pick(layers[layer - 1]), node);
            }
        }
    }
    // ...and more links, mostly to the next layer, some skipping one, up to 1.5 a node.
    const wanted = Math.round(nodeCount * 1.5);
    let attempts = 0;
    while (links.length < wanted && attempts++ < wanted * 20) {
        const from = random.int(0, 2);
        const to = from === 0 && random.chance(0.15) ? 2 : from + 1;
        addLink(random.pick(layers[from]), random.pick(layers[to]));
    }
    links.forEach((link, i) => {
        link.index = i;
        link.mechanism = `${random.pick(MECHANISMS)} (${i})`;
        link.strength = random.pick(STRENGTHS);
    });
    return { nodes, layers, links, random };
}

/** How many elements and relations the models for n nodes hold (the same in both languages). */
export function modelCounts(nodeCount) {
    const { nodes, links } = buildGraph(nodeCount);
    return { elements: nodes.length, relations: links.length };
}

// ---------------------------------------------------------------- .toc

/** The text of one realistic .toc model with `nodeCount` activities and outcomes. It has no errors. */
export function generateTocModel(nodeCount) {
    const { nodes, layers, links, random } = buildGraph(nodeCount);
    const [activities, shortTerm, mediumTerm, longTerm] = layers;
    const outcomes = [...shortTerm, ...mediumTerm, ...longTerm];
    const out = [];
    const emit = (...lines) => out.push(...lines);

    // People: stakeholder groups at several levels, and named persons belonging to them.
    const stakeholderCount = Math.max(6, Math.round(nodeCount / 25));
    const stakeholders = Array.from({ length: stakeholderCount }, (_, i) => ({
        name: `Team${pad(i, 4)}`,
        level: i === 0 ? 'executive' : i === 1 ? 'middle' : random.pick(LEVELS),
        profession: random.pick(PROFESSIONS),
    }));
    const personCount = Math.max(2, Math.round(nodeCount / 50));
    const persons = Array.from({ length: personCount }, (_, i) => ({
        name: `${FIRST_NAMES[i % FIRST_NAMES.length]}${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}${pad(i, 4)}`,
        memberOf: random.pick(stakeholders),
    }));
    const parties = [...stakeholders, ...persons];
    const evidenceCount = Math.max(4, Math.round(nodeCount / 20));
    const evidence = Array.from({ length: evidenceCount }, (_, i) => `Study${pad(i, 4)}`);
    const assumptionCount = Math.max(3, Math.round(nodeCount / 15));
    const assumptions = Array.from({ length: assumptionCount }, (_, i) => `Assume${pad(i, 4)}`);
    const contextCount = Math.max(1, Math.round(nodeCount / 500));
    const contexts = Array.from({ length: contextCount }, (_, i) => `Site${pad(i, 3)}`);
    const mechanismCount = Math.max(2, Math.round(nodeCount / 100));
    const mechanisms = Array.from({ length: mechanismCount }, (_, i) => `Mechanism${pad(i, 4)}`);
    const aims = longTerm.slice(0, 3);

    emit(
        `// Generated benchmark model: ${nodes.length} causal nodes (${activities.length} activities, ${outcomes.length} outcomes), ${links.length} links.`,
        '',
        `programme SaferWards${nodeCount} "Safer wards: a ${nodeCount}-node improvement programme" {`,
        '    period 2025-01-01 to 2027-12-31',
        '    setting "Adult inpatient wards across a regional hospital group"',
        `    aim ${aims.map(node => node.name).join(', ')}`,
        `    sponsor ${stakeholders[0].name}`,
        '    description "Generated to measure how fast the checker is on a model of this size"',
        '}',
        '',
        'problem AvoidableHarm "Patients come to avoidable harm on our wards" {',
        `    figure "Patients harmed per 1,000 bed-days" is 12.4 "per 1,000 bed-days" on 2024-12-31 source ${evidence[0]}`,
        '    figure "Share of harm judged avoidable on review" is 41 % source "Trust mortality and harm reviews, 2024"',
        `    story "A patient fell twice in one night because nobody knew the first fall had happened" from ${stakeholders[2].name}`,
        `    agreed by ${stakeholders
            .slice(0, 3)
            .map(s => s.name)
            .join(', ')}`,
        '    description "Harm varies threefold between similar wards, so much of it can be prevented"',
        '}',
        '',
    );

    for (const [i, name] of contexts.entries()) {
        emit(
            `context ${name} "Hospital site ${i + 1}" {`,
            `    readiness ${random.pick(['high', 'medium', 'low'])}`,
            `    capacity ${random.pick(['medium', 'low'])}`,
            '    competing priorities "Winter pressures, elective recovery and a new electronic record"',
            `    policy alignment ${random.pick(['high', 'medium'])}`,
            '}',
            '',
        );
    }
    for (const [i, name] of mechanisms.entries()) {
        emit(
            `mechanism ${name} "${MECHANISMS[i % MECHANISMS.length]}" {`,
            `    works in ${random.pick(contexts)}`,
            '}',
            '',
        );
    }

    const start = date(2025, 1, 1);
    for (const node of activities) {
        const owner = random.chance(0.9) ? random.pick(stakeholders) : random.pick(persons);
        const involves = [...new Set([random.pick(stakeholders), random.pick(stakeholders)])].filter(
            party => party !== owner,
        );
        const month = random.int(1, 12);
        emit(`activity ${node.name} "${node.title}" {`, `    owner ${owner.name}`);
        if (involves.length > 0) {
            emit(`    involves ${involves.map(party => party.name).join(', ')}`);
        }
        emit(`    starts ${date(2025, month, 1)}`, `    ends ${date(random.int(2026, 2027), month, 28)}`);
        if (random.chance(0.4)) {
            emit(`    description "Part of workstream ${1 + (node.index % 12)}; runs on every participating ward"`);
        }
        emit('}', '');
    }

    for (const node of outcomes) {
        emit(`outcome ${node.name} "${node.title}" {`, `    horizon ${node.horizon}`);
        if (node.horizon !== 'short' && random.chance(0.5)) {
            emit(
                `    target ${random.pick(['reduce', 'increase'])} ${random.int(10, 40)}% by ${date(2027, random.int(1, 12), 1)}`,
            );
        }
        if (random.chance(0.3)) {
            emit(
                `    description "Seen by ward teams within ${node.horizon === 'short' ? 'weeks' : node.horizon === 'medium' ? 'months' : 'a year or more'}"`,
            );
        }
        emit('}', '');
    }

    for (const link of links) {
        emit(`link ${link.source.name} -> ${link.target.name} {`);
        if (random.chance(0.15)) {
            emit(`    mechanism ${random.pick(mechanisms)}`);
        } else {
            emit(`    mechanism "${link.mechanism}"`);
        }
        if (random.chance(0.6)) {
            const citations = [random.pick(evidence)];
            if (random.chance(0.2)) {
                citations.push('"Local audit, 2024"');
            }
            emit(`    evidence ${link.strength} citing ${[...new Set(citations)].join(', ')}`);
        } else {
            emit(`    evidence ${link.strength}`);
        }
        if (random.chance(0.25)) {
            emit(`    assumes ${random.pick(assumptions)}`);
        }
        emit('}', '');
    }
    // A loop the team draws on purpose: results fed back to those who do the work.
    if (aims.length > 0 && activities.length > 0) {
        emit(
            `feedback link ${aims[0].name} -> ${activities[0].name} {`,
            '    mechanism "Seeing harm fall convinces sceptical teams the work is worth keeping up"',
            '    evidence moderate',
            '}',
            '',
        );
    }

    for (const [i, name] of assumptions.entries()) {
        emit(
            `assumption ${name} "Ward teams have the time and support for change ${i}" {`,
            `    risk ${random.pick(['low', 'medium', 'medium', 'high'])}`,
            '    checked by "Asked at the monthly programme board; escalated if two wards report otherwise"',
            '}',
            '',
        );
    }

    // Measures: most outcomes get one, and a few activities get a process measure.
    let measureIndex = 0;
    const measure = (kind, measured, direction) => {
        const baseline = random.int(20, 60);
        const targetValue =
            direction === 'increase' ? baseline + random.int(10, 30) : Math.max(0, baseline - random.int(10, 20));
        emit(
            `measure Measure${pad(measureIndex++)} "${measured.title}: ${kind} measure" {`,
            `    kind ${kind}`,
            `    measures ${measured.name}`,
            `    unit "${random.pick(UNITS)}"`,
            `    direction ${direction}`,
            `    baseline ${baseline} on ${date(2024, random.int(9, 12), 1)}`,
            `    target reach ${targetValue} by ${date(2027, random.int(1, 12), 1)}`,
            `    source ${random.chance(0.3) ? random.pick(evidence) : '"Ward electronic record extract"'}`,
            `    frequency ${random.pick(FREQUENCIES)}`,
            `    owner ${random.pick(parties).name}`,
            '}',
            '',
        );
    };
    for (const node of outcomes) {
        if (random.chance(0.8)) {
            measure('outcome', node, random.chance(0.5) ? 'increase' : 'decrease');
        }
    }
    for (const node of activities) {
        if (random.chance(0.2)) {
            measure('process', node, 'increase');
        }
    }

    for (const [i, party] of stakeholders.entries()) {
        emit(
            `stakeholder ${party.name} "Stakeholder group ${i}" {`,
            `    profession ${party.profession}`,
            `    level ${party.level}`,
            `    role "Carries out and reports on the changes on their wards"`,
        );
        if (random.chance(0.3)) {
            emit('    involved in design');
        }
        emit('}', '');
    }
    for (const person of persons) {
        emit(
            `person ${person.name} {`,
            `    member of ${person.memberOf.name}`,
            '    role "Leads the work for their group"',
            '}',
            '',
        );
    }

    for (const [i, name] of evidence.entries()) {
        emit(
            `evidence ${name} "Published or local evidence ${i}" {`,
            `    strength ${random.pick(STRENGTHS)}`,
            `    kind ${random.pick(EVIDENCE_KINDS)}`,
            `    reference "Author A, Author B. A study of ward safety ${i}. J Hosp Qual ${2010 + (i % 15)};${i % 40}:1-10"`,
            '}',
            '',
        );
    }

    // A few resources, each behind a handful of activities.
    const resourceKinds = ['staff-time', 'money', 'admin-support', 'data-support', 'training', 'equipment'];
    const resourceCount = Math.max(3, Math.round(nodeCount / 100));
    for (let i = 0; i < resourceCount; i++) {
        const kind = resourceKinds[i % resourceKinds.length];
        const supported = [...new Set(Array.from({ length: 3 }, () => random.pick(activities)))];
        emit(
            `resource Resource${pad(i, 4)} "Support for the work: ${kind} ${i}" {`,
            `    kind ${kind}`,
            `    amount ${random.int(1, 5)} ${kind === 'money' ? '"thousand pounds"' : 'wte'}`,
            `    for ${supported.map(node => node.name).join(', ')}`,
            '}',
            '',
        );
    }

    const incentiveCount = Math.max(2, Math.round(nodeCount / 200));
    for (let i = 0; i < incentiveCount; i++) {
        emit(
            `incentive Incentive${pad(i, 4)} "${i % 2 === 0 ? 'Recognition for wards that improve' : 'Ward results reviewed by the board'}" {`,
            `    kind ${i % 2 === 0 ? 'carrot' : 'stick'}`,
            `    for ${[...new Set([random.pick(stakeholders), random.pick(stakeholders)])].map(s => s.name).join(', ')}`,
            '}',
            '',
        );
    }

    // Risks and side effects, each watched by a balancing measure.
    const riskCount = Math.max(2, Math.round(nodeCount / 100));
    for (let i = 0; i < riskCount; i++) {
        const name = `Risk${pad(i, 4)}`;
        const cause = random.pick(activities);
        emit(
            `${i % 2 === 0 ? 'risk' : 'side-effect'} ${name} "Extra work on ${splitWords(cause.name.replace(/\d+$/, ''))} crowds out other care" {`,
            `    from ${cause.name}`,
            `    likelihood ${random.pick(['low', 'medium', 'high'])}`,
            '}',
            '',
            `measure Balancing${pad(i, 4)} "Watch for: ${name}" {`,
            '    kind balancing',
            `    measures ${name}`,
            '    unit "% of shifts short-staffed"',
            `    baseline ${random.int(5, 15)} on 2024-12-01`,
            '    source "Rostering system"',
            '    frequency monthly',
            `    owner ${random.pick(stakeholders).name}`,
            '}',
            '',
        );
    }

    emit(
        `sustain plan KeepItGoing "Keeping the gains after ${start.slice(0, 4)}-2027" {`,
        '    embedded in policy "Trust falls and deterioration policy, revised"',
        '    embedded in training "Induction for every new starter"',
        '    embedded in system "Prompts built into the electronic record"',
        '    funding after end "Core budget from 2028, agreed by the executive board"',
        '    succession "Each workstream names a deputy lead"',
        `    owner ${stakeholders[0].name}`,
        '}',
        '',
    );
    return out.join('\n');
}

// ---------------------------------------------------------------- LikeC4

/** The same causal graph as a LikeC4 model: one element per node, one relation per link. */
export function generateLikeC4Model(nodeCount) {
    const { nodes, links } = buildGraph(nodeCount);
    const out = [
        `// Generated benchmark model: ${nodes.length} elements, ${links.length} relations (same graph as the .toc model).`,
        'specification {',
        '    element activity',
        '    element outcome',
        '    tag short',
        '    tag medium',
        '    tag long',
        '}',
        '',
        'model {',
    ];
    for (const node of nodes) {
        if (node.layer === 0) {
            out.push(`    activity ${node.name} '${node.title}'`);
        } else {
            out.push(`    outcome ${node.name} '${node.title}' {`, `        #${node.horizon}`, '    }');
        }
    }
    out.push('');
    for (const link of links) {
        out.push(`    ${link.source.name} -> ${link.target.name} '${link.mechanism}'`);
    }
    out.push('}', '');
    return out.join('\n');
}

// ---------------------------------------------------------------- workspaces of small models

/**
 * One small programme, the first draft a ward or practice team writes: a sponsor and a team, two
 * activities, three outcomes, three links and a measure (about 1.3 KB). `index` makes its names its own.
 */
export function generateSmallModel(index) {
    const id = pad(index, 5);
    return `programme Ward${id} "Ward ${id}: fewer inpatient falls" {
    period 2025-04-01 to 2026-03-31
    aim FewerFalls
    sponsor ChiefNurse
}

person ChiefNurse "Chief nurse" {
    level executive
    role "Executive sponsor"
}

stakeholder WardNurses "Nurses on the ward" {
    profession nursing
    level frontline
    role "Deliver and audit the rounds"
}

activity Rounding "Hourly intentional rounding" {
    owner WardNurses
}

activity Review "Medicines review for patients at risk" {
    owner WardNurses
}

outcome RoundsDone "Patients are checked every hour" {
    horizon short
}

outcome MedsSafer "Fewer medicines that raise the risk of a fall" {
    horizon short
}

outcome FewerFalls "Fewer inpatient falls" {
    horizon long
    target reduce 25% by 2026-03-31
}

link Rounding -> RoundsDone {
    mechanism "Rounds become part of the ward routine"
}

link Review -> MedsSafer {
    mechanism "Pharmacists stop sedatives that are not needed"
}

link RoundsDone -> FewerFalls {
    mechanism "Needs are met before a patient tries to move alone"
}

measure FallsRate "Falls per 1,000 bed-days" {
    kind outcome
    measures FewerFalls
    baseline 6.5 on 2025-01-31
    source "Incident reporting system"
    frequency monthly
    owner WardNurses
}
`;
}
