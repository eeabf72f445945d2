import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECK_GROUP_SIZE, checkFiles } from '../../server/src/cli/load.js';
import { CLI } from '../support/language-server.js';
import { EXAMPLES, exampleFiles } from '../support/examples.js';

/** Findings as a reader compares them: file, line, rule and message. */
async function findings(paths: string[], groupSize: number): Promise<string[]> {
    const { results } = await checkFiles(paths, { groupSize });
    return results.flatMap(({ path, findings }) => findings.map(f => `${path}:${f.line} ${f.rule} ${f.message}`));
}

describe('toc check over many files, a group at a time', () => {
    test('the examples give the same findings in groups of one file as all together', async () => {
        const paths = Object.keys(exampleFiles)
            .sort()
            .map(path => join(EXAMPLES, path));
        const together = await findings(paths, 1000);
        expect(together.length).toBeGreaterThan(30);
        expect(await findings(paths, 1)).toEqual(together);
    });

    test('a shared file imported by programmes in other groups gets the findings of every model it is in', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-groups-'));
        mkdirSync(join(folder, 'z-shared'));
        // Sepsis has its nurses own four measures: a burden reported on the stakeholder, in the shared file.
        writeFileSync(
            join(folder, 'z-shared', 'people.toc'),
            'stakeholder Nurses "Ward nurses" {\n    level frontline\n    role "Run the rounds"\n}\n',
        );
        const programme = (name: string, measures: number[]) =>
            `import "z-shared/people"\n\nprogramme ${name}\n\n` +
            measures.map(i => `measure M${i} {\n    kind process\n    owner Nurses\n}\n`).join('\n');
        writeFileSync(join(folder, 'a.toc'), programme('Falls', [1, 2]));
        writeFileSync(join(folder, 'b.toc'), 'outcome Alone { horizon short }\n');
        writeFileSync(join(folder, 'c.toc'), programme('Sepsis', [3, 4, 5, 6]));
        const paths = ['a.toc', 'b.toc', 'c.toc', join('z-shared', 'people.toc')].map(path => join(folder, path));
        const together = await findings(paths, 1000);
        expect(together.filter(line => line.includes('people.toc'))).not.toEqual([]);
        for (const size of [1, 2, 3]) {
            expect(await findings(paths, size), `groups of ${size}`).toEqual(together);
        }
    });
});

describe('toc check on more files than one group, in parallel threads', () => {
    test('the command-line checker reports what one group of all the files reports', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'toc-threads-'));
        mkdirSync(join(folder, 'shared'));
        writeFileSync(
            join(folder, 'shared', 'people.toc'),
            'stakeholder Nurses "Ward nurses" {\n    level frontline\n    role "Run the rounds"\n}\n',
        );
        const count = CHECK_GROUP_SIZE * 2 + 100;
        for (let i = 0; i < count; i++) {
            // The first and last programmes share a file, which joins their groups.
            const imports = i === 0 || i === count - 1 ? 'import "shared/people"\n\n' : '';
            const measures =
                i === count - 1
                    ? [1, 2, 3, 4].map(m => `measure M${m} {\n    kind process\n    owner Nurses\n}\n`).join('\n')
                    : '';
            writeFileSync(
                join(folder, `p${String(i).padStart(5, '0')}.toc`),
                `${imports}programme P${i}\n\noutcome Safer${i} { horizon short }\n\n${measures}`,
            );
        }
        const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], {
            cwd: folder,
            encoding: 'utf8',
            maxBuffer: 256 * 1024 * 1024,
        });
        expect(cli.status, cli.stderr).toBe(0); // warnings only
        const report = JSON.parse(cli.stdout) as {
            files: Array<{ path: string; findings: Array<{ rule: string; line: number; message: string }> }>;
        };
        const fromCli = report.files
            .flatMap(file => file.findings.map(f => `${join(folder, file.path)}:${f.line} ${f.rule} ${f.message}`))
            .sort();
        const paths = report.files.map(file => join(folder, file.path));
        expect(paths).toHaveLength(count + 1);
        const together = (await findings(paths, paths.length)).sort();
        expect(fromCli).toEqual(together);
        expect(together.some(line => line.includes('people.toc') && line.includes('measurement-burden'))).toBe(true);
    }, 120_000);
});
