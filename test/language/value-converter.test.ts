import { CstUtils, DefaultValueConverter, GrammarAST, isLeafCstNode } from 'langium';
import { expect, test } from 'vitest';
import { TocValueConverter } from '../../language/src/parser/toc-value-converter.js';
import { exampleFiles } from '../support/examples.js';
import { loadModel } from '../support/workspace.js';

test('values are read as Langium reads them: names, quoted text with escapes, numbers and dates, in every example', async () => {
    const ours = new TocValueConverter();
    const langiums = new DefaultValueConverter();
    const texts = [
        ...Object.values(exampleFiles),
        'outcome A "say \\"why\\" here" { target reduce 12.5 % by 2026-03-31 }\n',
    ];
    let compared = 0;
    for (const text of texts) {
        const model = await loadModel(text);
        const root = model.document('model.toc').parseResult.value.$cstNode!;
        for (const leaf of CstUtils.streamCst(root).filter(isLeafCstNode)) {
            if (GrammarAST.isRuleCall(leaf.grammarSource) || GrammarAST.isCrossReference(leaf.grammarSource)) {
                expect(ours.convert(leaf.text, leaf)).toEqual(langiums.convert(leaf.text, leaf));
                compared++;
            }
        }
    }
    expect(compared).toBeGreaterThan(1000);
    const quoted = await loadModel(texts.at(-1)!);
    expect(quoted.document('model.toc').parseResult.value.elements[0]).toMatchObject({
        title: 'say "why" here',
        target: { value: { value: 12.5 } },
    });
});
