import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { TocNodeFileSystem } from '../node-file-system.js';
import type { Diagnostic } from 'vscode-languageserver';
import type { TocServices } from '../../../language/src/index.js';
import { createTocServices } from '../../../language/src/index.js';
import type { ConfigProblem } from '../../../language/src/config/config-provider.js';

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

function createServices(): TocServices {
    const { shared, Toc } = createTocServices(TocNodeFileSystem);
    // Files rebuilt once their imports have loaded get the same full validation as the first build.
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    return Toc;
}

/**
 * Loads the given files and what they import through the same services as the language server,
 * and runs every check on them.
 */
export async function loadFiles(paths: string[], services: TocServices = createServices()): Promise<LoadedFiles> {
    const documents = await services.workspace.ImportLoader.buildWithImports(paths.map(path => URI.file(path)));
    return { services, documents };
}

/** How many given files are checked together. Memory follows this, not the number of files. */
export const CHECK_GROUP_SIZE = 500;

export interface CheckedFiles {
    /** For each given file, in the given order. */
    results: FileResult[];
    /** Problems with the configuration files that apply to the given files. */
    configProblems: ConfigProblem[];
}

/**
 * Checks many files with memory that does not grow with their number: a group of files at a time,
 * each group's documents dropped once its findings are taken. A file's findings can depend on the
 * programmes that import it, so groups that turn out to share a given file (one group loaded, as
 * an import, a file given in another) are checked again together.
 */
export async function checkFiles(paths: string[], groupSize = CHECK_GROUP_SIZE): Promise<CheckedFiles> {
    const services = createServices();
    const groupOf = new Map<string, number>();
    const groups: string[][] = [];
    for (let start = 0; start < paths.length; start += groupSize) {
        const group = paths.slice(start, start + groupSize);
        group.forEach(path => groupOf.set(URI.file(path).toString(), groups.length));
        groups.push(group);
    }
    const results = new Map<string, Diagnostic[]>();
    const configProblems: ConfigProblem[] = [];
    /** Union-find over groups: groups that share given files end in one set. */
    const parent = groups.map((_, index) => index);
    const find = (index: number): number => parent[index] === index ? index : (parent[index] = find(parent[index]));

    const check = async (group: string[]): Promise<Set<number>> => {
        const { documents } = await loadFiles(group, services);
        documents.forEach((document, index) => results.set(group[index], sortByPosition(document.diagnostics ?? [])));
        for (const document of documents) {
            configProblems.push(...services.config.ConfigProvider.configFor(document.uri).problems);
        }
        const reached = new Set<number>();
        const loaded = services.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        for (const uri of loaded) {
            const other = groupOf.get(uri.toString());
            if (other !== undefined) {
                reached.add(other);
            }
        }
        await services.shared.workspace.DocumentBuilder.update([], loaded);
        return reached;
    };

    for (const [index, group] of groups.entries()) {
        for (const other of await check(group)) {
            parent[find(other)] = find(index);
        }
    }
    const components = new Map<number, number[]>();
    groups.forEach((_, index) => components.set(find(index), [...components.get(find(index)) ?? [], index]));
    for (const members of components.values()) {
        if (members.length > 1) {
            await check(members.flatMap(index => groups[index]));
        }
    }
    return { results: paths.map(path => ({ path, diagnostics: results.get(path) ?? [] })), configProblems };
}

export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
        || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message));
}
