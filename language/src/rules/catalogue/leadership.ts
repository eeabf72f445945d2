import type * as ast from '../../generated/ast.js';
import { externalLeaders, internalLeaderLevels, levelOf } from '../../analysis/programme-model.js';
import type { RuleDefinition } from '../rule.js';

export const leadershipAtOneLevel: RuleDefinition = {
    id: 'leadership-at-one-level',
    challenge: 7,
    title: 'Leaders sit at only one level of the organisation',
    summary:
        'Leadership from the top alone feels like control; from the ward alone it lacks backing. Spread it: sponsors at board or executive level, and owners among middle managers and frontline staff. Funders, professional bodies and improvement partners are outside the organisation and do not count.',
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ model, programme, report }) {
        if (!programme) {
            return;
        }
        const levels = internalLeaderLevels(model);
        const outside = externalLeaders(model);
        const aside =
            outside.length > 0
                ? ` (${outside.map(party => `\`${party.name}\``).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the organisation and ${outside.length === 1 ? 'does' : 'do'} not count)`
                : '';
        if (levels.length === 1) {
            report({
                node: programme,
                message: `Every leader of programme \`${programme.name}\` (sponsors and owners) is at ${levels[0]} level${aside}: share leadership across levels.`,
            });
        } else if (levels.length === 0 && outside.length > 0) {
            report({
                node: programme,
                message: `No leader of programme \`${programme.name}\` (sponsors and owners) is inside the organisation${aside}: name sponsors and owners among its own staff.`,
            });
        }
    },
};

export const funderAsSponsor: RuleDefinition = {
    id: 'funder-as-sponsor',
    challenge: 7,
    title: 'A funder is named as a sponsor',
    summary:
        "A sponsor is the organisation's own senior backer; a funder pays for the work from outside. Listing the funder as a sponsor hides whether anyone inside the organisation backs the programme.",
    defaultSeverity: 'warning',
    needsProgramme: true,
    check({ programme, report }) {
        const isFunder = (party: ast.Party | undefined) => levelOf(party) === 'funder';
        const ownSponsor = programme?.sponsors.some(sponsor => sponsor.ref && !isFunder(sponsor.ref));
        programme?.sponsors.forEach((sponsor, index) => {
            if (isFunder(sponsor.ref)) {
                report({
                    node: programme,
                    property: 'sponsors',
                    index,
                    message: `\`${sponsor.$refText}\` is a funder, named as a sponsor of programme \`${programme.name}\`: list it under \`funder\`${ownSponsor ? '' : ", and name the organisation's own sponsor"}.`,
                    fix: { kind: 'sponsor-to-funder', index },
                });
            }
        });
    },
};

export const LEADERSHIP_RULES = [leadershipAtOneLevel, funderAsSponsor];
