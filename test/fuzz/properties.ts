/**
 * Property-based fuzzing of the language services, shared by the short run in the normal test
 * suite (`fuzz.test.ts`) and the long run of `npm run fuzz` (`long.fuzz.ts`).
 *
 * Two sources of input:
 * - generated models, built from the pieces of the grammar: declarations of every kind with random
 *   names, titles, fields and links, joined by random layout (spaces, tabs, blank lines, CRLF,
 *   comments), sometimes with a second file that the model imports (and that may import it back);
 * - mutated models: the bundled examples with random deletions, insertions of tokens and
 *   characters, duplications, swaps of lines and truncations.
 *
 * For each input: parsing, linking and validation never throw and take under 2 s; hover and
 * document symbols never throw, at any position; formatting never throws, and on a model without
 * syntax errors it is idempotent and keeps the meaning (the same AST, comments and findings).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { CstUtils, EmptyFileSystem, isLeafCstNode } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model } from '../../language/src/index.js';
import { createTocServices } from '../../language/src/index.js';
import type { TestWorkspace } from '../support/workspace.js';
import { loadWorkspace } from '../support/workspace.js';
import { messageText } from '../../language/src/utils/text.js';

/** Longest a single case (load, then every feature) may take. */
export const CASE_LIMIT_MS = 2_000;

// ------------------------------------------------------------------ the examples

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

function tocFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? tocFiles(path) : entry.name.endsWith('.toc') ? [path] : [];
    });
}

/** The bundled examples, by path relative to `examples/`. */
export const EXAMPLE_FILES: Record<string, string> = Object.fromEntries(
    tocFiles(EXAMPLES)
        .sort()
        .map(path => [relative(EXAMPLES, path).split('\\').join('/'), readFileSync(path, 'utf8')]),
);

// ------------------------------------------------------------------ generated models

const KEYWORDS = [
    'import',
    'programme',
    'program',
    'period',
    'to',
    'setting',
    'aim',
    'sponsor',
    'funder',
    'problem',
    'figure',
    'is',
    'on',
    'source',
    'story',
    'from',
    'agreed',
    'by',
    'activity',
    'owner',
    'involves',
    'starts',
    'ends',
    'outcome',
    'horizon',
    'short',
    'medium',
    'long',
    'target',
    'reduce',
    'increase',
    'reach',
    'stretch',
    'feedback',
    'link',
    'mechanism',
    'evidence',
    'citing',
    'assumes',
    'strong',
    'moderate',
    'weak',
    'contested',
    'none',
    'works',
    'in',
    'measure',
    'kind',
    'measures',
    'unit',
    'direction',
    'baseline',
    'frequency',
    'process',
    'balancing',
    'decrease',
    'daily',
    'weekly',
    'monthly',
    'quarterly',
    'assumption',
    'risk',
    'checked',
    'high',
    'low',
    'strength',
    'reference',
    'trial',
    'review',
    'local-data',
    'expert-opinion',
    'stakeholder',
    'person',
    'member',
    'of',
    'profession',
    'professions',
    'level',
    'role',
    'involved',
    'design',
    'frontline',
    'service-user',
    'resource',
    'amount',
    'for',
    'staff-time',
    'money',
    'incentive',
    'carrot',
    'stick',
    'side-effect',
    'likelihood',
    'sustain',
    'plan',
    'embedded',
    'funding',
    'after',
    'end',
    'succession',
    'guideline',
    'job-plan',
    'context',
    'site',
    'at',
    'method',
    'collected',
    'data',
    'routine-data',
    'self-report',
    'improvement-partner',
    'backfill',
    'readiness',
    'capacity',
    'competing',
    'priorities',
    'policy',
    'alignment',
    'description',
];
const PUNCTUATION = ['{', '}', ',', ':', '->', '%', '"', '/*', '*/', '//', '-', '>', '\\'];

/** Names that are names: plain ASCII, keyword-like (`shortlist`, `Outcome`), non-ASCII letters. */
const validName: fc.Arbitrary<string> = fc.oneof(
    { weight: 8, arbitrary: fc.stringMatching(/^[A-Z][a-zA-Z0-9_]{0,10}$/) },
    {
        weight: 2,
        arbitrary: fc.constantFrom(
            'shortlist',
            'Outcome',
            'linkage',
            'inside',
            'toDo',
            '_private',
            'feedbackLoop',
            'owner2',
        ),
    },
    {
        weight: 2,
        arbitrary: fc.constantFrom(
            'Αλφα',
            'Ωμέγα',
            'Больница',
            'Медсёстры',
            'Équipe',
            'Pflegekräfte',
            'Ñandú',
            '病院',
            '看護師',
            'خطة',
            'Ĳsselmeer',
            'ǅemal',
        ),
    },
);

/** Names, now and then a keyword where a name should be. */
const name: fc.Arbitrary<string> = fc.oneof(
    { weight: 12, arbitrary: validName },
    { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) },
);

/** A quoted text, with escapes and characters from anywhere in Unicode (emoji included). */
const text: fc.Arbitrary<string> = fc
    .array(
        fc.oneof(
            { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(s => s.replace(/["\\]/g, '')) },
            {
                weight: 2,
                arbitrary: fc.constantFrom(
                    'Fewer falls',
                    'per 1,000 catheter-days',
                    'Ärzte und Pflege',
                    'Безопасность',
                    '患者の安全',
                    '🏥 safer wards 🚑',
                    '👩🏽‍⚕️',
                    'a // not a comment',
                    '/* not a comment */',
                ),
            },
            { weight: 1, arbitrary: fc.constantFrom('\\"', '\\\\', '\\n', '\\t', '\\u00e9') },
            { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\t') },
        ),
        { maxLength: 4 },
    )
    .map(parts => `"${parts.join('')}"`);

const number = fc.oneof(
    fc.nat({ max: 100_000 }).map(String),
    fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
);
const date = fc.oneof(
    {
        weight: 4,
        arbitrary: fc
            .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
            .map(d => d.toISOString().slice(0, 10)),
    },
    { weight: 1, arbitrary: fc.constantFrom('2024-02-30', '2023-13-01', '0000-00-00', '9999-99-99') },
);
const quantity = fc
    .tuple(
        number,
        fc.option(fc.oneof(fc.constant('%'), text, fc.constantFrom('wte', 'infections', 'patients', 'beds')), {
            nil: undefined,
        }),
    )
    .map(([value, unit]) => (unit === undefined ? [value] : [value, unit]));

type Tokens = string[];
type Field = (refs: fc.Arbitrary<string>) => fc.Arbitrary<Tokens>;

const list = (refs: fc.Arbitrary<string>) =>
    fc.array(refs, { minLength: 1, maxLength: 4 }).map(names => names.flatMap((n, i) => (i === 0 ? [n] : [',', n])));
const optional = (arbitrary: fc.Arbitrary<Tokens>) =>
    fc.option(arbitrary, { nil: undefined }).map(tokens => tokens ?? []);
const seq = (...parts: Array<fc.Arbitrary<Tokens> | string>) =>
    fc.tuple(...parts.map(p => (typeof p === 'string' ? fc.constant([p]) : p))).map(all => all.flat());
const one = (arbitrary: fc.Arbitrary<string>) => arbitrary.map(value => [value]);
const choice = (...values: string[]) => one(fc.constantFrom(...values));

const described: Field = () => seq('description', one(text));
const source = (refs: fc.Arbitrary<string>) => fc.oneof(one(refs), one(text));
const target = seq(
    'target',
    optional(choice('reduce', 'increase', 'reach')),
    quantity,
    optional(seq('by', one(date))),
    optional(fc.constant(['stretch'])),
);
const partyFields: Field[] = [
    () =>
        seq(
            choice('profession', 'professions'),
            fc
                .array(fc.oneof(name, text), { minLength: 1, maxLength: 3 })
                .map(values => values.flatMap((v, i) => (i === 0 ? [v] : [',', v]))),
        ),
    () =>
        seq(
            'level',
            choice(
                'frontline',
                'middle',
                'executive',
                'board',
                'service-user',
                'professional-body',
                'funder',
                'improvement-partner',
            ),
        ),
    () => seq('role', one(text)),
    () => fc.constant(['involved', 'in', 'design']),
    described,
];
const rating = choice('high', 'medium', 'low');
const strength = choice('strong', 'moderate', 'weak', 'contested', 'none');

/** Each kind of declaration: its keyword(s) and the fields its block may hold. */
const DECLARATIONS: Array<{ keyword: fc.Arbitrary<Tokens>; fields: Field[] }> = [
    {
        keyword: choice('programme', 'program'),
        fields: [
            () => seq('period', one(date), 'to', one(date)),
            () => seq('setting', one(text)),
            r => seq('aim', list(r)),
            r => seq('sponsor', list(r)),
            r => seq('funder', list(r)),
            described,
        ],
    },
    {
        keyword: choice('problem'),
        fields: [
            r =>
                seq(
                    'figure',
                    one(text),
                    optional(seq('is', quantity)),
                    optional(seq('on', one(date))),
                    optional(seq('source', source(r))),
                ),
            r => seq('story', one(text), optional(seq('from', one(r)))),
            r => seq('agreed', 'by', list(r)),
            described,
        ],
    },
    {
        keyword: choice('activity'),
        fields: [
            r => seq('owner', one(r)),
            r => seq('involves', list(r)),
            () => seq('starts', one(date)),
            () => seq('ends', one(date)),
            described,
        ],
    },
    {
        keyword: choice('outcome'),
        fields: [() => seq('horizon', choice('short', 'medium', 'long')), () => target, described],
    },
    { keyword: choice('mechanism'), fields: [r => seq('works', 'in', list(r)), described] },
    {
        keyword: choice('measure'),
        fields: [
            () => seq('kind', choice('outcome', 'process', 'balancing')),
            r => seq('measures', list(r)),
            () => seq('unit', one(text)),
            () => seq('direction', choice('increase', 'decrease')),
            () => seq('baseline', quantity, optional(seq('on', one(date)))),
            () => target,
            r => seq('source', source(r)),
            r => seq('at', one(r), fc.oneof(seq('baseline', quantity, optional(seq('on', one(date)))), target)),
            () => seq('method', choice('routine-data', 'audit', 'survey', 'self-report', 'observation')),
            () =>
                seq(
                    'frequency',
                    choice('continuous', 'daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly'),
                ),
            r => seq('owner', one(r)),
            r => seq('collected', 'by', one(r)),
            () => seq('data', one(text)),
            described,
        ],
    },
    {
        keyword: choice('assumption'),
        fields: [() => seq('risk', rating), () => seq('checked', 'by', one(text)), described],
    },
    {
        keyword: choice('evidence'),
        fields: [
            () => seq('strength', strength),
            () => seq('kind', choice('trial', 'review', 'study', 'audit', 'local-data', 'guideline', 'expert-opinion')),
            () => seq('reference', one(text)),
            described,
        ],
    },
    { keyword: choice('stakeholder'), fields: partyFields },
    { keyword: choice('person'), fields: [r => seq('member', 'of', one(r)), ...partyFields] },
    {
        keyword: choice('resource'),
        fields: [
            () =>
                seq(
                    'kind',
                    choice(
                        'staff-time',
                        'backfill',
                        'money',
                        'admin-support',
                        'data-support',
                        'training',
                        'equipment',
                        'other',
                    ),
                ),
            () => seq('amount', quantity),
            r => seq('for', list(r)),
            described,
        ],
    },
    {
        keyword: choice('incentive'),
        fields: [() => seq('kind', choice('carrot', 'stick')), r => seq('for', list(r)), described],
    },
    {
        keyword: choice('risk', 'side-effect'),
        fields: [r => seq('from', list(r)), () => seq('likelihood', rating), described],
    },
    {
        keyword: fc.constant(['sustain', 'plan']),
        fields: [
            () =>
                seq(
                    'embedded',
                    'in',
                    choice(
                        'standard',
                        'guideline',
                        'policy',
                        'procedure',
                        'job-plan',
                        'contract',
                        'training',
                        'system',
                    ),
                    one(text),
                ),
            () => seq('funding', 'after', 'end', one(text)),
            () => seq('succession', one(text)),
            r => seq('owner', one(r)),
            described,
        ],
    },
    {
        keyword: choice('context'),
        fields: [
            r => seq('at', list(r)),
            () => seq('readiness', rating),
            () => seq('capacity', rating),
            () => seq('competing', 'priorities', one(text)),
            () => seq('policy', 'alignment', rating),
            described,
        ],
    },
    { keyword: choice('site'), fields: [described] },
];

const block = (fields: Field[], refs: fc.Arbitrary<string>) =>
    fc
        .option(
            fc
                .array(fc.oneof(...fields.map(field => field(refs))), { maxLength: 5 })
                .map(body => ['{', ...body.flat(), '}']),
            { nil: undefined, freq: 3 },
        )
        .map(tokens => tokens ?? []);

function declaration(refs: fc.Arbitrary<string>): fc.Arbitrary<Tokens> {
    const linkFields: Field[] = [
        r => seq('mechanism', fc.oneof(one(r), one(text))),
        r =>
            seq(
                'evidence',
                strength,
                optional(
                    fc
                        .tuple(source(r), fc.array(source(r), { maxLength: 2 }))
                        .map(([first, rest]) => ['citing', ...first, ...rest.flatMap(s => [',', ...s])]),
                ),
            ),
        r => seq('assumes', list(r)),
        described,
    ];
    const link = seq(
        optional(fc.constant(['feedback'])),
        'link',
        optional(seq(one(name), ':')),
        one(refs),
        '->',
        one(refs),
        block(linkFields, refs),
    );
    const named = fc.oneof(
        ...DECLARATIONS.map(({ keyword, fields }) => seq(keyword, one(name), optional(one(text)), block(fields, refs))),
    );
    const suppression = fc
        .constantFrom('unmeasured-outcome', 'link-without-mechanism', 'no-such-rule', '')
        .map(rule => [`// toc-ignore ${rule}: a reason\n`]);
    return fc.oneof(
        { weight: 6, arbitrary: named },
        { weight: 3, arbitrary: link },
        { weight: 1, arbitrary: seq(suppression, named) },
    );
}

/** What separates two tokens: mostly a space or a newline, sometimes odd layout or a comment. */
const separator = fc.oneof(
    { weight: 10, arbitrary: fc.constant(' ') },
    { weight: 5, arbitrary: fc.constant('\n') },
    { weight: 1, arbitrary: fc.constantFrom('  ', '\t', '\r\n', '\n\n', '\n\n\n\n', ' \n    ', '\n\t\t', '\r\n\r\n') },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            ' /* note */ ',
            '\n// a comment\n',
            ' // trailing\n',
            '\n/* a\n   longer note */\n',
            '/**/',
        ),
    },
);

function layout(tokens: Tokens, separators: string[]): string {
    let out = '';
    tokens.forEach((token, i) => {
        // A token that ends in a newline (a line comment) needs nothing more; otherwise take the next separator.
        out += token;
        if (!token.endsWith('\n')) {
            out += separators[i % separators.length];
        }
    });
    return out;
}

function file(names: string[], otherFile: string | undefined): fc.Arbitrary<string> {
    // References mostly name something declared here or in the other file, sometimes not.
    const refs = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: name });
    const declared = fc.tuple(
        ...names.map(n =>
            fc.oneof(
                ...DECLARATIONS.map(({ keyword, fields }) =>
                    seq(keyword, fc.constant([n]), optional(one(text)), block(fields, refs)),
                ),
            ),
        ),
    );
    return fc
        .tuple(
            otherFile
                ? fc.option(fc.constant(['import', `"${otherFile}"`]), { nil: undefined, freq: 4 }).map(t => t ?? [])
                : fc.constant([]),
            declared,
            fc.array(declaration(refs), { maxLength: 8 }),
            fc.array(separator, { minLength: 1, maxLength: 20 }),
            fc.boolean(),
        )
        .chain(([imports, fixed, extra, separators, shuffle]) => {
            const declarations = [...fixed, ...extra];
            return (
                shuffle
                    ? fc.shuffledSubarray(declarations, {
                          minLength: declarations.length,
                          maxLength: declarations.length,
                      })
                    : fc.constant(declarations)
            ).map(ordered => layout([...imports, ...ordered.flat()], separators));
        });
}

export interface Case {
    /** Files by path; `entry` is the one checked. */
    files: Record<string, string>;
    entry: string;
}

/** A case that prints as `summary` in a counterexample (the examples themselves are too long to print). */
function printable(input: Case, summary: () => unknown): Case {
    return Object.assign(input, { [fc.toStringMethod]: () => fc.stringify(summary()) });
}

/** A generated model, now and then with a second file it imports (and that may import it back). */
// The declared names (which most references use) are real names; keywords still turn up elsewhere.
export const generatedCase: fc.Arbitrary<Case> = fc
    .tuple(fc.uniqueArray(validName, { minLength: 1, maxLength: 6 }), fc.boolean())
    .chain(([names, twoFiles]) => {
        if (!twoFiles) {
            return file(names, undefined).map(model => ({ files: { 'model.toc': model }, entry: 'model.toc' }));
        }
        return fc
            .tuple(file(names, 'other'), file(names.slice(0, Math.ceil(names.length / 2)), 'model'))
            .map(([model, other]) => ({ files: { 'model.toc': model, 'other.toc': other }, entry: 'model.toc' }));
    });

// ------------------------------------------------------------------ mutated examples

/** What a mutation may insert: tokens of the language, odd characters, or any string. */
const insertion = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: fc.oneof(name, text, number, date) },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            '\n',
            '\r\n',
            '\r',
            '\t',
            '\u0000',
            '\uFEFF',
            '\u2028',
            '\uD800',
            '\uDC00',
            '😀',
            'é',
            '\u0301',
            '𝔘',
        ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'duplicate'; at: number; length: number; to: number }
    | { kind: 'swap-lines'; a: number; b: number }
    | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
        weight: 3,
        arbitrary: fc.record({
            kind: fc.constant('delete' as const),
            at: fc.nat(),
            length: fc.integer({ min: 1, max: 60 }),
        }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }) },
    {
        weight: 2,
        arbitrary: fc.record({
            kind: fc.constant('duplicate' as const),
            at: fc.nat(),
            length: fc.integer({ min: 1, max: 400 }),
            to: fc.nat(),
        }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);

export function mutate(source: string, mutations: Mutation[]): string {
    let text = source;
    for (const m of mutations) {
        const at = (n: number) => n % (text.length + 1);
        switch (m.kind) {
            case 'delete': {
                const i = at(m.at);
                text = text.slice(0, i) + text.slice(i + m.length);
                break;
            }
            case 'insert': {
                const i = at(m.at);
                text = text.slice(0, i) + m.text + text.slice(i);
                break;
            }
            case 'duplicate': {
                const i = at(m.at);
                const piece = text.slice(i, i + m.length);
                const j = at(m.to);
                text = text.slice(0, j) + piece + text.slice(j);
                break;
            }
            case 'swap-lines': {
                const lines = text.split('\n');
                const a = m.a % lines.length,
                    b = m.b % lines.length;
                [lines[a], lines[b]] = [lines[b], lines[a]];
                text = lines.join('\n');
                break;
            }
            case 'truncate':
                text = text.slice(0, at(m.at));
                break;
        }
    }
    return text;
}

/** One of the examples, mutated, checked together with the other examples (so its imports resolve). */
export const mutatedCase: fc.Arbitrary<Case> = fc
    .tuple(fc.constantFrom(...Object.keys(EXAMPLE_FILES)), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([entry, mutations]) => {
        const text = mutate(EXAMPLE_FILES[entry], mutations);
        // Printed as the example and its mutations (`mutate(EXAMPLE_FILES[entry], mutations)` rebuilds the text).
        return printable({ files: { ...EXAMPLE_FILES, [entry]: text }, entry }, () => ({
            entry,
            mutations,
            length: text.length,
        }));
    });

// ------------------------------------------------------------------ known issues

const parser = createTocServices(EmptyFileSystem).Toc.parser.LangiumParser;

/**
 * Crashes found by fuzzing whose fix lies outside the parser, formatter, validation, rules and
 * references, each with a regression test in `regressions.test.ts`. Cases that show one are
 * skipped (or, with `only`, spared just that feature) and counted, so that fuzzing goes on finding
 * new problems; remove an entry once its fix lands.
 */
export const KNOWN_ISSUES: Array<{ name: string; shows: (models: Model[]) => boolean; only?: 'hover' }> = [];

/** The first known issue a case shows, judged from the parse of its files. */
export function knownIssue(input: Case): (typeof KNOWN_ISSUES)[number] | undefined {
    const models = Object.values(input.files).map(text => parser.parse<Model>(text).value);
    return KNOWN_ISSUES.find(issue => issue.shows(models));
}

// ------------------------------------------------------------------ the properties

const FORMAT_OPTIONS = { tabSize: 4, insertSpaces: true };

function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

async function format(workspace: TestWorkspace, path: string): Promise<string> {
    const document = workspace.document(path);
    const edits = await workspace.services.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: FORMAT_OPTIONS,
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** What formatting must keep: the AST (without positions), the comments and the findings (without positions). */
function meaning(workspace: TestWorkspace, path: string) {
    const document = workspace.document(path);
    const root = document.parseResult.value.$cstNode;
    const comments = root
        ? CstUtils.streamCst(root)
              .filter(leaf => isLeafCstNode(leaf) && leaf.hidden)
              .map(leaf => leaf.text)
              .toArray()
        : [];
    // Messages that cite a line ("also at line 3") are compared without the number.
    const findings = (document.diagnostics ?? [])
        .map((d: Diagnostic) => `${d.code} ${messageText(d.message).replace(/\bline \d+/g, 'line #')}`)
        .sort();
    return {
        ast: workspace.services.serializer.JsonSerializer.serialize(document.parseResult.value, { space: 0 }),
        comments,
        findings,
    };
}

export interface Outcome {
    /** Milliseconds to parse, link and validate. */
    loadMs: number;
    syntaxErrors: boolean;
    /** Whether the model was formatted and compared (it had no syntax errors). */
    formatted: boolean;
}

/**
 * Runs every check on one case; throws (failing the property) on any broken promise.
 * `positions` are random numbers turned into offsets in the text (and a few past its end).
 */
export async function checkCase(input: Case, positions: number[], hover = true): Promise<Outcome> {
    // Langium catches an exception in a validation check, logs it with console.error and reports it
    // as an "An error occurred during validation" diagnostic: that is a crash too.
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
        logged.push(args);
    };
    const fail = (reason: unknown) => {
        const error = logged.flat().find((arg): arg is Error => arg instanceof Error);
        const detail = error?.stack ? `\nlogged: ${error.stack.split('\n').slice(0, 6).join('\n')}` : '';
        return new Error(`${reason instanceof Error ? reason.message : String(reason)}${detail}`, { cause: reason });
    };
    try {
        let outcome: Outcome;
        try {
            outcome = await checkServices(input, hover ? positions : []);
        } catch (error) {
            throw fail(error);
        }
        if (logged.length > 0) {
            throw fail(`logged an error: ${logged[0].map(String).join(' ')}`);
        }
        return outcome;
    } finally {
        console.error = consoleError;
    }
}

async function checkServices(input: Case, positions: number[]): Promise<Outcome> {
    const started = performance.now();
    const workspace = await loadWorkspace(input.files, [input.entry]);
    const loadMs = performance.now() - started;
    if (loadMs > CASE_LIMIT_MS) {
        throw new Error(`parse, link and validate took ${Math.round(loadMs)} ms (limit ${CASE_LIMIT_MS} ms)`);
    }
    const path = input.entry;
    const document = workspace.document(path);
    // The rule engine reports a rule that threw as a `rule-failed` finding: a crash too.
    const crash = (document.diagnostics ?? []).find(
        d => messageText(d.message).startsWith('An error occurred during') || d.code === 'rule-failed',
    );
    if (crash) {
        throw new Error(messageText(crash.message));
    }
    // No message shows a value that was never filled in, unless the model itself says it.
    const unfilled = /\bundefined\b|\bnull\b|\[object /;
    const unfilledMessage = Object.values(input.files).some(text => unfilled.test(text))
        ? undefined
        : (document.diagnostics ?? []).find(d => unfilled.test(messageText(d.message)));
    if (unfilledMessage) {
        throw new Error(`a message shows an unfilled value: ${messageText(unfilledMessage.message)}`);
    }
    const textDocument = document.textDocument;
    const uri = document.uri.toString();

    // Hover anywhere, including past the end of a line and past the end of the file.
    const length = textDocument.getText().length;
    for (const n of positions) {
        const position =
            n % 7 === 0
                ? { line: textDocument.lineCount + (n % 3), character: n % 50 }
                : textDocument.positionAt(n % (length + 1));
        await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position });
    }
    await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri } });

    // Formatting never throws; without syntax errors it is idempotent and keeps the meaning.
    const syntaxErrors = hasSyntaxErrors(document);
    const before = meaning(workspace, path);
    const once = await format(workspace, path);
    if (syntaxErrors) {
        if (once !== textDocument.getText()) {
            throw new Error('formatting changed a file with syntax errors');
        }
        assertTime(started);
        return { loadMs, syntaxErrors, formatted: false };
    }
    await workspace.change(path, once);
    if (hasSyntaxErrors(workspace.document(path))) {
        throw new Error(`formatting introduced a syntax error:\n${JSON.stringify(once)}`);
    }
    const after = meaning(workspace, path);
    const twice = await format(workspace, path);
    if (twice !== once) {
        throw new Error(
            `formatting is not idempotent:\nonce:  ${JSON.stringify(once)}\ntwice: ${JSON.stringify(twice)}`,
        );
    }
    for (const key of ['ast', 'comments', 'findings'] as const) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
            throw new Error(
                `formatting changed the ${key}:\nbefore: ${JSON.stringify(before[key])}\nafter:  ${JSON.stringify(after[key])}\nformatted: ${JSON.stringify(once)}`,
            );
        }
    }
    assertTime(started);
    return { loadMs, syntaxErrors, formatted: true };
}

function assertTime(started: number): void {
    // Everything for one case (two loads, hovers, symbols, two formattings): a generous multiple of the load limit.
    const total = performance.now() - started;
    if (total > 3 * CASE_LIMIT_MS) {
        throw new Error(`the case took ${Math.round(total)} ms in all`);
    }
}

export const positions = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

export interface RunStats {
    cases: number;
    /** Cases skipped because they show a known issue, by issue. */
    known: Record<string, number>;
    withSyntaxErrors: number;
    formatted: number;
    slowestLoadMs: number;
    totalMs: number;
}

/** Runs one property over `runs` cases with a fixed seed, and returns what the cases were like. */
export async function run(arbitrary: fc.Arbitrary<Case>, runs: number, seed: number): Promise<RunStats> {
    const stats: RunStats = { cases: 0, known: {}, withSyntaxErrors: 0, formatted: 0, slowestLoadMs: 0, totalMs: 0 };
    const started = performance.now();
    await fc.assert(
        fc.asyncProperty(arbitrary, positions, async (input, at) => {
            const known = knownIssue(input);
            if (known) {
                const label = known.only ? `${known.name} (${known.only} skipped)` : known.name;
                stats.known[label] = (stats.known[label] ?? 0) + 1;
                fc.pre(known.only !== undefined);
            }
            const outcome = await checkCase(input, at, known?.only !== 'hover');
            stats.cases++;
            stats.withSyntaxErrors += outcome.syntaxErrors ? 1 : 0;
            stats.formatted += outcome.formatted ? 1 : 0;
            stats.slowestLoadMs = Math.max(stats.slowestLoadMs, outcome.loadMs);
        }),
        { numRuns: runs, seed, maxSkipsPerRun: 1_000 },
    );
    stats.totalMs = performance.now() - started;
    return stats;
}
