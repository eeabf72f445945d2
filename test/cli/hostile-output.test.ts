/**
 * Every output format, given a model whose titles and file name hold what other programs act
 * on: a spreadsheet formula, HTML that runs script, a Graphviz escape (`\N`, the node's name) and
 * terminal escape sequences. Each output shows that text as written and lets none of it act.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI } from '../support/language-server.js';

const FORMULA = '=HYPERLINK(\\"http://x.example/\\",\\"Open\\")';
const MARKUP = '<img src=x onerror=alert(1)>';
const GRAPHVIZ = 'C:\\\\Users\\\\Nurse';
const ESCAPES = '\u001b]0;owned\u0007\u001b[2J';
/** The file name carries the same, so paths in reports are tried too. */
const FILE = `=cmd ${MARKUP} \u001b[2J.toc`;

const MODEL = [
    `programme Falls "${FORMULA} ${MARKUP} ${GRAPHVIZ} ${ESCAPES}" {`,
    '    aim Safer',
    '}',
    `outcome Safer "${FORMULA} ${MARKUP} ${GRAPHVIZ} ${ESCAPES}" {`,
    '    horizon medium',
    '}',
    `activity Rounds "@SUM(1+1) <script>alert(1)</script> \\\\N ${ESCAPES}" {`,
    '    owner Nurses',
    '}',
    'stakeholder Nurses "Ward nurses"',
    `measure FallsRate "${FORMULA} ${MARKUP} ${ESCAPES}" {`,
    '    kind outcome',
    '    measures Safer',
    `    source "+cmd|' /C calc'!A0 ${ESCAPES}"`,
    '}',
    `link Rounds -> Safer { mechanism "${MARKUP} ${GRAPHVIZ} ${ESCAPES}" }`,
    '',
].join('\n');
/** For `check`: escape sequences outside a string, which it reports as unexpected characters. */
const BROKEN = `${MODEL}outcome Other { horizon short } ${ESCAPES}\n`;
const BROKEN_FILE = `=cmd ${MARKUP} (broken) \u001b[2J.toc`;

/** What a terminal or an XML reader acts on: control characters other than tab and line breaks. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

let folder: string;

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'toc-hostile-output-'));
    writeFileSync(join(folder, FILE), MODEL);
    writeFileSync(join(folder, BROKEN_FILE), BROKEN);
});

function toc(...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
    return {
        code: result.status,
        stdout: result.stdout.toString('utf8'),
        bytes: result.stdout,
        stderr: result.stderr.toString('utf8'),
    };
}

describe('every output format shows hostile text as written, and lets none of it act', () => {
    test.each(['stylish', 'github'])('check -f %s: control characters shown as escapes', format => {
        const { code, stdout } = toc('check', BROKEN_FILE, '-f', format);
        expect(code).toBe(1);
        expect(stdout).not.toMatch(RAW_CONTROL);
        expect(stdout).toContain('\\x1b[2J');
        expect(stdout).toContain('Unexpected characters');
        if (format === 'github') {
            // One workflow command per line: nothing in a message starts a command of its own.
            expect(
                stdout
                    .trim()
                    .split('\n')
                    .every(line => /^::(error|warning|notice) file=/.test(line)),
            ).toBe(true);
        }
    });

    test.each(['json', 'sarif'])('check -f %s: valid JSON that keeps the file name exactly', format => {
        const { code, stdout } = toc('check', BROKEN_FILE, '-f', format);
        expect(code).toBe(1);
        expect(stdout).not.toMatch(RAW_CONTROL);
        const report = JSON.parse(stdout);
        const paths: string[] =
            format === 'json'
                ? report.files.map((file: { path: string }) => file.path)
                : report.runs[0].results.map(
                      (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => {
                          const uri = result.locations[0].physicalLocation.artifactLocation.uri;
                          expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/); // a URI reference, as SARIF requires
                          return decodeURIComponent(uri);
                      },
                  );
        expect(paths).toContain(BROKEN_FILE);
    });

    test('measures -f csv: formulas neutralised, control characters shown', () => {
        const { stdout } = toc('measures', FILE, '-f', 'csv');
        expect(stdout).not.toMatch(RAW_CONTROL);
        const cells = stdout.split('\r\n')[1];
        expect(cells).toContain(`"'=HYPERLINK(""http://x.example/"",""Open"") ${MARKUP}`);
        expect(cells).toContain(`,'+cmd|' /C calc'!A0 \\x1b]0;owned\\x07\\x1b[2J,`);
        expect(cells).not.toMatch(/(^|,)[=+\-@]/);
    });

    test.each([['measures'], ['scorecard']])('%s (Markdown): HTML shown as text, control characters shown', command => {
        const { code, stdout } = toc(command, FILE);
        expect(code).toBe(0);
        expect(stdout).not.toMatch(RAW_CONTROL);
        expect(stdout).not.toMatch(/<(img|script)/);
        if (command === 'measures') {
            expect(stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
        }
        // Rendered as a browser would render it, nothing becomes an element.
        const html = new JSDOM(stdout).window.document;
        expect(html.querySelectorAll('img, script').length).toBe(0);
    });

    test('a file name that is not found is shown with its escapes, in one line', () => {
        const { code, stderr } = toc('check', `missing ${ESCAPES}.toc`);
        expect(code).toBe(2);
        expect(stderr).not.toMatch(RAW_CONTROL);
        expect(stderr).toContain('missing \\x1b]0;owned');
    });

    test('scorecard -f json: valid JSON', () => {
        const { stdout } = toc('scorecard', FILE, '-f', 'json');
        expect(stdout).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(stdout).entries.length).toBeGreaterThan(0);
    });

    test('diagram -f svg: well-formed XML, text as written, no element from a title', () => {
        const { stdout } = toc('diagram', FILE);
        expect(stdout).not.toMatch(RAW_CONTROL);
        const svg = new JSDOM(stdout, { contentType: 'image/svg+xml' }).window.document;
        expect(svg.querySelector('parsererror')).toBeNull();
        expect(svg.querySelectorAll('img, script, foreignObject').length).toBe(0);
        const text = [...svg.querySelectorAll('text')].map(node => node.textContent).join(' ');
        expect(text).toContain('C:\\Users\\Nurse');
        expect(text).toContain('<img src=x');
        expect(text).toContain('\\N');
        expect(text).toContain('\\x1b[2J');
    });

    test('diagram -f dot: Graphviz draws the titles as written, `\\N` included', () => {
        const { stdout } = toc('diagram', FILE, '-f', 'dot');
        expect(stdout).not.toMatch(RAW_CONTROL);
        const drawn = spawnSync('dot', ['-Tsvg'], { input: stdout, encoding: 'utf8' });
        expect(drawn.status, drawn.stderr).toBe(0);
        const svg = new JSDOM(drawn.stdout, { contentType: 'image/svg+xml' }).window.document;
        const text = [...svg.querySelectorAll('text')].map(node => node.textContent).join(' ');
        expect(text).toContain('C:\\Users\\Nurse');
        expect(text).toContain('<script>alert(1)</script> \\N');
        expect(text).not.toContain('Rounds'); // `\N` not replaced by the node's name
        expect(svg.querySelectorAll('img, script').length).toBe(0);
    });

    test('diagram -f mermaid: markup and control characters escaped', () => {
        const { stdout } = toc('diagram', FILE, '-f', 'mermaid');
        expect(stdout).not.toMatch(RAW_CONTROL);
        expect(stdout).not.toMatch(/<(img|script)/);
        expect(stdout).toContain('#lt;img src=x onerror=alert(1)#gt;');
        expect(stdout).toContain('\\x1b[2J');
    });

    test('diagram -f png: drawn', () => {
        const output = join(folder, 'map.png');
        const { code, stderr } = toc('diagram', FILE, '-f', 'png', '-o', output);
        expect(code, stderr).toBe(0);
        expect([...readFileSync(output).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });
});
