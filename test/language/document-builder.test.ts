/**
 * The document builder answers Langium's "are this file's results incomplete?" from the build
 * state alone (Langium looks up the file's services for it, on every file at every edit). The
 * answer must be Langium's own for every state and request.
 */
import type { BuildOptions, DocumentBuildState, LangiumDocument } from 'langium';
import { DefaultDocumentBuilder } from 'langium';
import { describe, expect, test } from 'vitest';
import { TocDocumentBuilder } from '../../language/src/workspace/toc-document-builder.js';
import { loadWorkspace } from '../support/workspace.js';

interface Internals {
    buildState: Map<string, DocumentBuildState>;
    resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean;
}

describe("whether a file's last build left results to complete", () => {
    test('the same answer as Langium for every build state and every request', async () => {
        const workspace = await loadWorkspace({ 'model.toc': 'outcome Safer { horizon short }\n' });
        const document = workspace.document('model.toc');
        const ours = workspace.services.shared.workspace.DocumentBuilder as unknown as Internals;
        expect(ours).toBeInstanceOf(TocDocumentBuilder);
        // Langium's own answer, over the same services and the same build state.
        const langium = new DefaultDocumentBuilder(workspace.services.shared) as unknown as Internals;
        const states: Array<DocumentBuildState | undefined> = [undefined];
        for (const completed of [true, false]) {
            for (const validationChecks of [
                undefined,
                [],
                ['built-in'],
                ['built-in', 'fast'],
                ['built-in', 'fast', 'slow'],
            ]) {
                states.push({ completed, options: {}, result: validationChecks ? { validationChecks } : undefined });
            }
        }
        const requests: Array<BuildOptions | undefined> = [
            undefined,
            {},
            { validation: true },
            { validation: false },
            { validation: {} },
            { validation: { categories: ['built-in', 'fast'] } },
            { validation: { categories: ['slow'] } },
            { validation: { categories: [] } },
        ];
        let compared = 0;
        for (const state of states) {
            for (const builder of [ours, langium]) {
                builder.buildState.clear();
                if (state) {
                    builder.buildState.set(document.uri.toString(), state);
                }
            }
            for (const request of requests) {
                const what = `${JSON.stringify(state)} asked ${JSON.stringify(request)}`;
                expect(ours.resultsAreIncomplete(document, request), what).toBe(
                    langium.resultsAreIncomplete(document, request),
                );
                compared++;
            }
        }
        expect(compared).toBe(88);
    });
});
