/**
 * A small, complete model a team can start from: every main construct once, with comments
 * saying what to fill in. It checks clean, rules included, so a new user starts from a plan
 * that shows what a complete one looks like.
 */
export function starterModel(programmeName = 'MyProgramme'): string {
    const name = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(programmeName) ? programmeName : 'MyProgramme';
    return `// A theory of change: what the programme does, why that should work, and how you will know.
// Hover a name to see its links and measures; run "Format Document" to tidy the layout.

programme ${name} "Name of the programme" {
    period 2025-04-01 to 2026-03-31
    setting "Where the work happens, e.g. two medical wards"
    aim FewerFalls
    sponsor ChiefNurse
}

problem Falls "Inpatient falls cause harm" {
    figure "Falls per 1,000 bed-days on our wards" is 6.5 on 2025-01-31 source "Incident reporting system"
    story "A patient's account of a fall and what followed" from WardNurses
    agreed by WardNurses, ChiefNurse
}

activity Rounding "Hourly intentional rounding" {
    owner WardNurses
    involves WardNurses
    starts 2025-04-01
    ends 2026-03-31
}

outcome RoundsDone "Patients are checked every hour" {
    horizon short
}

outcome FewerFalls "Fewer inpatient falls" {
    horizon long
    target reduce 25% by 2026-03-31
}

link Rounding -> RoundsDone {
    mechanism "Rounds become part of the ward routine"
    evidence moderate
}

link RoundsDone -> FewerFalls {
    mechanism "Needs such as toileting are met before a patient tries to move alone"
    evidence moderate citing "Local audit, 2024"
    assumes StaffTime
}

measure FallsRate "Falls per 1,000 bed-days" {
    kind outcome
    measures FewerFalls
    unit "falls per 1,000 bed-days"
    direction decrease
    baseline 6.5 on 2025-01-31
    target reach 4.9 by 2026-03-31
    source "Incident reporting system"
    frequency monthly
    owner WardNurses
}

measure RoundsCompleted "Share of hourly rounds completed" {
    kind process
    measures RoundsDone
    unit "%"
    direction increase
    baseline 40 on 2025-03-01
    target reach 90 by 2025-09-30
    source "Weekly audit of rounding charts"
    frequency weekly
    owner WardNurses
}

assumption StaffTime "Wards have enough staff to round every hour" {
    risk medium
    checked by "Monthly review of staffing against rounding compliance"
}

stakeholder WardNurses "Nurses on the two wards" {
    profession nursing
    level frontline
    role "Deliver and audit the rounds"
    involved in design
}

stakeholder WardDoctors "Doctors on the two wards" {
    profession medicine
    level frontline
    role "Review medicines that raise the risk of falling"
}

person ChiefNurse "Chief nurse" {
    profession nursing
    level executive
    role "Executive sponsor"
}

// What could go wrong because of the change, and the measure that watches for it.
side-effect LessTimeForCare "Rounding takes time from other care" {
    from Rounding
    likelihood medium
}

measure CallBells "Call bells answered within five minutes" {
    kind balancing
    measures LessTimeForCare
    unit "%"
    direction increase
    baseline 80 on 2025-03-01
    source "Call bell system report"
    frequency monthly
    owner WardNurses
}

resource AuditSupport "Audit clerk, two hours a week" {
    kind admin-support
    amount 2 hours
    for Rounding
}

resource RoundingTime "Protected time for the rounds, in the ward rota" {
    kind staff-time
    amount 10 "hours a week"
    for Rounding
}

incentive WardRecognition "Monthly recognition of the most improved ward" {
    kind carrot
    for WardNurses
}

incentive MatronReview "Matron reviews missed rounds at the weekly huddle" {
    kind stick
    for WardNurses
}

context WardReadiness "How ready the wards are" {
    readiness high
    capacity medium
    competing priorities "Winter bed pressures"
    policy alignment high
}

sustain plan KeepRounding "Rounding outlasts the programme" {
    embedded in procedure "Ward nursing procedures"
    funding after end "Within ward establishment; no extra cost"
    succession "Each ward names a rounding lead"
    owner ChiefNurse
}
`;
}
