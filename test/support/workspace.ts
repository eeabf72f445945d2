import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model, TocServices } from '../../language/src/index.js';
import { createTocServices } from '../../language/src/index.js';

export const ROOT = '/workspace';

export interface TestWorkspace {
    services: TocServices;
    fileSystem: VirtualFileSystemProvider;
    uri(path: string): URI;
    document(path: string): LangiumDocument<Model>;
    diagnostics(path: string): Diagnostic[];
    /** Diagnostic codes of one file, in order of position. */
    codes(path: string): string[];
    /** Only the errors: what the structural checks report, without the rules' warnings. */
    errors(path: string): Diagnostic[];
    errorCodes(path: string): string[];
    /** Replaces a file's text on "disk" and rebuilds, as an editor save would. */
    change(path: string, text: string): Promise<void>;
}

/**
 * A fresh set of services over an in-memory folder. `entries` are the files to open and build,
 * as the command-line checker would; their imports load from the same folder.
 */
export async function loadWorkspace(
    files: Record<string, string>,
    entries: string[] = Object.keys(files),
    options: { performanceLayer?: boolean } = {},
): Promise<TestWorkspace> {
    const fileSystem = new VirtualFileSystemProvider();
    for (const [path, text] of Object.entries(files)) {
        fileSystem.insert(URI.file(`${ROOT}/${path}`), text);
    }
    const { Toc: services } = createTocServices({ fileSystemProvider: () => fileSystem }, options);
    services.shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    const uri = (path: string) => URI.file(`${ROOT}/${path}`);
    await services.workspace.ImportLoader.buildWithImports(entries.map(uri));
    const documents = services.shared.workspace.LangiumDocuments;
    const workspace: TestWorkspace = {
        services,
        fileSystem,
        uri,
        document: path => documents.getDocument(uri(path)) as LangiumDocument<Model>,
        diagnostics: path =>
            [...(workspace.document(path).diagnostics ?? [])].sort(
                (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
            ),
        codes: path => workspace.diagnostics(path).map(d => String(d.code)),
        errors: path => workspace.diagnostics(path).filter(d => d.severity === 1),
        errorCodes: path => workspace.errors(path).map(d => String(d.code)),
        async change(path, text) {
            fileSystem.insert(uri(path), text);
            await services.shared.workspace.DocumentBuilder.update([uri(path)], []);
        },
    };
    return workspace;
}

/** One file on its own. */
export async function loadModel(
    text: string,
    files: Record<string, string> = {},
): Promise<
    TestWorkspace & { codes(): string[]; diagnostics(): Diagnostic[]; errors(): Diagnostic[]; errorCodes(): string[] }
> {
    const workspace = await loadWorkspace({ 'model.toc': text, ...files }, ['model.toc']);
    return {
        ...workspace,
        codes: (path: string = 'model.toc') => workspace.codes(path),
        diagnostics: (path: string = 'model.toc') => workspace.diagnostics(path),
        errors: (path: string = 'model.toc') => workspace.errors(path),
        errorCodes: (path: string = 'model.toc') => workspace.errorCodes(path),
    };
}

/** The text a diagnostic's range covers. */
export function rangeText(workspace: TestWorkspace, path: string, diagnostic: Diagnostic): string {
    return workspace.document(path).textDocument.getText(diagnostic.range);
}
