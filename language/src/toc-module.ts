import type { LangiumSharedCoreServices, Module } from 'langium';
import { inject } from 'langium';
import type {
    DefaultSharedModuleContext,
    LangiumServices,
    LangiumSharedServices,
    PartialLangiumServices,
    PartialLangiumSharedServices,
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { ModelAnalysis } from './analysis/model-analysis.js';
import { TocConfigProvider } from './config/config-provider.js';
import { RuleEngine } from './rules/rule-engine.js';
import { MeasureData } from './data/measure-data.js';
import { TocGeneratedModule, TocGeneratedSharedModule } from './generated/module.js';
import { TocValueConverter } from './parser/toc-value-converter.js';
import { TocLexerErrorMessageProvider, TocParserErrorMessageProvider } from './parser/toc-error-messages.js';
import { TocTokenBuilder } from './parser/toc-token-builder.js';
import { TocCodeActionProvider } from './lsp/toc-code-actions.js';
import { TocCompletionProvider } from './lsp/toc-completion-provider.js';
import { TocFormatter } from './lsp/toc-formatter.js';
import { TocHoverProvider } from './lsp/toc-hover-provider.js';
import { TocNodeKindProvider } from './lsp/toc-node-kinds.js';
import { TocSemanticTokenProvider } from './lsp/toc-semantic-tokens.js';
import { TocLinker } from './references/toc-linker.js';
import { TocScopeComputation } from './references/toc-scope-computation.js';
import { TocScopeProvider } from './references/toc-scope-provider.js';
import { TocDocumentValidator } from './validation/toc-document-validator.js';
import { registerValidationChecks } from './validation/toc-validator.js';
import type { RepeatedFieldHint } from './validation/structure/fields.js';
import { NoRepeatedFieldHint } from './validation/structure/fields.js';
import { performanceLayerWanted, TocPerformanceModule, TocSharedPerformanceModule } from './performance/index.js';
import { TocImportLoader } from './workspace/import-loader.js';
import { TocImports } from './workspace/imports.js';
import { TocDocumentBuilder } from './workspace/toc-document-builder.js';
import { TocDocumentFactory } from './workspace/toc-document-factory.js';
import { TocWorkspaceManager } from './workspace/toc-workspace-manager.js';

/** Services the language adds to Langium's. */
export type TocAddedServices = {
    workspace: {
        Imports: TocImports;
        ImportLoader: TocImportLoader;
    };
    analysis: {
        ModelAnalysis: ModelAnalysis;
    };
    config: {
        ConfigProvider: TocConfigProvider;
    };
    rules: {
        RuleEngine: RuleEngine;
    };
    data: {
        MeasureData: MeasureData;
    };
    validation: {
        RepeatedFieldHint: RepeatedFieldHint;
    };
};

export type TocServices = LangiumServices & TocAddedServices;

export const TocModule: Module<TocServices, PartialLangiumServices & TocAddedServices> = {
    workspace: {
        Imports: services => new TocImports(services),
        ImportLoader: services => new TocImportLoader(services.shared, () => services.workspace.Imports),
    },
    analysis: {
        ModelAnalysis: services => new ModelAnalysis(services),
    },
    config: {
        ConfigProvider: services => new TocConfigProvider(services.shared),
    },
    rules: {
        RuleEngine: services => new RuleEngine(services),
    },
    data: {
        MeasureData: services => new MeasureData(services),
    },
    parser: {
        ValueConverter: () => new TocValueConverter(),
        TokenBuilder: () => new TocTokenBuilder(),
        ParserErrorMessageProvider: () => new TocParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new TocLexerErrorMessageProvider(),
    },
    validation: {
        DocumentValidator: services => new TocDocumentValidator(services),
        RepeatedFieldHint: () => new NoRepeatedFieldHint(),
    },
    references: {
        ScopeComputation: services => new TocScopeComputation(services),
        ScopeProvider: services => new TocScopeProvider(services),
        Linker: services => new TocLinker(services),
    },
    lsp: {
        CodeActionProvider: services => new TocCodeActionProvider(services),
        CompletionProvider: services => new TocCompletionProvider(services),
        Formatter: () => new TocFormatter(),
        HoverProvider: services => new TocHoverProvider(services),
        SemanticTokenProvider: services => new TocSemanticTokenProvider(services),
    },
};

export const TocSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new TocNodeKindProvider(),
    },
    workspace: {
        DocumentBuilder: services => new TocDocumentBuilder(services as LangiumSharedCoreServices),
        LangiumDocumentFactory: services => new TocDocumentFactory(services as LangiumSharedCoreServices),
        WorkspaceManager: services => new TocWorkspaceManager(services as LangiumSharedCoreServices),
    },
};

/**
 * The one way to get the language's services: the language server, the command-line checker and
 * the tests all call this, so they always agree. Pass `NodeFileSystem` or `EmptyFileSystem` as
 * the context; nothing here touches VS Code or the disk directly.
 */
export function createTocServices(
    context: DefaultSharedModuleContext,
    { performanceLayer = performanceLayerWanted() }: { performanceLayer?: boolean } = {},
): { shared: LangiumSharedServices; Toc: TocServices } {
    // The performance layer goes last, over everything it replaces (see performance/index.ts).
    const shared = performanceLayer
        ? inject(
              createDefaultSharedModule(context),
              TocGeneratedSharedModule,
              TocSharedModule,
              TocSharedPerformanceModule,
          )
        : inject(createDefaultSharedModule(context), TocGeneratedSharedModule, TocSharedModule);
    const Toc = performanceLayer
        ? inject(createDefaultModule({ shared }), TocGeneratedModule, TocModule, TocPerformanceModule)
        : inject(createDefaultModule({ shared }), TocGeneratedModule, TocModule);
    shared.ServiceRegistry.register(Toc);
    registerValidationChecks(Toc);
    if (!context.connection) {
        // Outside a language server, documents are built on demand rather than by the workspace manager.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Toc };
}
