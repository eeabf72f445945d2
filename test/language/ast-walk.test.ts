import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { allNodesOf } from '../../language/src/performance/ast-walk.js';
import { exampleFiles, examplePrograms } from '../support/examples.js';
import { loadWorkspace } from '../support/workspace.js';

describe('the list of every node of a tree, which linking and checking walk', () => {
    test("holds the nodes of Langium's own walk, in the same order, for every example", async () => {
        for (const path of examplePrograms) {
            const workspace = await loadWorkspace(exampleFiles, [path]);
            const root = workspace.document(path).parseResult.value;
            const walked = allNodesOf(root);
            expect(walked.length).toBeGreaterThan(50);
            expect(walked).toEqual(AstUtils.streamAst(root).toArray());
        }
    });

    test('is built once per parse: a re-parsed file gets a new list', async () => {
        const workspace = await loadWorkspace({ 'plan.toc': 'outcome A { horizon short }\n' });
        const before = workspace.document('plan.toc').parseResult.value;
        expect(allNodesOf(before)).toBe(allNodesOf(before));
        await workspace.change('plan.toc', 'outcome A { horizon short }\noutcome B { horizon long }\n');
        const after = workspace.document('plan.toc').parseResult.value;
        expect(allNodesOf(after).map(node => node.$type)).toEqual(['Model', 'Outcome', 'Outcome']);
    });
});
