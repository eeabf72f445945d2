import { URI, UriUtils } from 'langium';
import { readWhenChecked } from './checked-document.js';
import type { LangiumSharedServices } from 'langium/lsp';
import type { TocServices } from '../../language/src/index.js';
import { scorecardMarkdown, scorecardOf } from '../../language/src/rules/scorecard.js';
import { ScorecardRequest } from '../../language/src/protocol.js';

/** Answers the scorecard request for an open or loaded document once it is fully checked. */
export function registerScorecardHandler(shared: LangiumSharedServices, services: TocServices): void {
    shared.lsp.Connection?.onRequest(ScorecardRequest.type, async ({ uri }) => {
        const answer = await readWhenChecked(shared, uri, document => {
            const scorecard = scorecardOf(services, document);
            const folder = UriUtils.dirname(document.uri);
            const markdown = scorecardMarkdown(
                scorecard,
                target => UriUtils.relative(folder, URI.parse(target)) || UriUtils.basename(URI.parse(target)),
            );
            return { scorecard, markdown };
        });
        return answer ?? null;
    });
}
