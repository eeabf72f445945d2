/**
 * Problems found in Langium's own CST builder (Langium 4.4), each as a minimal reproduction
 * beside the fix that `TocCstNodeBuilder` makes. When an upgrade of Langium fixes one, its first
 * test fails: then the override can go.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { CompositeCstNode, CstNode } from 'langium';
import { CstNodeBuilder, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { TocCstNodeBuilder } from '../../language/src/performance/parser.js';

const COMMENT = { name: 'SL_COMMENT' } as TokenType;

function token(offset: number): IToken {
    return {
        image: '//',
        startOffset: offset,
        endOffset: offset + 1,
        startLine: 1,
        startColumn: offset + 1,
        endLine: 1,
        endColumn: offset + 2,
        tokenType: COMMENT,
        tokenTypeIdx: 0,
    } as IToken;
}

/**
 * Builds what a file of `count` declarations, each after a comment, builds: for each, a node
 * for the declaration is started, then the comment before it is added. Returns how many children
 * were looked at to place the comments.
 */
function declarationsAfterComments(builder: CstNodeBuilder, count: number): number {
    const root = builder.buildRootNode('');
    let looked = 0;
    const content = root.content as CstNode[] & {
        indexOf: CstNode[]['indexOf'];
        lastIndexOf: CstNode[]['lastIndexOf'];
    };
    content.indexOf = function (this: CstNode[], node: CstNode) {
        const index = Array.prototype.indexOf.call(this, node);
        looked += index + 1;
        return index;
    };
    content.lastIndexOf = function (this: CstNode[], node: CstNode) {
        const index = Array.prototype.lastIndexOf.call(this, node);
        looked += this.length - index;
        return index;
    };
    const feature = { $type: GrammarAST.RuleCall.$type } as unknown as GrammarAST.AbstractElement;
    for (let i = 0; i < count; i++) {
        builder.buildCompositeNode(feature);
        builder.addHiddenNodes([token(i)]);
        builder.buildLeafNode(token(i), feature);
        builder.construct({ $type: 'Declaration' } as never);
    }
    return looked;
}

/** A node with one child already, and many to add after it at once. */
function addManyAfterOne(builder: CstNodeBuilder, count: number): CompositeCstNode {
    const root = builder.buildRootNode('');
    builder.buildLeafNode(token(0));
    // Leaves made elsewhere, as the parser makes those of hidden tokens before adding them.
    const elsewhere = new CstNodeBuilder();
    elsewhere.buildRootNode('');
    builder.appendChildren(
        root,
        Array.from({ length: count }, (_, i) => elsewhere.buildLeafNode(token(i + 1))),
    );
    return root;
}

describe('Langium problem: each comment before a declaration is placed by searching its parent from the front', () => {
    test('Langium looks at a number of children that grows with the square of the declarations', () => {
        expect(declarationsAfterComments(new CstNodeBuilder(), 2_000)).toBeGreaterThan(1_000_000);
    });

    test('TocCstNodeBuilder searches from the back: a few children per comment', () => {
        expect(declarationsAfterComments(new TocCstNodeBuilder(), 2_000)).toBeLessThan(10_000);
    });
});

describe('Langium problem: many children are added with `push(...children)`, one argument each', () => {
    test('Langium overflows the stack for a few hundred thousand', () => {
        expect(() => addManyAfterOne(new CstNodeBuilder(), 500_000)).toThrow(RangeError);
    });

    test('TocCstNodeBuilder adds them one at a time', () => {
        expect(addManyAfterOne(new TocCstNodeBuilder(), 500_000).content).toHaveLength(500_001);
    });
});
