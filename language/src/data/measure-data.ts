import type { FileSystemProvider, LangiumDocument } from 'langium';
import { AstUtils, URI, UriUtils, WorkspaceCache } from 'langium';
import * as ast from '../generated/ast.js';
import type { DataFile } from './data-file.js';
import { describeProblem, readDataFile } from './data-file.js';
import type { TocServices } from '../toc-module.js';
import type { ModelAnalysis } from '../analysis/model-analysis.js';
import type { TocConfigProvider } from '../config/config-provider.js';
import type { MeasureReading, ReadingInputs } from './measure-reading.js';
import { minimumPointsFrom, readData, readingInputsOf } from './measure-reading.js';
import type { TocImports } from '../workspace/imports.js';

/** The rule whose thresholds say how many points a chart needs before any rule reads it. */
const TOO_FEW_POINTS = 'too-few-points';

/** How many readings of one data file are kept, each for its own inputs. */
const READINGS_PER_FILE = 8;

/** A data file as loaded: its rows and problems, or why it could not be read at all and what to do. */
export type LoadedData = DataFile | { readonly unreadable: string; readonly missing?: true };

/**
 * The data files that measures name (`data "falls.csv"`), read once and kept until they change.
 * Rules run synchronously, so a model's files are loaded (asynchronously) before its rules run,
 * and the rules look them up here.
 */
export class MeasureData {
    protected readonly fileSystem: FileSystemProvider;
    protected readonly imports: () => TocImports;
    private readonly loaded = new Map<string, LoadedData>();
    private readonly loading = new Map<string, Promise<void>>();
    /** For each data file, the models' files that name it: they are checked again when it changes. */
    private readonly readers = new Map<string, Set<string>>();
    private readonly listeners: Array<(uri: URI, data: LoadedData) => void> = [];
    /** Each model's readings, by the URI of its root, looked up once per workspace state. */
    private readonly readings: WorkspaceCache<string, Map<ast.Measure, MeasureReading | undefined>>;
    /**
     * The readings worked out from each data file as read, by their inputs: an edit that changes
     * none of a measure's inputs finds its reading here rather than charting the data again. A
     * file read again is a new object, and the readings of the old one go with it.
     */
    private readonly byData = new WeakMap<DataFile, Map<string, MeasureReading>>();
    /** Each measure's data file, resolved, with the path it was resolved from. */
    private readonly resolved = new WeakMap<ast.Measure, { readonly path: string; readonly uri: URI }>();
    protected readonly analysis: () => ModelAnalysis;
    protected readonly configs: () => TocConfigProvider;

    constructor(services: TocServices) {
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.imports = () => services.workspace.Imports;
        this.analysis = () => services.analysis.ModelAnalysis;
        this.configs = () => services.config.ConfigProvider;
        this.readings = new WorkspaceCache(services.shared);
    }

    /** The data file a measure names, resolved against the folder of the file it is declared in. */
    uriOf(measure: ast.Measure): URI | undefined {
        if (measure.data === undefined || measure.data.trim() === '') {
            return undefined;
        }
        // Asked by every rule that reads the measure; a new parse makes a new node.
        let resolved = this.resolved.get(measure);
        if (resolved?.path !== measure.data) {
            const document = AstUtils.getDocument(measure);
            resolved = { path: measure.data, uri: UriUtils.resolvePath(UriUtils.dirname(document.uri), measure.data) };
            this.resolved.set(measure, resolved);
        }
        return resolved.uri;
    }

    /** The data of a measure, once loaded; `undefined` when it names none or it is not loaded yet. */
    of(measure: ast.Measure): LoadedData | undefined {
        const uri = this.uriOf(measure);
        return uri && this.loaded.get(uri.toString());
    }

    /**
     * What a measure's data say, read in the model rooted at `root`, as on that model's check date;
     * `undefined` when it names no data file or the file cannot be used. The rules, the hover, the
     * measurement plan and the charts all ask here, and each reading is worked out once.
     */
    readingIn(measure: ast.Measure, root: LangiumDocument): MeasureReading | undefined {
        const data = this.of(measure);
        if (measure.data !== undefined && data === undefined) {
            return undefined; // not loaded yet: nothing to keep
        }
        const byMeasure = this.readings.get(root.uri.toString(), () => new Map());
        if (!byMeasure.has(measure)) {
            const usable = data && !('unreadable' in data) && data.problems.length === 0 ? data : undefined;
            byMeasure.set(measure, usable && this.chartOnce(usable, this.inputsOf(measure, root)));
        }
        return byMeasure.get(measure);
    }

    /** What the reading of a measure in the model rooted at `root` depends on besides its data. */
    private inputsOf(measure: ast.Measure, root: LangiumDocument): ReadingInputs {
        const configs = this.configs();
        const thresholds = configs.configFor(root.uri).config.rules.get(TOO_FEW_POINTS)?.thresholds;
        const model = this.analysis().modelOf(root);
        return readingInputsOf(measure, model, configs.asOfFor(root.uri), minimumPointsFrom(thresholds));
    }

    /** The reading of a data file with these inputs, worked out once. */
    private chartOnce(data: DataFile, inputs: ReadingInputs): MeasureReading {
        let byInputs = this.byData.get(data);
        if (!byInputs) {
            byInputs = new Map();
            this.byData.set(data, byInputs);
        }
        const key = JSON.stringify(inputs);
        let reading = byInputs.get(key);
        if (reading) {
            // Kept in the order last used: the one to forget is first.
            byInputs.delete(key);
        } else {
            reading = readData(data, inputs);
            // A few sets of inputs per file: those of the measures naming it, and recent edits.
            if (byInputs.size >= READINGS_PER_FILE) {
                byInputs.delete(byInputs.keys().next().value!);
            }
        }
        byInputs.set(key, reading);
        return reading;
    }

    /** Loads every data file the measures name that is not loaded already. */
    async load(measures: readonly ast.Measure[]): Promise<void> {
        const pending: Array<Promise<void>> = [];
        for (const measure of measures) {
            const uri = this.uriOf(measure);
            if (!uri) {
                continue;
            }
            const key = uri.toString();
            const reader = AstUtils.getDocument(measure).uri.toString();
            this.readers.set(key, (this.readers.get(key) ?? new Set()).add(reader));
            if (!this.loaded.has(key)) {
                let loading = this.loading.get(key);
                if (!loading) {
                    loading = this.read(uri).finally(() => this.loading.delete(key));
                    this.loading.set(key, loading);
                }
                pending.push(loading);
            }
        }
        await Promise.all(pending);
    }

    /** Forgets a data file that changed, and gives the models' files that read it, to be checked again. */
    forget(uri: URI): URI[] {
        const key = uri.toString();
        this.loaded.delete(key);
        return [...(this.readers.get(key) ?? [])].map(reader => URI.parse(reader));
    }

    /** Whether a URI is a data file some measure names. */
    isDataFile(uri: URI): boolean {
        return this.readers.has(uri.toString());
    }

    /** Called with each data file as it is read, for a server to report its problems on the file itself. */
    onLoaded(listener: (uri: URI, data: LoadedData) => void): void {
        this.listeners.push(listener);
    }

    private async read(uri: URI): Promise<void> {
        const data = await this.readOrExplain(uri);
        this.loaded.set(uri.toString(), data);
        this.listeners.forEach(listener => listener(uri, data));
    }

    /** The file read, or why it could not be, with what to do: the rest of a sentence about the file. */
    private async readOrExplain(uri: URI): Promise<LoadedData> {
        if (!this.imports().mayRead(uri)) {
            return {
                unreadable:
                    'is outside the workspace folder, and this workspace is not trusted, so it is not read: trust the workspace (Manage Workspace Trust), or copy the file into it',
            };
        }
        try {
            return readDataFile(await this.fileSystem.readFile(uri));
        } catch (error) {
            if (!(await this.fileSystem.exists(uri).catch(() => false))) {
                return { unreadable: 'does not exist: check the path, which is relative to this file', missing: true };
            }
            const reason = error instanceof Error ? error.message : String(error);
            return { unreadable: `cannot be read (${reason}): check that it is a file you can open` };
        }
    }
}

/** The measures of the models a document belongs to, whose data must be loaded before their rules run. */
export function measuresToLoad(services: TocServices, document: LangiumDocument): ast.Measure[] {
    const analysis = services.analysis.ModelAnalysis;
    return analysis.rootsOf(document).flatMap(root => [...analysis.modelOf(root).measures]);
}

/** A data file's problems as they read on the file itself: `Row 5, column \`value\`: "n/a" is not a number.` */
export function dataProblemsOf(data: LoadedData): Array<{ line?: number; message: string }> {
    if ('unreadable' in data) {
        return [];
    }
    return data.problems.map(problem => {
        const text = describeProblem(problem);
        return { line: problem.line, message: `${text[0].toUpperCase()}${text.slice(1)}.` };
    });
}
