import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { TocNodeFileSystemSync } from '../node-file-system.js';
import type { Diagnostic } from 'vscode-languageserver';
import type { TocServices } from '../../../language/src/index.js';
import { createTocServices } from '../../../language/src/index.js';
import type { GroupResult } from './check-workers.js';
import { CheckPool, threadsFor } from './check-workers.js';
import { findingsOf, sortByPosition, type CheckedFile } from './report.js';

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

/** What the command line sets for a whole run, in every thread. */
export interface RunSettings {
    /** The date the rules about data read as today (`--as-of`), over every configuration file's. */
    asOf?: string;
}

export function createServices({ asOf }: RunSettings = {}): TocServices {
    const { shared, Toc } = createTocServices(TocNodeFileSystemSync);
    Toc.config.ConfigProvider.asOfOverride = asOf;
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
    results: CheckedFile[];
    /** Problems with the configuration files that apply to the given files (paths, 1-based positions). */
    configProblems: GroupResult['configProblems'];
    /** Every file read: the given ones and what they import. */
    read: string[];
}

/** Checks one group of files in these services, takes the findings, and drops the documents. */
export async function checkGroup(services: TocServices, paths: string[]): Promise<GroupResult> {
    const { documents } = await loadFiles(paths, services);
    const results = documents.map((document, index) => ({
        path: paths[index],
        findings: findingsOf(document.diagnostics ?? []),
    }));
    const configProblems = documents
        .flatMap(document => services.config.ConfigProvider.configFor(document.uri).problems)
        .map(problem => ({ ...problem, uri: problem.uri.fsPath }));
    const loaded = services.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update([], loaded);
    return { results, configProblems, loaded: loaded.map(uri => uri.toString()) };
}

export interface CheckFilesOptions extends RunSettings {
    groupSize?: number;
    /** Threads to check groups in; without them, groups are checked one at a time in this thread. */
    pool?: CheckPool;
}

/**
 * Threads running the checker's own bundle, one per core, to check this many files in, when
 * they make more than one group; none for fewer. The caller closes them.
 */
export function checkPoolFor(
    files: number,
    workerScript: URL,
    settings: RunSettings = {},
    groupSize = CHECK_GROUP_SIZE,
): CheckPool | undefined {
    const groups = Math.ceil(files / groupSize);
    return groups > 1 ? new CheckPool(workerScript, threadsFor(groups), settings) : undefined;
}

/**
 * Checks many files with memory that does not grow with their number: a group of files at a time
 * (in parallel threads when there are several groups and a bundle to run them), each group's
 * documents dropped once its findings are taken. A file's findings can depend on the programmes
 * that import it, so groups that turn out to share a given file (one group loaded, as an import,
 * a file given in another) are checked again together.
 */
export async function checkFiles(
    paths: string[],
    { groupSize = CHECK_GROUP_SIZE, pool, asOf }: CheckFilesOptions = {},
): Promise<CheckedFiles> {
    const groupOf = new Map<string, number>();
    const groups: string[][] = [];
    for (let start = 0; start < paths.length; start += groupSize) {
        const group = paths.slice(start, start + groupSize);
        group.forEach(path => groupOf.set(URI.file(path).toString(), groups.length));
        groups.push(group);
    }
    const services = pool ? undefined : createServices({ asOf });
    /** Threads check groups side by side; one set of services in this thread, one group at a time. */
    const checkAll = async (batch: string[][]): Promise<GroupResult[]> => {
        if (pool) {
            return Promise.all(batch.map(group => pool.check(group)));
        }
        const results: GroupResult[] = [];
        for (const group of batch) {
            results.push(await checkGroup(services!, group));
        }
        return results;
    };
    const results = new Map<string, CheckedFile['findings']>();
    const configProblems: CheckedFiles['configProblems'] = [];
    const read = new Set<string>();
    const take = (result: GroupResult) => {
        result.results.forEach(({ path, findings }) => results.set(path, findings));
        configProblems.push(...result.configProblems);
        result.loaded.forEach(uri => read.add(URI.parse(uri).fsPath));
    };
    // Union-find over groups: groups that share given files end in one set.
    const parent = groups.map((_, index) => index);
    const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
    const checked = await checkAll(groups);
    checked.forEach((result, index) => {
        take(result);
        for (const uri of result.loaded) {
            const other = groupOf.get(uri);
            if (other !== undefined) {
                parent[find(other)] = find(index);
            }
        }
    });
    const components = new Map<number, number[]>();
    groups.forEach((_, index) => components.set(find(index), [...(components.get(find(index)) ?? []), index]));
    const shared = [...components.values()].filter(members => members.length > 1);
    (await checkAll(shared.map(members => members.flatMap(index => groups[index])))).forEach(take);
    return {
        results: paths.map(path => ({ path, findings: results.get(path) ?? [] })),
        configProblems,
        read: [...read],
    };
}

/**
 * The errors of the model a document belongs to, in every file of it (imported files included),
 * for the commands that read one model: each reports them, and fails when there are any.
 */
export function modelErrors(services: TocServices, document: LangiumDocument): FileResult[] {
    const analysis = services.analysis.ModelAnalysis;
    return analysis
        .modelOf(analysis.rootOf(document))
        .errors()
        .map(file => ({ path: file.document.uri.fsPath, diagnostics: sortByPosition(file.diagnostics) }));
}
