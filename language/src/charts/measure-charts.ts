/**
 * A model's measures as charts, in the order a reader takes them: from the aim down the causal map,
 * then the measures of anything else (risks, side effects, activities no aim depends on). `toc
 * chart` and the preview's Measures view both draw from here.
 */
import type { LangiumDocument } from 'langium';
import { absoluteTarget } from '../analysis/describe.js';
import type { ProgrammeModel } from '../analysis/programme-model.js';
import * as ast from '../generated/ast.js';
import type { MeasureReading } from '../data/measure-reading.js';
import { briefOf } from '../data/measure-reading.js';
import { describeBrief } from '../data/reading-brief.js';
import { locate } from '../diagram/diagram-model.js';
import { elementId } from '../diagram/dot.js';
import type { MeasureChartsResult, PreviewChart } from '../protocol.js';
import type { TocServices } from '../toc-module.js';
import { visibleText } from '../utils/text.js';
import type { ChartSpec } from './chart-svg.js';
import { chartsSvg } from './chart-svg.js';
import { readingIcons } from './reading-icons.js';

/** Measures of the nodes nearest the aim first; each measure once. */
export function measuresFromAim(model: ProgrammeModel): ast.Measure[] {
    const ordered = new Set<ast.Measure>();
    for (const node of model.fromAims().keys()) {
        model.measuresOf(node).forEach(measure => ordered.add(measure));
    }
    model.measures.forEach(measure => ordered.add(measure));
    return [...ordered];
}

/** What a measure's chart is drawn from. */
export function chartSpecOf(measure: ast.Measure, reading: MeasureReading): ChartSpec {
    const target = absoluteTarget(measure.target)?.value;
    return { name: measure.name, title: measure.title, unit: measure.unit, target, reading };
}

export interface MeasureChart {
    readonly measure: ast.Measure;
    /** Absent when there is nothing to chart; `missing` says why. */
    readonly spec?: ChartSpec;
    readonly missing?: string;
}

/** Every measure of the model rooted at `root`, from the aim down, with its chart or why it has none. */
export function measureCharts(services: TocServices, root: LangiumDocument): MeasureChart[] {
    const data = services.data.MeasureData;
    const model = services.analysis.ModelAnalysis.modelOf(root);
    return measuresFromAim(model).map(measure => {
        const reading = data.readingIn(measure, root);
        if (reading) {
            return { measure, spec: chartSpecOf(measure, reading) };
        }
        return {
            measure,
            missing:
                measure.data === undefined
                    ? 'No data yet: name its data file (data "file.csv") to chart it.'
                    : 'Its data file cannot be used: the problems on its data line say why.',
        };
    });
}

/** The Measures view of the preview: each measure's chart, reading, badges and findings. */
export function previewCharts(services: TocServices, root: LangiumDocument): MeasureChartsResult {
    const model = services.analysis.ModelAnalysis.modelOf(root);
    const findings = services.rules.RuleEngine.reportedFindingsOf(root);
    const programme = model.all(ast.isProgramme)[0];
    const charts = measureCharts(services, root).map(({ measure, spec, missing }): PreviewChart => {
        const brief = spec && briefOf(spec.reading);
        const location = locate(measure);
        return {
            id: elementId('chart', measure.name),
            measure: measure.name,
            ...(measure.title ? { title: visibleText(measure.title) } : {}),
            ...(measure.kind ? { kind: measure.kind } : {}),
            of: measure.measures.map(ref => ref.$refText),
            ...(spec ? { svg: chartsSvg([spec]) } : {}),
            ...(brief ? { reading: describeBrief(brief) } : {}),
            badges: brief ? readingIcons(brief) : [],
            ...(missing ? { missing } : {}),
            findings: findings
                .filter(finding => finding.node === measure)
                .map(finding => ({ rule: finding.code, severity: finding.severity, message: finding.message })),
            ...(location ? { location } : {}),
        };
    });
    return { ...(programme ? { title: visibleText(programme.title ?? programme.name) } : {}), charts };
}
