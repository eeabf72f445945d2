import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the npm package', () => {
    test('holds only what a user needs, installs with nothing to fetch, and both executables run', () => {
        const packs = mkdtempSync(join(tmpdir(), 'toc-pack-'));
        // The bundles are already built by the test command; packing must not rebuild them under other tests.
        execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packs], { cwd: ROOT, stdio: 'pipe' });
        const [tarball] = readdirSync(packs).filter(name => name.endsWith('.tgz'));
        const listing = execFileSync('tar', ['tzf', join(packs, tarball)], { encoding: 'utf8' })
            .trim()
            .split('\n')
            .sort();
        // Code shared by the two executables, and code loaded only on demand, sits in hashed chunks.
        expect(
            listing
                .filter(path => path.startsWith('package/dist/chunks/'))
                .every(path => /^package\/dist\/chunks\/[\w-]+\.js$/.test(path)),
        ).toBe(true);
        const contents = listing.filter(path => !path.startsWith('package/dist/chunks/'));
        expect(contents).toEqual([
            'package/LICENSE',
            'package/README.md',
            'package/dist/cli-main.cjs',
            'package/dist/cli.js',
            'package/dist/resvg.wasm',
            'package/dist/server-main.js',
            'package/dist/server.js',
            'package/package.json',
            'package/schemas/toc.config.schema.json',
        ]);

        const project = mkdtempSync(join(tmpdir(), 'toc-install-'));
        execFileSync('npm', ['init', '-y'], { cwd: project, stdio: 'pipe' });
        execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(packs, tarball)], {
            cwd: project,
            stdio: 'pipe',
        });
        // The example with its data and the configuration that fixes the date its data are read as on.
        copyFileSync(join(ROOT, 'examples', 'keystone-icu.toc'), join(project, 'keystone-icu.toc'));
        copyFileSync(join(ROOT, 'examples', 'toc.config.json'), join(project, 'toc.config.json'));
        cpSync(join(ROOT, 'examples', 'data'), join(project, 'data'), { recursive: true });

        const check = spawnSync('npx', ['--no-install', 'toc', 'check', 'keystone-icu.toc'], {
            cwd: project,
            encoding: 'utf8',
        });
        expect(check.status).toBe(0);
        expect(check.stdout).toContain('keystone-icu.toc:159:9  warning  Outcome `PracticesUsed` has no measure');
        expect(check.stdout).toContain('1 file checked: 7 problems (0 errors, 7 warnings); 1 note');

        const server = spawnSync('npx', ['--no-install', 'toc-language-server'], { cwd: project, encoding: 'utf8' });
        expect(server.status).toBe(2);
        expect(server.stderr).toContain('toc-language-server --stdio');
    }, 120_000);
});
