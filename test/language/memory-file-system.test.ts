import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { MemoryFileSystemProvider } from '../../language/src/workspace/memory-file-system.js';

const uri = (path: string) => URI.parse(`file:///workspace/${path}`);

describe('a workspace held in memory', () => {
    test('reads what was written, lists folders, and says what is missing', async () => {
        const files = new MemoryFileSystemProvider();
        files.write(uri('plan.toc'), 'programme P "P" {}');
        files.write(uri('data/falls.csv'), 'date,value\n');
        expect(await files.readFile(uri('plan.toc'))).toBe('programme P "P" {}');
        expect(files.existsSync(uri('data'))).toBe(true);
        expect(files.statSync(uri('data'))).toMatchObject({ isDirectory: true, isFile: false });
        expect((await files.readDirectory(uri(''))).map(node => [node.uri.path, node.isFile]).sort()).toEqual([
            ['/workspace/data', false],
            ['/workspace/plan.toc', true],
        ]);
        expect(files.existsSync(uri('other.toc'))).toBe(false);
        await expect(files.readFile(uri('other.toc'))).rejects.toThrow('file:///workspace/other.toc is not a file');
        expect(() => files.readFileSync(uri('data'))).toThrow('is not a file');
        // A workspace folder the client has not written yet is empty, not missing.
        expect(files.readDirectorySync(uri('nowhere'))).toEqual([]);
    });

    test('a file written again is replaced, and a deleted one is gone', () => {
        const files = new MemoryFileSystemProvider();
        files.write(uri('plan.toc'), 'one');
        files.write(uri('plan.toc'), 'two');
        expect(files.readFileSync(uri('plan.toc'))).toBe('two');
        expect(files.delete(uri('plan.toc'))).toBe(true);
        expect(files.existsSync(uri('plan.toc'))).toBe(false);
        expect(files.delete(uri('plan.toc'))).toBe(false);
    });
});
