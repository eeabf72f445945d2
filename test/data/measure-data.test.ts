import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../support/workspace.js';

const MODEL = (data: string) => `measure FallsRate "Falls per 1,000 bed-days" {
    kind outcome
    data "${data}"
}
`;

const unreadable = async (files: Record<string, string>) => {
    const workspace = await loadWorkspace(files, ['plan.toc']);
    return workspace
        .diagnostics('plan.toc')
        .filter(d => d.code === 'data-unreadable')
        .map(d => ({ severity: d.severity, line: d.range.start.line, message: d.message }));
};

describe('data-unreadable', () => {
    test('a missing file is an error on the `data` field, with the path relative to the model', async () => {
        expect(await unreadable({ 'plan.toc': MODEL('data/falls.csv') })).toEqual([
            {
                severity: 1,
                line: 2,
                message:
                    'The data file `data/falls.csv` of measure `FallsRate` does not exist: check the path, which is relative to this file.',
            },
        ]);
    });

    test('a bad row is an error naming the row and column, and how many more problems the file has', async () => {
        const csv = 'date,value\n2025-01-01,3\n2025-02-01,n/a\n2025-03-01,\n';
        expect(await unreadable({ 'plan.toc': MODEL('data/falls.csv'), 'data/falls.csv': csv })).toEqual([
            {
                severity: 1,
                line: 2,
                message:
                    'The data file `data/falls.csv` of measure `FallsRate` cannot be used: row 3, column `value`: "n/a" is not a number (and 1 more in the file).',
            },
        ]);
    });

    test('a good file is silent, from a model in a subfolder too', async () => {
        const csv = 'date,value\n2025-01-01,3\n2025-02-01,4\n';
        expect(await unreadable({ 'plan.toc': MODEL('falls.csv'), 'falls.csv': csv })).toEqual([]);
        expect(
            await unreadable({
                'plan.toc': 'import "wards/measures"\n',
                'wards/measures.toc': MODEL('../falls.csv'),
                'falls.csv': csv,
            }),
        ).toEqual([]);
    });

    test('a measure in an imported file reads its data relative to that file', async () => {
        const workspace = await loadWorkspace(
            { 'plan.toc': 'import "wards/measures"\n', 'wards/measures.toc': MODEL('falls.csv') },
            ['plan.toc'],
        );
        expect(workspace.diagnostics('wards/measures.toc').map(d => d.message)).toContain(
            'The data file `falls.csv` of measure `FallsRate` does not exist: check the path, which is relative to this file.',
        );
    });

    test('in a workspace that is not trusted, a data file outside its folder is not read, and the finding says why', async () => {
        const workspace = await loadWorkspace(
            {
                'project/plan.toc': MODEL('../elsewhere/falls.csv'),
                'elsewhere/falls.csv': 'date,value\n2025-01-01,3\n',
            },
            [],
        );
        workspace.services.workspace.Imports.confineTo([workspace.uri('project')]);
        await workspace.services.workspace.ImportLoader.buildWithImports([workspace.uri('project/plan.toc')]);
        expect(
            workspace
                .diagnostics('project/plan.toc')
                .filter(d => d.code === 'data-unreadable')
                .map(d => d.message),
        ).toEqual([
            'The data file `../elsewhere/falls.csv` of measure `FallsRate` is outside the workspace folder, and this workspace is not trusted, so it is not read: trust the workspace (Manage Workspace Trust), or copy the file into it.',
        ]);
    });

    test('when the file changes and the model is checked again, the finding follows', async () => {
        const workspace = await loadWorkspace(
            { 'plan.toc': MODEL('falls.csv'), 'falls.csv': 'date,value\n2025-01-01,x\n' },
            ['plan.toc'],
        );
        expect(workspace.codes('plan.toc')).toContain('data-unreadable');
        workspace.fileSystem.insert(workspace.uri('falls.csv'), 'date,value\n2025-01-01,3\n');
        const readers = workspace.services.data.MeasureData.forget(workspace.uri('falls.csv'));
        expect(readers.map(uri => uri.toString())).toEqual([workspace.uri('plan.toc').toString()]);
        await workspace.services.shared.workspace.DocumentBuilder.update(readers, []);
        expect(workspace.codes('plan.toc')).not.toContain('data-unreadable');
    });
});

describe('readings across edits', () => {
    test('an edit to what a reading depends on reads the data again; an edit elsewhere keeps the reading', async () => {
        // Twenty months level around 10 (illustrative), then a month far above the limits.
        const months = Array.from(
            { length: 21 },
            (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
        );
        const csv = `date,value\n${months.map((month, i) => `${month},${i === 20 ? 30 : 10 + (i % 3)}`).join('\n')}\n`;
        const model = (direction: string, title: string) =>
            `measure Falls "${title}" {\n    kind outcome\n    direction ${direction}\n    chart xmr\n    data "falls.csv"\n}\n`;
        const workspace = await loadWorkspace({ 'plan.toc': model('decrease', 'Falls'), 'falls.csv': csv }, [
            'plan.toc',
        ]);
        const data = workspace.services.data.MeasureData;
        const measure = () =>
            workspace.services.analysis.ModelAnalysis.modelOf(workspace.document('plan.toc')).measures[0];
        expect(workspace.codes('plan.toc')).toContain('concern-signal');
        const before = data.readingIn(measure(), workspace.document('plan.toc'));

        await workspace.change('plan.toc', model('decrease', 'Falls on the wards'));
        expect(workspace.codes('plan.toc')).toContain('concern-signal');
        expect(data.readingIn(measure(), workspace.document('plan.toc'))).toBe(before);

        await workspace.change('plan.toc', model('increase', 'Falls on the wards'));
        expect(workspace.codes('plan.toc')).not.toContain('concern-signal');
        expect(data.readingIn(measure(), workspace.document('plan.toc'))?.spc?.variation).toBe(
            'special cause improvement',
        );
    });

    test('the reading a user keeps coming back to is kept, however many others were tried in between', async () => {
        // Fourteen months around 10 (illustrative).
        const rows = Array.from(
            { length: 14 },
            (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01,${10 + (i % 3)}`,
        );
        const csv = `date,value\n${rows.join('\n')}\n`;
        const model = (target: string) =>
            `measure Falls "Falls" {\n    kind outcome\n    direction decrease\n    chart xmr\n    data "falls.csv"${target}\n}\n`;
        const workspace = await loadWorkspace({ 'plan.toc': model(''), 'falls.csv': csv }, ['plan.toc']);
        const data = workspace.services.data.MeasureData;
        const reading = () =>
            data.readingIn(
                workspace.services.analysis.ModelAnalysis.modelOf(workspace.document('plan.toc')).measures[0],
                workspace.document('plan.toc'),
            );
        const usual = reading();
        expect(usual).toBeDefined();
        // Eight other targets tried, going back to the usual model after each.
        for (let target = 1; target <= 8; target++) {
            await workspace.change('plan.toc', model(`\n    target reach ${target}`));
            expect(reading()).not.toBe(usual);
            await workspace.change('plan.toc', model(''));
            expect(reading()).toBe(usual);
        }
    });
});
