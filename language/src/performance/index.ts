import type { DeepPartial, LangiumSharedCoreServices, Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { TocServices } from '../toc-module.js';
import { FastDocumentBuilder } from './document-builder.js';
import { MapLangiumDocuments } from './langium-documents.js';
import { FastLexer } from './lexer.js';
import { FastLinker } from './linker.js';
import { ClassAstNodeDescriptionProvider } from './node-descriptions.js';
import { createFastParser, ParseNoteRepeatedFieldHint } from './parser.js';
import { FastReferenceDescriptionProvider, LazyReferenceIndexManager } from './reference-index.js';
import { SingleLanguageServiceRegistry } from './service-registry.js';
import { FastDocumentValidator, FastValidationRegistry } from './validation.js';

/**
 * The performance layer: every replacement of Langium or Chevrotain behaviour made for speed or
 * memory alone, in one place and injected after everything else. The language means the same
 * without it (the test suite runs both ways: `TOC_PERFORMANCE_LAYER=off` leaves it out); it is
 * only slower. Each entry names what it replaces and what it saved when it was measured
 * (medians, on the models in `bench/`); an entry that stops paying after an upgrade goes.
 *
 * - Parser (`createFastParser`): LangiumParser's private CST builder, which finds a node among its
 *   parent's children from the front (quadratic in the comments of a file: 2,000 comments cost
 *   about 2 million comparisons, now a few per comment) and spreads children into `push`, which
 *   overflows the stack for a run of hundreds of thousands of comments. Also notes, through the
 *   parser's private `assign`, parses that give a single-value field twice, so that the
 *   repeated-field check can skip the rest (it otherwise reads every token on each edit).
 * - Lexer (`FastLexer`): Chevrotain's object-literal tokens, which V8 stores with boxed
 *   positions (about an eighth of a parsed model's memory).
 * - Linker and document validator: Langium's per-node streams and an awaited cancellation check
 *   at every node, replaced by one list of nodes per parse and a look every 256 nodes; findings
 *   placed on their property by a cached grammar lookup (Langium's search was a tenth of
 *   checking a folder of small models).
 * - Validation registry: Langium wraps every check in an async function (hundreds of thousands
 *   of promises per edit on a large model).
 * - Reference index: Langium describes every reference of every file after each build; here
 *   only when asked (find references, rename, cross-file change), about a tenth of an edit on a
 *   large model. Scopes look up the files of a model instead of filtering the whole workspace.
 * - Node descriptions: Langium's literal with a getter becomes a dictionary-mode object per
 *   declaration; a class keeps them compact.
 * - Documents and builder: Langium lists every document by walking its URI tree (a quarter of
 *   an edit at 10,000 files) and asks every file whether its results are complete by looking its
 *   services up (an edit at 10,000 files went from 93 ms to 19 ms without that).
 * - Service registry: Langium looks every URI up among the open documents before its extension
 *   (2.5% of checking a folder of small models); with one language, the extension decides.
 */
export const TocPerformanceModule: Module<TocServices, DeepPartial<TocServices>> = {
    parser: {
        LangiumParser: services => createFastParser(services),
        Lexer: services => new FastLexer(services),
    },
    references: {
        Linker: services => new FastLinker(services),
    },
    validation: {
        DocumentValidator: services => new FastDocumentValidator(services),
        ValidationRegistry: services => new FastValidationRegistry(services),
        RepeatedFieldHint: () => new ParseNoteRepeatedFieldHint(),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new FastReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new ClassAstNodeDescriptionProvider(services),
    },
};

export const TocSharedPerformanceModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: services => new SingleLanguageServiceRegistry(services),
    workspace: {
        DocumentBuilder: services => new FastDocumentBuilder(services as LangiumSharedCoreServices),
        LangiumDocuments: services => new MapLangiumDocuments(services as LangiumSharedCoreServices),
        IndexManager: services => new LazyReferenceIndexManager(services as LangiumSharedCoreServices),
    },
};

/** Whether to use the layer: yes, unless the environment variable `TOC_PERFORMANCE_LAYER` is `off`. */
export function performanceLayerWanted(): boolean {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.TOC_PERFORMANCE_LAYER !== 'off';
}
