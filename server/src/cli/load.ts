import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { TocNodeFileSystem } from '../node-file-system.js';
import type { Diagnostic } from 'vscode-languageserver';
import type { TocServices } from '../../../language/src/index.js';
import { createTocServices } from '../../../language/src/index.js';

export interface FileResult {
    /** Absolute path of the checked file. */
    path: string;
    diagnostics: Diagnostic[];
}

export interface LoadedFiles {
    services: TocServices;
    /** The documents of the given paths, in the given order. */
    documents: LangiumDocument[];
}

/**
 * Loads the given files and what they import through the same services as the language server,
 * and runs every check on them.
 */
export async function loadFiles(paths: string[]): Promise<LoadedFiles> {
    const { shared, Toc } = createTocServices(TocNodeFileSystem);
    // Files rebuilt once their imports have loaded get the same full validation as the first build.
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    const documents = await Toc.workspace.ImportLoader.buildWithImports(paths.map(path => URI.file(path)));
    return { services: Toc, documents };
}

/** The findings for each given file, in order of position (imported files are checked when given too). */
export async function checkFiles(paths: string[]): Promise<FileResult[]> {
    const { documents } = await loadFiles(paths);
    return documents.map(document => ({ path: document.uri.fsPath, diagnostics: sortByPosition(document.diagnostics ?? []) }));
}

export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
        || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message));
}
