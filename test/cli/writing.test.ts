/**
 * Commands that write: a failure half-way through a write leaves the file as it was, and no
 * command writes over a model it reads. Failures are injected by a module preloaded into the
 * checker's process, which makes the file system fail as a full disk or a lost permission would.
 */
import { spawnSync } from 'node:child_process';
import {
    chmodSync,
    cpSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { CLI } from '../support/language-server.js';

const MODEL =
    'outcome Safer "Fewer falls" {\n  horizon short\n}\nactivity Rounds {\n    owner Nurses\n}\nstakeholder Nurses\nlink Rounds -> Safer\n';
const EXISTING = 'what was here before\n';

/** Preloaded with `--require`: the first write (or rename) into a temporary file fails with `code`. */
const INJECT = `
const fs = require('node:fs');
const [call, code] = process.env.TOC_FAIL.split(':');
const original = fs[call];
fs[call] = function (...args) {
    const target = String(call === 'writeSync' ? '' : args[0]);
    if (call === 'writeSync' || target.endsWith('.tmp')) {
        const error = new Error(code + ': injected');
        error.code = code;
        throw error;
    }
    return original.apply(this, args);
};
`;

let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-writing-'));
    writeFileSync(join(folder, 'model.toc'), MODEL);
    writeFileSync(join(folder, 'inject.cjs'), INJECT);
});

function toc(args: string[], fail?: string) {
    const preload = fail ? ['--require', join(folder, 'inject.cjs')] : [];
    const result = spawnSync(process.execPath, [...preload, CLI, ...args], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...(fail ? { TOC_FAIL: fail } : {}) },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every command that writes a file, and the file it writes. */
const WRITERS: Array<[string, string[], string]> = [
    ['format', ['format', 'model.toc'], 'model.toc'],
    ['check --write-baseline', ['check', 'model.toc', '--write-baseline', 'out.json'], 'out.json'],
    ['check -o', ['check', 'model.toc', '-f', 'json', '-o', 'out.json'], 'out.json'],
    ['diagram -o (svg)', ['diagram', 'model.toc', '-o', 'out.json'], 'out.json'],
    ['diagram -o (dot)', ['diagram', 'model.toc', '-f', 'dot', '-o', 'out.json'], 'out.json'],
];

describe('a failure half-way through a write leaves the file as it was', () => {
    for (const [name, args, target] of WRITERS) {
        test.each([
            ['writeSync:ENOSPC', 'the disk is full'],
            ['writeSync:EIO', 'EIO'],
            ['renameSync:EACCES', 'permission denied'],
            ['openSync:EROFS', 'the file system is read-only'],
        ])(`${name}, with %s`, (fail, says) => {
            if (target !== 'model.toc') {
                writeFileSync(join(folder, target), EXISTING);
            }
            const before = readFileSync(join(folder, target));
            const result = toc(args, fail);
            expect(result.code, result.stderr).toBe(2);
            expect(result.stderr + result.stdout).toContain(target);
            expect(result.stderr + result.stdout).toContain(says);
            expect(result.stderr).not.toMatch(/^ {4}at /m);
            expect(readFileSync(join(folder, target)).equals(before), 'the file is byte for byte as it was').toBe(true);
            expect(readdirSync(folder).filter(file => file.endsWith('.tmp'))).toEqual([]);
        });
    }

    // A real full disk: a small in-memory file system, filled, in a mount namespace of its own so
    // nothing outlives the command. It needs the right to mount one, which CI and this project's
    // machines give; a machine that refuses it cannot run these.
    test.runIf(canMountTmpfs()).each(WRITERS)('%s, on a file system that is full', (name, args, target) => {
        const full = join(folder, 'full');
        mkdirSync(full);
        if (target !== 'model.toc') {
            writeFileSync(join(folder, target), EXISTING);
        }
        const script = [
            'set -e',
            `mount -t tmpfs -o size=256k tmpfs full`,
            `cp model.toc ${target} full/`,
            'head -c 1M /dev/zero > full/filler 2>/dev/null || true',
            'cd full',
            `set +e; NO_COLOR=1 "$NODE" "$CLI" ${args.join(' ')} > ../stdout 2> ../stderr; echo $? > ../status; set -e`,
            `cp ${target} ../after`,
            'ls -a > ../listing',
        ].join('\n');
        const run = spawnSync('unshare', [...UNSHARE, 'sh', '-c', script], {
            cwd: folder,
            encoding: 'utf8',
            env: { ...process.env, NODE: process.execPath, CLI },
        });
        expect(run.status, `${name}: ${run.stderr}`).toBe(0);
        const stderr = readFileSync(join(folder, 'stderr'), 'utf8') + readFileSync(join(folder, 'stdout'), 'utf8');
        expect(readFileSync(join(folder, 'status'), 'utf8').trim(), stderr).toBe('2');
        expect(stderr).toContain('the disk is full');
        expect(stderr).toContain(target);
        expect(
            readFileSync(join(folder, 'after')).equals(readFileSync(join(folder, target))),
            'the file is byte for byte as it was',
        ).toBe(true);
        expect(
            readFileSync(join(folder, 'listing'), 'utf8')
                .split('\n')
                .filter(file => file.endsWith('.tmp')),
        ).toEqual([]);
    });

    test('without a failure, each of them writes its file', () => {
        for (const [name, args, target] of WRITERS) {
            writeFileSync(join(folder, 'model.toc'), MODEL);
            const result = toc(args);
            expect(result.code, `${name}: ${result.stderr}`).not.toBe(2);
            expect(readFileSync(join(folder, target), 'utf8'), name).not.toBe(
                target === 'model.toc' ? MODEL : EXISTING,
            );
        }
    });

    test('a symbolic link is written through, and the target keeps its permissions', () => {
        mkdirSync(join(folder, 'real'));
        writeFileSync(join(folder, 'real', 'model.toc'), MODEL, { mode: 0o640 });
        symlinkSync(join(folder, 'real', 'model.toc'), join(folder, 'link.toc'));
        expect(toc(['format', 'link.toc']).code).toBe(0);
        expect(readFileSync(join(folder, 'real', 'model.toc'), 'utf8')).not.toBe(MODEL);
        expect(readFileSync(join(folder, 'link.toc'), 'utf8')).toBe(
            readFileSync(join(folder, 'real', 'model.toc'), 'utf8'),
        );
        expect(
            spawnSync('stat', ['-c', '%a', join(folder, 'real', 'model.toc')], { encoding: 'utf8' }).stdout.trim(),
        ).toBe('640');
    });
});

describe('no command writes over a model it reads', () => {
    test.each([
        ['check -o', ['check', 'model.toc', '-f', 'json', '-o', 'model.toc']],
        [
            'check -o, the second format',
            ['check', 'model.toc', '-f', 'stylish', '-f', 'json', '-o', '-', '-o', 'model.toc'],
        ],
        ['check --write-baseline', ['check', 'model.toc', '--write-baseline', 'model.toc']],
        ['check --write-baseline, an imported file', ['check', 'plan.toc', '--write-baseline', 'shared.toc']],
        ['check -o, through a symbolic link', ['check', 'model.toc', '-f', 'json', '-o', 'alias.toc']],
        ['diagram -o', ['diagram', 'model.toc', '-o', 'model.toc']],
        ['diagram -o, an imported file', ['diagram', 'plan.toc', '-f', 'dot', '-o', 'shared.toc']],
    ])('%s is refused with exit 2, and the model is unchanged', (_name, args) => {
        writeFileSync(join(folder, 'shared.toc'), 'stakeholder Nurses "Ward nurses"\n');
        writeFileSync(join(folder, 'plan.toc'), 'import "shared"\noutcome Safer { horizon short }\n');
        symlinkSync(join(folder, 'model.toc'), join(folder, 'alias.toc'));
        const before = Object.fromEntries(
            ['model.toc', 'shared.toc', 'plan.toc'].map(file => [file, readFileSync(join(folder, file), 'utf8')]),
        );
        const result = toc(args);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toContain('one of the models this command reads');
        for (const [file, text] of Object.entries(before)) {
            expect(readFileSync(join(folder, file), 'utf8'), file).toBe(text);
        }
    });
});

describe('format over many files', () => {
    test('a read-only file is left alone: the others are formatted, a summary, and exit 2', () => {
        const models = join(folder, 'models');
        mkdirSync(models);
        chmodSync(models, 0o777);
        for (const name of ['a.toc', 'b.toc', 'c.toc']) {
            writeFileSync(join(models, name), MODEL);
            chmodSync(join(models, name), name === 'b.toc' ? 0o444 : 0o666);
        }
        // The superuser may write any file: run as an ordinary user, as the people who use it do.
        chmodSync(folder, 0o755);
        const asRoot = process.getuid?.() === 0;
        // That user may not reach the checkout (under /root, say): run a copy of the bundles from here.
        const cli = asRoot ? join(copyBundles(folder), 'cli.js') : CLI;
        const asUser = asRoot ? { uid: 65534, gid: 65534 } : {};
        const result = spawnSync(process.execPath, [cli, 'format', 'models'], {
            cwd: folder,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1', HOME: folder },
            ...asUser,
        });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stdout).toContain('models/b.toc: cannot write the formatted model (permission denied)');
        expect(result.stdout).toContain('2 files formatted; 1 could not be written');
        expect(readFileSync(join(models, 'b.toc'), 'utf8')).toBe(MODEL);
        expect(readFileSync(join(models, 'a.toc'), 'utf8')).not.toBe(MODEL);
        expect(readFileSync(join(models, 'c.toc'), 'utf8')).not.toBe(MODEL);
    });

    test('a file that cannot be written does not stop the others: a summary, and exit 2', () => {
        for (const name of ['a.toc', 'b.toc', 'c.toc']) {
            writeFileSync(join(folder, name), MODEL);
        }
        // b.toc's temporary file cannot be created; a.toc and c.toc are formatted.
        writeFileSync(
            join(folder, 'inject.cjs'),
            `
const fs = require('node:fs');
const original = fs.openSync;
fs.openSync = function (path, ...rest) {
    if (String(path).includes('.b.toc.') && String(path).endsWith('.tmp')) {
        const error = new Error('EACCES: injected'); error.code = 'EACCES'; throw error;
    }
    return original.call(this, path, ...rest);
};
`,
        );
        const result = toc(['format', 'a.toc', 'b.toc', 'c.toc'], 'openSync:EACCES');
        expect(result.code).toBe(2);
        expect(result.stdout).toContain('b.toc: cannot write the formatted model (permission denied)');
        expect(result.stdout).toContain('2 files formatted; 1 could not be written');
        expect(readFileSync(join(folder, 'b.toc'), 'utf8')).toBe(MODEL);
        expect(readFileSync(join(folder, 'a.toc'), 'utf8')).not.toBe(MODEL);
        expect(readFileSync(join(folder, 'c.toc'), 'utf8')).not.toBe(MODEL);
    });
});

describe('terminal output shows what a model holds, and runs none of it', () => {
    test('control characters in a model are printed as escapes', () => {
        // An escape sequence that would retitle the terminal window and clear the screen.
        writeFileSync(
            join(folder, 'control.toc'),
            'outcome A { horizon short }\n\u001b]0;owned\u0007\u001b[2J link A -> B\n',
        );
        const result = toc(['check', 'control.toc']);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('\\x1b]');
        expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    });
});

describe("every command that reads a model reports its errors, an imported file's included", () => {
    test.each([
        ['check', ['check', 'plan.toc']],
        ['scorecard', ['scorecard', 'plan.toc']],
        ['measures', ['measures', 'plan.toc']],
        ['diagram', ['diagram', 'plan.toc', '-f', 'dot']],
    ])('%s exits 1 and names the error in the imported file', (name, args) => {
        writeFileSync(join(folder, 'broken.toc'), 'outcome B { horizon short }\n\noutcome C { horizon shortish }\n');
        writeFileSync(join(folder, 'plan.toc'), 'import "broken"\noutcome A { horizon short }\n');
        const result = toc(args);
        expect(result.code, result.stderr).toBe(1);
        const shown = name === 'check' ? result.stdout : result.stderr;
        expect(shown).toContain('plan.toc:1:8  error    `broken` has a syntax error on line 3');
        if (name !== 'check') {
            expect(shown).toContain('broken.toc:3:21  error'); // check lists the files it was given
        }
        if (name === 'scorecard') {
            expect(result.stdout).toBe('');
            expect(result.stderr).toContain('cannot score a model that has errors');
        }
    });
});

describe('format keeps what it does not own', () => {
    test('a CRLF file stays CRLF, and a byte-order mark stays', () => {
        const crlf = '\uFEFF' + MODEL.replace(/\n/g, '\r\n');
        writeFileSync(join(folder, 'windows.toc'), crlf);
        expect(toc(['format', 'windows.toc']).code).toBe(0);
        const bytes = readFileSync(join(folder, 'windows.toc'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString('utf8');
        expect(text).not.toBe(crlf);
        expect(text).not.toMatch(/[^\r]\n/);
        expect(text).toContain('\r\n    horizon short\r\n');
        // Formatted once, it is formatted: --check agrees.
        expect(toc(['format', '--check', 'windows.toc']).code).toBe(0);
    });

    test('an LF file without a byte-order mark gets none', () => {
        expect(toc(['format', 'model.toc']).code).toBe(0);
        const bytes = readFileSync(join(folder, 'model.toc'));
        expect(bytes[0]).toBe('o'.charCodeAt(0));
        expect(bytes.toString('utf8')).not.toContain('\r');
    });

    test('comment text is unchanged, a comment that spans lines included', () => {
        const comments = [
            '/* Why rounds:\n\t\t- hourly\n   - named nurse\n*/',
            '/**\n         * falls audit, 2024\n         */',
            '// a line comment:   spaced   out',
        ];
        const messy = `outcome Safer {\n        ${comments[0]}\n  horizon short\n}\n  ${comments[1]}\nactivity Rounds { owner Nurses ${comments[2]}\n}\nstakeholder Nurses\nlink Rounds -> Safer\n`;
        writeFileSync(join(folder, 'comments.toc'), messy);
        expect(toc(['format', 'comments.toc']).code).toBe(0);
        const formatted = readFileSync(join(folder, 'comments.toc'), 'utf8');
        expect(formatted).not.toBe(messy);
        expect(formatted).toContain('    horizon short\n');
        for (const comment of comments) {
            expect(formatted).toContain(comment);
        }
    });
});

/** A copy of the built bundles in `folder`, readable by every user. */
function copyBundles(folder: string): string {
    const copy = join(folder, 'dist');
    cpSync(dirname(CLI), copy, { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', copy]);
    return copy;
}

/** A private mount namespace: as root, or mapped to root where user namespaces are allowed. */
const UNSHARE = [...(process.getuid?.() === 0 ? [] : ['--map-root-user']), '--mount', '--propagation', 'private'];

/** Whether this machine lets a test mount a small in-memory file system of its own. */
function canMountTmpfs(): boolean {
    const probe = mkdtempSync(join(tmpdir(), 'toc-tmpfs-probe-'));
    return spawnSync('unshare', [...UNSHARE, 'mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
}
