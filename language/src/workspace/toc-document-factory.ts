import type { AstNode, ParseResult, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';

/** The code of the warning on a file the editor left unanalysed for its size. */
export const FILE_TOO_LARGE = 'file-too-large';

/** A file the editor left unanalysed for its size: how large it is, and the limit it passed. */
export interface SizeLimitExceeded {
    size: number;
    limit: number;
}

const leftUnanalysed = new WeakMap<AstNode, SizeLimitExceeded>();

/** Whether the file whose root this is was too large to analyse, and by how much. */
export function sizeLimitExceeded(root: AstNode): SizeLimitExceeded | undefined {
    return leftUnanalysed.get(root);
}

/**
 * Creates documents as Langium does, but an editor can set a size above which a file is not
 * parsed at all: it becomes an empty model that says why. A multi-megabyte file costs gigabytes
 * and tens of seconds per keystroke to analyse, which would stall every other file in the editor.
 * The command-line checker sets no limit.
 */
export class TocDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Files with more characters than this are not analysed; no limit when undefined. */
    maxSize: number | undefined;

    protected override parse<T extends AstNode>(
        uri: URI,
        text: string,
        options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2],
    ): ParseResult<T> {
        return this.unanalysed<T>(text) ?? super.parse<T>(uri, text, options);
    }

    protected override parseAsync<T extends AstNode>(
        uri: URI,
        text: string,
        cancelToken: CancellationToken,
    ): Promise<ParseResult<T>> {
        const unanalysed = this.unanalysed<T>(text);
        return unanalysed ? Promise.resolve(unanalysed) : super.parseAsync<T>(uri, text, cancelToken);
    }

    private unanalysed<T extends AstNode>(text: string): ParseResult<T> | undefined {
        if (this.maxSize === undefined || text.length <= this.maxSize) {
            return undefined;
        }
        const root: Model = { $type: 'Model', imports: [], elements: [] } as unknown as Model;
        leftUnanalysed.set(root, { size: text.length, limit: this.maxSize });
        return { value: root as unknown as T, lexerErrors: [], parserErrors: [] };
    }
}
