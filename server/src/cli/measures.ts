import {
    buildMeasurementPlan,
    measurementPlanCsv,
    measurementPlanMarkdown,
} from '../../../language/src/analysis/measurement-plan.js';
import { modelFile } from './files.js';
import type { FileResult, RunSettings } from './load.js';
import { createServices, loadFiles, modelErrors } from './load.js';

/**
 * `toc measures <model>`: the measurement plan of a model (the file and everything it imports),
 * as Markdown for a report or CSV for a spreadsheet. A path that is not a readable `.toc` file is
 * a `UsageError` from `modelFile`.
 */
export async function measuresReport(
    modelPath: string,
    format: 'md' | 'csv',
    cwd: string,
    settings: RunSettings = {},
): Promise<string> {
    return (await measures(modelPath, format, cwd, settings)).report;
}

/** The measurement plan, and the errors of the model it was drawn from. */
export async function measures(
    modelPath: string,
    format: 'md' | 'csv',
    cwd: string,
    settings: RunSettings = {},
): Promise<{ report: string; errors: FileResult[] }> {
    const { services, documents } = await loadFiles([await modelFile(modelPath, cwd)], createServices(settings));
    const analysis = services.analysis.ModelAnalysis;
    const root = analysis.rootOf(documents[0]);
    const plan = buildMeasurementPlan(analysis.modelOf(root), measure =>
        services.data.MeasureData.readingIn(measure, root),
    );
    return {
        report: format === 'csv' ? measurementPlanCsv(plan) : measurementPlanMarkdown(plan),
        errors: modelErrors(services, documents[0]),
    };
}
