import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import snippets from '../snippets/toc.json';

/** Every prefix of the extension's declaration templates (`link`, `measure`, `sustain`...). */
const TEMPLATE_PREFIXES = new Set(
    Object.values(snippets as Record<string, { prefix: string | string[] }>).flatMap(snippet =>
        Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix],
    ),
);

/**
 * VS Code lists the extension's template for a declaration beside the server's keyword of the same
 * name: `link` twice, with nothing to tell them apart. The template starts with the keyword, so
 * the keyword's own item is dropped; typing the keyword without choosing anything still works.
 */
export const withoutKeywordsTemplatesCover: Middleware = {
    provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        const covered = (item: vscode.CompletionItem) =>
            item.kind === vscode.CompletionItemKind.Keyword &&
            TEMPLATE_PREFIXES.has(typeof item.label === 'string' ? item.label : item.label.label);
        if (Array.isArray(result)) {
            return result.filter(item => !covered(item));
        }
        return result
            ? new vscode.CompletionList(
                  result.items.filter(item => !covered(item)),
                  result.isIncomplete,
              )
            : result;
    },
};
