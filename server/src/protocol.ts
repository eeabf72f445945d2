/**
 * Custom requests between the extension and the language server, declared once for both sides.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Scorecard } from '../../language/src/rules/scorecard.js';

export interface ScorecardParams {
    /** The `.toc` document whose model to score. */
    uri: string;
}

export interface ScorecardResult {
    scorecard: Scorecard;
    /** The same, as Markdown with paths relative to the workspace. */
    markdown: string;
}

export namespace ScorecardRequest {
    export const method = 'toc/scorecard';
    export const type = new RequestType<ScorecardParams, ScorecardResult | null, void>(method);
}
