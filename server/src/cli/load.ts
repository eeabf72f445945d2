import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createTocServices } from '../../../language/src/index.js';

export interface FileResult {
    /** Absolute path of the checked file. */
    path: string;
    diagnostics: Diagnostic[];
}

/**
 * Loads the given files and what they import through the same services as the language server,
 * runs every check, and returns the findings for the given files (imported files are checked
 * when they are given too).
 */
export async function checkFiles(paths: string[]): Promise<FileResult[]> {
    const { shared, Toc } = createTocServices(NodeFileSystem);
    // Files rebuilt once their imports have loaded get the same full validation as the first build.
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    const documents: LangiumDocument[] = await Toc.workspace.ImportLoader.buildWithImports(paths.map(path => URI.file(path)));
    return documents.map(document => ({ path: document.uri.fsPath, diagnostics: sortByPosition(document.diagnostics ?? []) }));
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
