/**
 * Regression tests for what the hostile-input tests and the fuzzing found. Fixed problems are plain
 * tests; problems whose fix lies outside the parser, formatter, validation, rules and references
 * are `test.fails` (they pass while the problem is there: turn them into plain tests once it is
 * fixed, and drop the matching entry of KNOWN_ISSUES in `properties.ts`).
 */
import fc from 'fast-check';
import { EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTocServices } from '../../language/src/index.js';
import type { Outcome, TocAstType } from '../../language/src/index.js';
import { matchBlockComment, matchQuotedText } from '../../language/src/parser/toc-token-builder.js';
import { loadModel } from '../support/workspace.js';
import { messageText } from '../../language/src/utils/text.js';

/** The grammar's own pattern for a terminal, as the lexer used it before. */
function grammarPattern(name: string): RegExp {
    const grammar = createTocServices(EmptyFileSystem).Toc.Grammar;
    const rule = grammar.rules.find(
        (r): r is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(r) && r.name === name,
    )!;
    const regex = GrammarUtils.terminalRegex(rule);
    return new RegExp(regex.source, `${regex.flags}y`);
}

/** Runs `work` with console.error silenced (Langium logs the internal errors of the known issues there). */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
    const error = console.error;
    console.error = () => undefined;
    try {
        return await work();
    } finally {
        console.error = error;
    }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
}

describe('the lexer on hostile text (fixed in language/src/parser/toc-token-builder.ts)', () => {
    test("a 5 MB quoted text loads (the grammar's pattern overflowed the regular-expression stack)", async () => {
        const [model, ms] = await timed(() =>
            loadModel(`outcome Huge "${'x'.repeat(5 * 1024 * 1024)}" { horizon short }\n`),
        );
        expect(model.errorCodes()).toEqual([]);
        expect((model.document('model.toc').parseResult.value.elements[0] as Outcome).title).toHaveLength(
            5 * 1024 * 1024,
        );
        expect(ms).toBeLessThan(5_000);
    });

    test('a quote that never closes, followed by 100,000 escaped quotes, takes linear time (it took 16 s)', async () => {
        const [model, ms] = await timed(() => loadModel(`"${'\\"'.repeat(100_000)}`));
        expect(model.errorCodes()).toEqual(['syntax-error']);
        expect(ms).toBeLessThan(6_000);
    });

    test('100,000 block comments that never close take linear time (they took over 10 s)', async () => {
        const [model, ms] = await timed(() => loadModel('/* '.repeat(100_000)));
        // Every one is an error; the first hundred are listed, then how many more there are.
        expect(model.errorCodes()).toHaveLength(101);
        expect(model.errors().at(-1)!.message).toMatch(/^99,900 more syntax errors follow/);
        expect(ms).toBeLessThan(6_000);
    });

    test('a quoted text still ends at its first unescaped quote, and may span lines', async () => {
        const model = await loadModel(
            'outcome A "say \\"hello\\"\nacross lines" { horizon short }\noutcome B "\\\\" { horizon long }\n',
        );
        expect(model.errorCodes()).toEqual([]);
        const [a, b] = model.document('model.toc').parseResult.value.elements as Outcome[];
        expect([a.title, b.title]).toEqual(['say "hello"\nacross lines', '\\']);
        // A backslash before a line break escapes nothing: the text does not end there.
        expect((await loadModel('outcome A "broken \\\nhere"')).errorCodes()).toContain('syntax-error');
    });

    test("the hand-written matchers accept exactly what the grammar's patterns accept", () => {
        const quoted = grammarPattern('STRING');
        const comment = grammarPattern('ML_COMMENT');
        const piece = fc.constantFrom(
            '"',
            '\\',
            '/',
            '*',
            '/*',
            '*/',
            'a',
            ' ',
            '\n',
            '\r',
            '\u2028',
            '\u2029',
            '\uD83D',
            '\uDE00',
            'é',
        );
        fc.assert(
            fc.property(
                fc.array(piece, { maxLength: 30 }).map(p => p.join('')),
                fc.nat({ max: 30 }),
                (text, at) => {
                    const offset = Math.min(at, text.length);
                    for (const [pattern, matcher] of [
                        [quoted, matchQuotedText],
                        [comment, matchBlockComment],
                    ] as const) {
                        pattern.lastIndex = offset;
                        const expected = pattern.exec(text)?.[0] ?? null;
                        // A fresh array of tokens: a new tokenization, with nothing remembered.
                        expect(matcher(text, offset, [])?.[0] ?? null).toBe(expected);
                    }
                },
            ),
            { numRuns: 5_000, seed: 7 },
        );
    });

    test('what a tokenization remembers about text that does not close is right for every later offset', () => {
        const quoted = grammarPattern('STRING');
        const comment = grammarPattern('ML_COMMENT');
        const piece = fc.constantFrom('"', '\\"', '\\', '/*', '*/', '*', 'a', '\n', '\\\n');
        fc.assert(
            fc.property(
                fc.array(piece, { maxLength: 40 }).map(p => p.join('')),
                text => {
                    // One tokenization: every offset in order, sharing one array of tokens, as the lexer does.
                    const tokens: unknown[] = [];
                    for (let offset = 0; offset <= text.length; offset++) {
                        for (const [pattern, matcher] of [
                            [quoted, matchQuotedText],
                            [comment, matchBlockComment],
                        ] as const) {
                            pattern.lastIndex = offset;
                            expect(matcher(text, offset, tokens)?.[0] ?? null).toBe(pattern.exec(text)?.[0] ?? null);
                        }
                    }
                },
            ),
            { numRuns: 2_000, seed: 8 },
        );
    });
});

describe('checks on very large models (fixed in language/src/validation)', () => {
    test('a field given 20,000 times is checked in linear time (the repeated-field check copied its list each time)', async () => {
        const model = await loadModel(`outcome A {${' horizon short'.repeat(20_000)} }\n`);
        const document = model.document('model.toc');
        const [diagnostics, ms] = await timed(() =>
            model.services.validation.DocumentValidator.validateDocument(document),
        );
        expect(diagnostics.filter(d => d.code === 'repeated-field')).toHaveLength(19_999);
        expect(ms).toBeLessThan(1_000);
    });

    test("more than 120,000 findings in one file are all kept (Langium's push(...findings) overflowed the stack and lost them all)", async () => {
        const model = await loadModel('outcome A { horizon short }\n');
        model.services.validation.ValidationRegistry.register<TocAstType>({
            Model: (node, accept) => {
                for (let i = 0; i < 150_000; i++) {
                    accept('hint', `finding ${i}`, { node, code: 'many' });
                }
            },
        });
        const diagnostics = await model.services.validation.DocumentValidator.validateDocument(
            model.document('model.toc'),
        );
        expect(diagnostics.filter(d => d.code === 'many')).toHaveLength(150_000);
        expect(diagnostics.map(d => d.code)).toContain('unmeasured-outcome');
    });
});

describe('a field whose value is a node of its own, given twice (found by fuzzing)', () => {
    const cases: Array<[string, string, string]> = [
        [
            'mechanism',
            'mechanism M\noutcome A\nactivity T\nlink T -> A { mechanism M evidence weak mechanism "why" }\n',
            'M',
        ],
        ['source', 'evidence E\nmeasure X { source E kind process source "a register" }\n', 'E'],
        ['target', 'outcome A { target reduce 5 % horizon short target 6 }\n', 'target reduce 5 %'],
        ['baseline', 'measure X { baseline 3 baseline 4 }\n', 'baseline 3'],
        [
            'period',
            'programme P { period 2020-01-01 to 2021-01-01 period 2022-01-01 to 2023-01-01 }\n',
            '2020-01-01 to 2021-01-01',
        ],
    ];

    // language/src/validation/structure/fields.ts: the repeated-field check did not see these.
    test.each(cases)('`%s` given twice is reported on the first one', async (field, text, first) => {
        const model = await loadModel(text);
        const repeated = model.diagnostics().filter(d => d.code === 'repeated-field');
        expect(repeated.map(d => d.message)).toEqual([expect.stringContaining(`\`${field}\` is given more than once`)]);
        expect(model.document('model.toc').textDocument.getText(repeated[0].range)).toBe(first);
    });

    test('a site figure that names no site is skipped by the rules, the measurement plan and hover', async () => {
        const text =
            'site W\nmeasure M {\n    kind outcome\n    direction decrease\n    target reach 5\n    at baseline 3\n}\n';
        const model = await loadModel(text);
        expect(model.diagnostics().filter(d => d.code === 'rule-failed')).toEqual([]);
        expect(model.diagnostics().some(d => d.code === 'syntax-error')).toBe(true);
        const document = model.document('model.toc');
        const hover = await model.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.indexOf('M {')),
        });
        expect(JSON.stringify(hover)).not.toMatch(/undefined/);
    });

    // language/src/references/toc-scope-provider.ts: the first value is left outside the tree;
    // hovering over its name resolved the reference with no document and logged an error.
    test('hovering over the first value logs no error', async () => {
        const text =
            'mechanism M\nevidence E\noutcome A\nlink A -> A { mechanism M mechanism M }\nmeasure X { source E source E }\n';
        const model = await loadModel(text);
        const document = model.document('model.toc');
        const logged: unknown[] = [];
        const error = console.error;
        console.error = (...args: unknown[]) => {
            logged.push(args);
        };
        try {
            for (const at of [text.indexOf('mechanism M mechanism') + 10, text.indexOf('source E source') + 7]) {
                await model.services.lsp.HoverProvider!.getHoverContent(document, {
                    textDocument: { uri: document.uri.toString() },
                    position: document.textDocument.positionAt(at),
                });
            }
        } finally {
            console.error = error;
        }
        expect(logged.map(args => String((args as unknown[])[0]))).toEqual([]);
    });
});

describe('a field given twice on a link without a cause or an effect (found by fuzzing)', () => {
    // language/src/rules/catalogue/solution.ts: the repeated-field message named the link by its
    // cause and effect, and read the name of a cause that was not there.
    test.each([
        'link -> X { mechanism "a" mechanism "b" }',
        'link A -> { evidence weak evidence strong }',
        'link -> { mechanism "a" mechanism "b" }',
    ])('%j: a syntax error and the repeated field, no internal error', async text => {
        const model = await quietly(() =>
            loadModel(`outcome X { horizon short }\noutcome A { horizon short }\n${text}\n`),
        );
        expect(model.errorCodes()).toContain('syntax-error');
        expect(model.errorCodes()).toContain('repeated-field');
        expect(model.diagnostics().filter(d => messageText(d.message).startsWith('An error occurred'))).toEqual([]);
    });
});

describe('a target or baseline cut short (found by fuzzing)', () => {
    // language/src/rules/catalogue/ambition.ts and problem.ts read `target.value.unit` on a target
    // the parser recovered without a value: the rule failed (`rule-failed`) instead of running.
    test.each([
        'outcome A { target }',
        'outcome A { target by 2020-01-01 stretch }',
        'measure M { kind outcome baseline 5 target , }',
    ])('%j: every rule runs', async text => {
        const model = await loadModel(text);
        expect(model.codes()).toContain('syntax-error');
        expect(model.codes()).not.toContain('rule-failed');
    });

    // language/src/analysis/describe.ts (describeQuantity), called by the hover of
    // Regression: describeQuantity read `quantity.unit` of a missing value, so hovering over the
    // declaration threw (in the server, the hover request failed).
    test.each(['outcome A { target }', 'measure M { baseline }', 'measure M { target }'])(
        '%j: hovering over the name answers',
        async text => {
            const model = await loadModel(text);
            const document = model.document('model.toc');
            const hover = await model.services.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() },
                position: { line: 0, character: text.indexOf(' ') + 1 },
            });
            expect(hover).toBeDefined();
        },
    );
});

describe('known issues found by fuzzing (not fixed here: each names where the fix belongs)', () => {
    // language/src/workspace/imports.ts: TocImports.resolveUri calls `path.toLowerCase()` on an
    // Import without a path (the parser recovers with one from `import` at the end of a file, or
    // `import 5`). Loading throws; the CLI exits 2 with stack traces.
    test.each(['import', 'outcome A\nimport', 'import 5\noutcome A', 'import "unterminated'])(
        '%j: a syntax error, not a crash',
        async text => {
            const model = await quietly(() => loadModel(text));
            expect(model.errorCodes()).toContain('syntax-error');
            expect(model.diagnostics().filter(d => messageText(d.message).startsWith('An error occurred'))).toEqual([]);
        },
    );

    // language/src/analysis/programme-model.ts: the ProgrammeModel constructor reads
    // `link.target.ref` (and `link.source.ref`) on a link the parser recovered without one.
    // Every check that needs the model then reports "An error occurred during validation".
    test.each(['link', 'link A', 'link A ->', 'link N: ', 'feedback link A ->', 'outcome A\nlink A -> end'])(
        '%j: a syntax error, no internal error',
        async text => {
            const model = await quietly(() => loadModel(text));
            expect(model.errorCodes()).toContain('syntax-error');
            expect(model.diagnostics().filter(d => messageText(d.message).startsWith('An error occurred'))).toEqual([]);
        },
    );
});

describe('a declaration whose name a syntax error took (found by fuzzing)', () => {
    test.each([
        ['a problem named with a word of the language', 'assumption A\nproblem risk\n'],
        ['a programme without a name, then a second one', 'programme\nprogramme P "One"\n'],
        [
            'a field given twice in a mechanism without a name',
            'mechanism mechanism { description "" description "" }\n',
        ],
    ])('%s: no message shows `undefined`', async (_, text) => {
        const model = await loadModel(text);
        expect(model.diagnostics().length).toBeGreaterThan(0);
        expect(
            model
                .diagnostics()
                .map(d => messageText(d.message))
                .filter(m => /undefined|null|\[object/.test(m)),
        ).toEqual([]);
    });
});
