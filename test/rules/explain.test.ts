import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../language/src/rules/catalogue/index.js';
import { CHALLENGES } from '../../language/src/rules/challenges.js';
import { edit } from '../support/variants.js';
import { loadModel } from '../support/workspace.js';

const DOCS = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

describe('rule documentation', () => {
    const pages = readdirSync(DOCS)
        .filter(name => name.endsWith('.md') && name !== 'README.md')
        .map(name => name.slice(0, -3));

    test('every rule has a page', () => {
        expect(RULES.map(rule => rule.id).filter(id => !pages.includes(id))).toEqual([]);
    });

    test('every page is about a rule of the catalogue', () => {
        expect(pages.filter(page => !RULES.some(rule => rule.id === page))).toEqual([]);
    });

    test('each page names its rule, its challenge and its default severity', () => {
        for (const rule of RULES) {
            const page = readFileSync(`${DOCS}${rule.id}.md`, 'utf8');
            expect(page.startsWith(`# ${rule.id}\n`), rule.id).toBe(true);
            expect(page, rule.id).toContain(`| Default severity | ${rule.defaultSeverity}`);
            expect(page, rule.id).toMatch(
                rule.challenge === 'methods'
                    ? /\| Challenge \| .*[Mm]ethods/
                    : new RegExp(`\\| Challenge \\| ${rule.challenge} `),
            );
        }
    });

    test('the index lists every rule', () => {
        const index = readFileSync(`${DOCS}README.md`, 'utf8');
        expect(RULES.map(rule => rule.id).filter(id => !index.includes(`(${id}.md)`))).toEqual([]);
    });

    test('all ten challenges have at least one rule', () => {
        for (const challenge of CHALLENGES) {
            expect(
                RULES.some(rule => rule.challenge === challenge.id),
                String(challenge.id),
            ).toBe(true);
        }
    });
});

describe('hover on a finding', () => {
    test('shows the challenge, why it matters, and the rule documentation, then the element', async () => {
        const model = await loadModel(edit(['measures RoundsDone', 'measures Rounding']));
        const document = model.document('model.toc');
        const offset = document.textDocument.getText().indexOf('RoundsDone "Patients');
        const hover = (await model.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset + 2),
        })) as Hover;
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**Challenge 3: Getting data collection and monitoring right** · `unmeasured-outcome`');
        expect(value).toContain('An outcome nobody measures is one nobody will know was reached.');
        expect(value).toContain(
            '[About this rule](https://github.com/toc-lang/theory-of-change/blob/main/docs/rules/unmeasured-outcome.md)',
        );
        expect(value).toContain('**outcome** `RoundsDone`');
    });

    test('on a field a finding points at, where there is no name to hover', async () => {
        const model = await loadModel(edit(['evidence moderate\n}', 'evidence contested\n}']));
        const document = model.document('model.toc');
        const offset = document.textDocument.getText().indexOf('contested');
        const hover = (await model.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset + 1),
        })) as Hover;
        expect((hover.contents as { value: string }).value).toContain('`contested-evidence`');
    });
});
