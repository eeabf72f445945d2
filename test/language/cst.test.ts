import { GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { allNodesOf } from '../../language/src/performance/ast-walk.js';
import { findPropertyNode } from '../../language/src/utils/cst.js';
import { exampleFiles } from '../support/examples.js';
import { loadWorkspace } from '../support/workspace.js';

describe('where a finding on a property is placed', () => {
    test("the same node as Langium's own search, for every property of every node of every example, and every index", async () => {
        const workspace = await loadWorkspace(exampleFiles, Object.keys(exampleFiles));
        let compared = 0;
        for (const path of Object.keys(exampleFiles)) {
            for (const node of allNodesOf(workspace.document(path).parseResult.value)) {
                const properties = Object.keys(node)
                    .filter(key => !key.startsWith('$'))
                    .concat(['name', 'nothing']);
                for (const property of properties) {
                    for (const index of [undefined, 0, 1, 2, 7]) {
                        expect(
                            findPropertyNode(node.$cstNode, property, index),
                            `${path} ${node.$type}.${property}[${index}]`,
                        ).toBe(GrammarUtils.findNodeForProperty(node.$cstNode, property, index));
                        compared++;
                    }
                }
            }
        }
        expect(compared).toBeGreaterThan(10_000);
    });
});
