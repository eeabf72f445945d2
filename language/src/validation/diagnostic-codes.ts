import { RULE_FAILED } from '../rules/rule-engine.js';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from '../rules/suppressions.js';
import { INVALID_CONFIG } from './rules-check.js';
import { DUPLICATE_NAME } from './structure/duplicate-names.js';
import { DATE_ORDER, INVALID_DATE, REPEATED_FIELD, SECOND_PROGRAMME } from './structure/fields.js';
import { IMPORT_CYCLE, UNRESOLVED_IMPORT } from './structure/imports.js';
import { CAUSAL_CYCLE, LINK_DIRECTION, SELF_LINK } from './structure/links.js';
import { SYNTAX_ERROR, UNRESOLVED_REFERENCE } from './toc-document-validator.js';

export interface DiagnosticCode {
    id: string;
    /** What it reports, in a few words. */
    title: string;
    /** Where it is documented. */
    docs: string;
}

const LANGUAGE_DOCS = 'https://github.com/toc-lang/theory-of-change/blob/main/docs/language.md#structural-checks';
const RULES_DOCS = 'https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/README.md#other-diagnostics';

/** Every diagnostic code that is not a rule of the catalogue: the language's own checks. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
    { id: SYNTAX_ERROR, title: 'The text does not follow the grammar', docs: LANGUAGE_DOCS },
    { id: UNRESOLVED_REFERENCE, title: 'A name is not declared, or is of the wrong kind', docs: LANGUAGE_DOCS },
    { id: DUPLICATE_NAME, title: 'A name is declared more than once', docs: LANGUAGE_DOCS },
    { id: SELF_LINK, title: 'A link from a node to itself', docs: LANGUAGE_DOCS },
    { id: LINK_DIRECTION, title: 'A link runs backwards in time without being feedback', docs: LANGUAGE_DOCS },
    { id: CAUSAL_CYCLE, title: 'A cycle of links not declared as a feedback loop', docs: LANGUAGE_DOCS },
    { id: UNRESOLVED_IMPORT, title: 'An import does not resolve to a .toc file', docs: LANGUAGE_DOCS },
    { id: IMPORT_CYCLE, title: 'Files import each other in a loop', docs: LANGUAGE_DOCS },
    { id: REPEATED_FIELD, title: 'A one-value field is given twice', docs: LANGUAGE_DOCS },
    { id: INVALID_DATE, title: 'A date that is not in the calendar', docs: LANGUAGE_DOCS },
    { id: DATE_ORDER, title: 'Something ends before it starts', docs: LANGUAGE_DOCS },
    { id: SECOND_PROGRAMME, title: 'A model declares more than one programme', docs: LANGUAGE_DOCS },
    { id: INVALID_SUPPRESSION, title: 'A toc-ignore comment without a known rule or a reason', docs: RULES_DOCS },
    { id: UNUSED_SUPPRESSION, title: 'A toc-ignore comment that suppresses nothing', docs: RULES_DOCS },
    { id: INVALID_CONFIG, title: 'toc.config.json cannot be used', docs: RULES_DOCS },
    { id: RULE_FAILED, title: 'A rule failed on the model and was skipped', docs: RULES_DOCS },
];
