import type { AstNode, BuildOptions, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TocServices } from '../toc-module.js';
import type { ModelGraph } from './model-graph.js';

/**
 * Plans each build from the model graph: a change to some files rebuilds exactly the files whose
 * meaning it can alter (see {@link ModelGraph.reachedBy}), even those holding no reference into
 * the changed files, and no others, however large the workspace.
 *
 * The plan is made twice: before parsing, from the relations the files had, and again after
 * parsing, from the relations the new text creates (a file that starts importing another, or
 * starts declaring a programme, brings new files into a model). Both go into the same build, so
 * one build settles every change; nothing is left for a later round to find.
 */
export class TocDocumentBuilder extends DefaultDocumentBuilder {
    /** The files the change being planned reaches, for the set of changed URIs it was made for. */
    private plan: { changed: Set<string>; reached: Set<string> | undefined } | undefined;
    /**
     * Files loaded without being checked, and unchanged since (see sortDocuments). Their build
     * states say the same, but Langium hands every such file to sortDocuments on each keystroke,
     * and reading 10,000 states there cost a fifth of an edit; a set is kept instead.
     */
    private readonly unchecked = new WeakSet<LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        // Langium asks once per loaded file with the same set: the graph is walked, and the
        // language's services looked up (costly per file), once per set.
        if (this.plan?.changed !== changedUris) {
            this.plan = { changed: changedUris, reached: this.graphFor(document)?.reachedBy(changedUris) };
        }
        return this.plan.reached
            ? this.plan.reached.has(document.uri.toString())
            : super.shouldRelink(document, changedUris);
    }

    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: CancellationToken,
    ): Promise<void> {
        this.plan = undefined;
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, doc =>
            this.langiumDocumentFactory.update(doc, cancelToken),
        );
        // Files they import that are not loaded yet are loaded now, so the model links whole.
        const loader = documents.length > 0 ? this.servicesFor(documents[0])?.workspace?.ImportLoader : undefined;
        if (loader) {
            documents = [...documents, ...(await loader.loadImportsOf(documents))];
        }
        const inBuild = new Set(documents.map(doc => doc.uri.toString()));
        const related = new Map<ModelGraph, string[]>();
        for (const document of documents) {
            const graph = this.graphFor(document);
            if (graph?.record(document)) {
                related.set(graph, [...(related.get(graph) ?? []), document.uri.toString()]);
            }
        }
        const joining: LangiumDocument[] = [];
        const checked: LangiumDocument[] = [];
        for (const [graph, uris] of related) {
            for (const uri of graph.reachedBy(uris)) {
                const document = inBuild.has(uri) ? undefined : this.langiumDocuments.getDocument(URI.parse(uri));
                if (document) {
                    if (document.state === DocumentState.Validated) {
                        checked.push(document);
                    }
                    this.resetToState(document, DocumentState.ComputedScopes);
                    joining.push(document);
                }
            }
        }
        if (checked.length > 0 && !options.validation) {
            // A build that does not check (the workspace loading in the background) reached files
            // that had been checked (open ones): they keep being checked, in this build or, if it is
            // cancelled, in the one that finishes it (Langium keeps an unfinished build's options).
            this.prepareBuild(checked, this.updateBuildOptions);
        }
        const built = joining.length > 0 ? this.sortDocuments([...documents, ...joining]) : documents;
        await super.buildDocuments(built, options, cancelToken);
        for (const document of built) {
            const state = this.buildState.get(document.uri.toString());
            if (document.state === DocumentState.IndexedReferences && state?.completed && !state.options.validation) {
                this.unchecked.add(document);
            }
        }
    }

    /**
     * Langium 4.4's update hands every file that was never checked to the build: every file the
     * workspace loaded in the background, so each keystroke, and each batch of the workspace
     * loading, checked and published findings for every file loaded so far (loading a folder of
     * 1,000 models took three times as long). Such a file stays unchecked until it changes, is
     * reached by a change, or is built on purpose (opened, or asked for). This is the one step
     * between Langium's choice of files and the build.
     */
    protected override sortDocuments(documents: LangiumDocument[]): LangiumDocument[] {
        return super.sortDocuments(documents.filter(document => !this.unchecked.has(document)));
    }

    override async build<T extends AstNode>(
        documents: Array<LangiumDocument<T>>,
        options?: BuildOptions,
        cancelToken?: CancellationToken,
    ): Promise<void> {
        documents.forEach(document => this.unchecked.delete(document));
        await super.build(documents, options, cancelToken);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Validated) {
            this.unchecked.delete(document);
        }
        super.resetToState(document, state);
    }

    private graphFor(document: LangiumDocument): ModelGraph | undefined {
        return this.servicesFor(document)?.workspace?.Imports?.graph;
    }

    private servicesFor(document: LangiumDocument): Partial<TocServices> | undefined {
        return this.serviceRegistry.getServices(document.uri) as Partial<TocServices>;
    }
}
