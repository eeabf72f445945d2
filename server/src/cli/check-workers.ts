import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { CheckedFile } from './report.js';
import type { RunSettings } from './load.js';

/** The findings of one group of files, as plain data that can cross between threads. */
export interface GroupResult {
    results: CheckedFile[];
    configProblems: Array<{ uri: string; line: number; column: number; message: string }>;
    /** URIs of every file the group loaded: the given files and what they import. */
    loaded: string[];
}

export type GroupChecker = (paths: string[]) => Promise<GroupResult>;

const WORKER_FLAG = 'tocCheckWorker';

/** Whether this thread was started to check groups for another. */
export function isCheckWorker(): boolean {
    return (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG] === true;
}

/** In a worker: the settings of the run that started it. */
export function workerSettings(): RunSettings {
    return ((workerData as { settings?: RunSettings } | undefined)?.settings ?? {}) as RunSettings;
}

/** In a worker: checks each group the main thread sends, and sends back its result. */
export function serveChecks(check: GroupChecker): void {
    parentPort!.on('message', async ({ id, paths }: { id: number; paths: string[] }) => {
        try {
            // As JSON: cloning the findings of a group as objects cost a worker more than writing
            // them as text, and the main thread, which reads them, is otherwise idle.
            parentPort!.postMessage({ id, result: JSON.stringify(await check(paths)) });
        } catch (error) {
            parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
        }
    });
}

/** How many threads to check `groups` groups with: one per core, never more than there are groups. */
export function threadsFor(groups: number): number {
    return Math.max(1, Math.min(groups, availableParallelism(), 8));
}

/**
 * Threads, each running the checker's own bundle, that check groups of files in parallel: models
 * in different groups share nothing, so a folder of thousands of files is checked on every core.
 */
export class CheckPool {
    private readonly workers: Worker[] = [];
    private readonly waiting = new Map<
        number,
        { resolve: (result: GroupResult) => void; reject: (error: Error) => void }
    >();
    private readonly queue: Array<{ id: number; paths: string[] }> = [];
    private readonly idle: Worker[] = [];
    private nextId = 0;

    constructor(script: URL, size: number, settings: RunSettings = {}) {
        for (let i = 0; i < size; i++) {
            const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true, settings } });
            worker.on('message', ({ id, result, error }: { id: number; result?: string; error?: string }) => {
                const task = this.waiting.get(id);
                this.waiting.delete(id);
                if (error !== undefined) {
                    task?.reject(new Error(error));
                } else {
                    task?.resolve(JSON.parse(result!) as GroupResult);
                }
                this.idle.push(worker);
                this.dispatch();
            });
            worker.on('error', error => {
                for (const task of this.waiting.values()) {
                    task.reject(error);
                }
                this.waiting.clear();
            });
            this.workers.push(worker);
            this.idle.push(worker);
        }
    }

    check(paths: string[]): Promise<GroupResult> {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.waiting.set(id, { resolve, reject });
            this.queue.push({ id, paths });
            this.dispatch();
        });
    }

    async close(): Promise<void> {
        await Promise.all(this.workers.map(worker => worker.terminate()));
    }

    private dispatch(): void {
        while (this.idle.length > 0 && this.queue.length > 0) {
            this.idle.pop()!.postMessage(this.queue.shift()!);
        }
    }
}
