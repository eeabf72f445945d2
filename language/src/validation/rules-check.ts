import type { ValidationAcceptor, ValidationCheck } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import { ruleDocsUrl } from '../config/toc-config.js';
import type { Model } from '../generated/ast.js';
import { findingProperty, RULE_FAILED } from '../rules/rule-engine.js';
import { applySuppressions, findSuppressions } from '../rules/suppressions.js';
import type { TocServices } from '../toc-module.js';
import { measuresToLoad } from '../data/measure-data.js';

export const INVALID_CONFIG = 'invalid-config';

/**
 * Reports the rule catalogue's findings located in a document, minus those its suppression
 * comments cover, plus problems with the suppressions and with the configuration file in effect.
 * Every rule of the catalogue is cheap enough to run on each edit, so the editor and the
 * command line run the same set.
 */
export function checkRules(services: TocServices): ValidationCheck<Model> {
    const engine = services.rules.RuleEngine;
    const configs = services.config.ConfigProvider;
    const data = services.data.MeasureData;
    return async (model: Model, accept: ValidationAcceptor) => {
        const document = AstUtils.getDocument(model);
        // The rules read measures' data files: load those of every model the file is in first.
        await data.load(measuresToLoad(services, document));
        const { kept, problems } = applySuppressions(engine.findingsIn(document), findSuppressions(document));
        for (const finding of kept) {
            accept(finding.severity, finding.message, {
                node: finding.node,
                property: findingProperty(finding),
                index: finding.index,
                range: finding.range,
                code: finding.code,
                codeDescription: finding.code === RULE_FAILED ? undefined : { href: ruleDocsUrl(finding.code) },
                data: finding.fix,
            });
        }
        for (const problem of problems) {
            accept('warning', problem.message, { node: model, range: problem.range, code: problem.code });
        }
        for (const problem of configs.configFor(document.uri).problems) {
            const where = `${UriUtils.basename(problem.uri)}:${problem.line}:${problem.column}`;
            accept(
                'error',
                `${where}: the configuration ${problem.message} The default rule settings are used until it is fixed.`,
                {
                    node: model,
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    code: INVALID_CONFIG,
                },
            );
        }
    };
}
