import type { LangiumDocument } from 'langium';
import { isProgramme } from '../generated/ast.js';
import type { Model } from '../generated/ast.js';

/** What the graph knows of one loaded file: whether it declares a programme, and what it imports. */
interface FileEntry {
    readonly declaresProgramme: boolean;
    /** URIs (as strings) of the files its imports point at, loaded or not. */
    readonly imports: readonly string[];
}

/**
 * Which loaded files declare programmes and which import which, kept up to date one file at a
 * time as each is parsed or removed. Every question about how files relate (the models a file
 * belongs to, the files a change reaches) walks only the files connected to it, so its cost
 * follows the size of the model, not of the workspace.
 */
export class ModelGraph {
    private readonly entries = new Map<string, FileEntry>();
    /** For each URI, the loaded files that import it. */
    private readonly importers = new Map<string, Set<string>>();

    constructor(private readonly importTargets: (document: LangiumDocument) => string[]) {}

    /**
     * Records what a freshly parsed document declares and imports, replacing what was known.
     * Returns whether that changed: whether the file now relates to other files differently.
     */
    record(document: LangiumDocument): boolean {
        const key = document.uri.toString();
        const model = document.parseResult?.value as Model | undefined;
        const entry: FileEntry = {
            declaresProgramme: model?.elements?.some(isProgramme) === true,
            imports: [...new Set(this.importTargets(document))],
        };
        const previous = this.entries.get(key);
        if (
            previous &&
            previous.declaresProgramme === entry.declaresProgramme &&
            sameList(previous.imports, entry.imports)
        ) {
            return false;
        }
        this.unlinkImports(key, previous);
        this.entries.set(key, entry);
        for (const target of entry.imports) {
            let set = this.importers.get(target);
            if (!set) {
                this.importers.set(target, (set = new Set()));
            }
            set.add(key);
        }
        return true;
    }

    /** Forgets a file that is no longer loaded. Files importing it still point at its URI. */
    forget(uri: string): void {
        this.unlinkImports(uri, this.entries.get(uri));
        this.entries.delete(uri);
    }

    /** The file itself and every loaded file that imports it, directly or through other files. */
    importersOf(uri: string): Set<string> {
        const result = new Set<string>([uri]);
        for (const current of result) {
            for (const importer of this.importers.get(current) ?? []) {
                result.add(importer);
            }
        }
        return result;
    }

    /** The file itself and every loaded file it imports, directly or through other files. */
    importsOf(uri: string): Set<string> {
        // Breadth first, so nearer files come first: the order in which a model lists its files.
        const result = new Set<string>([uri]);
        for (const current of result) {
            for (const target of this.entries.get(current)?.imports ?? []) {
                if (this.entries.has(target)) {
                    result.add(target);
                }
            }
        }
        return result;
    }

    /**
     * The programme files whose models include this file: itself if it declares a programme, and
     * every programme file that imports it. Empty when no programme includes it.
     */
    programmesIncluding(uri: string): string[] {
        const [self, ...others] = [...this.importersOf(uri)].filter(
            candidate => this.entries.get(candidate)?.declaresProgramme === true,
        );
        // The file's own programme first, then the others in a stable order.
        return self === uri ? [self, ...others.sort()] : [self, ...others].filter(Boolean).sort();
    }

    /**
     * Every loaded file whose meaning a change to these files can alter: the files that import a
     * changed file (their names and structure span their imports), and every file of every model
     * that includes a changed file (the rules judge models whole, and report into all their files).
     */
    reachedBy(changed: Iterable<string>): Set<string> {
        const reached = new Set<string>();
        const programmes = new Set<string>();
        for (const uri of changed) {
            for (const importer of this.importersOf(uri)) {
                reached.add(importer);
                if (this.entries.get(importer)?.declaresProgramme) {
                    programmes.add(importer);
                }
            }
        }
        for (const programme of programmes) {
            for (const member of this.importsOf(programme)) {
                reached.add(member);
            }
        }
        return reached;
    }

    private unlinkImports(key: string, entry: FileEntry | undefined): void {
        for (const target of entry?.imports ?? []) {
            const set = this.importers.get(target);
            set?.delete(key);
            if (set?.size === 0) {
                this.importers.delete(target);
            }
        }
    }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((value, index) => value === b[index]);
}
