import { chartsSvg } from '../../../language/src/charts/chart-svg.js';
import { measureCharts } from '../../../language/src/charts/measure-charts.js';
import { modelFile, refuseInputsAsOutputs, UsageError } from './files.js';
import type { FileResult, RunSettings } from './load.js';
import { createServices, loadFiles, modelErrors } from './load.js';
import { svgToPng } from './png.js';

/**
 * `toc chart`: the charts of a model's measures that have data (or of the one named), one above
 * another, as SVG or PNG, drawn without a browser, as on the check date.
 */
export async function chartReport(
    model: string,
    format: 'svg' | 'png',
    cwd: string,
    { measure: wanted, output, ...settings }: RunSettings & { measure?: string; output?: string },
): Promise<{ content: string | Uint8Array; errors: FileResult[] }> {
    const path = await modelFile(model, cwd);
    refuseInputsAsOutputs([{ path: output, option: '--output' }], [path]);
    const { services, documents } = await loadFiles([path], createServices(settings));
    const analysis = services.analysis.ModelAnalysis;
    const root = analysis.rootOf(documents[0]);
    const programme = analysis.modelOf(root);
    // Never over an input: a model file, or a data file a measure reads.
    refuseInputsAsOutputs(
        [{ path: output, option: '--output' }],
        [
            ...programme.documents.map(document => document.uri.fsPath),
            ...programme.measures.flatMap(m => services.data.MeasureData.uriOf(m)?.fsPath ?? []),
        ],
    );
    const charts = measureCharts(services, root).filter(chart => wanted === undefined || chart.measure.name === wanted);
    if (wanted !== undefined && charts.length === 0) {
        throw new UsageError(`${model} has no measure called ${wanted}.`);
    }
    const specs = charts.flatMap(chart => chart.spec ?? []);
    if (specs.length === 0) {
        throw new UsageError(
            wanted === undefined
                ? `no measure of ${model} has data to chart: give a measure \`data "file.csv"\` (see docs/measures-and-data.md).`
                : `measure ${wanted} has no data to chart: it names no data file, or the file cannot be used (toc check says why).`,
        );
    }
    const svg = chartsSvg(specs);
    return { content: format === 'png' ? await svgToPng(svg) : svg, errors: modelErrors(services, documents[0]) };
}
