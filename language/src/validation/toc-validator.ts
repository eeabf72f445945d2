import type { ValidationChecks } from 'langium';
import type { TocAstType } from '../generated/ast.js';
import type { TocServices } from '../toc-module.js';
import { checkDuplicateNames } from './structure/duplicate-names.js';
import {
    checkActivityDates,
    checkDates,
    checkProgrammePeriod,
    checkRepeatedFields,
    checkRepeatedSiteFigures,
    checkSingleProgramme,
    DATE_PROPERTIES,
} from './structure/fields.js';
import { checkImport } from './structure/imports.js';
import { checkCausalCycles, checkLinkDirection, checkSelfLink } from './structure/links.js';
import { checkRules } from './rules-check.js';

/**
 * The structural checks (errors where the model does not mean anything coherent) and the rule
 * catalogue (warnings about the plan's logic). All are cheap and run on every edit. Langium turns a check that throws into a diagnostic on the model, so one
 * broken check never hides the others.
 */
export function registerValidationChecks(services: TocServices): void {
    const checks: ValidationChecks<TocAstType> = {
        Model: [checkDuplicateNames(services), checkCausalCycles(services), checkRules(services)],
        Import: [checkImport(services)],
        Element: [checkRepeatedFields(services)],
        Link: [checkSelfLink(), checkLinkDirection()],
        Programme: [checkProgrammePeriod(), checkSingleProgramme(services)],
        Measure: [checkRepeatedSiteFigures()],
        Activity: [checkActivityDates(), checkDates(DATE_PROPERTIES.Activity)],
        Period: [checkDates(DATE_PROPERTIES.Period)],
        Figure: [checkDates(DATE_PROPERTIES.Figure)],
        Target: [checkDates(DATE_PROPERTIES.Target)],
        Baseline: [checkDates(DATE_PROPERTIES.Baseline)],
    };
    services.validation.ValidationRegistry.register(checks, undefined, 'fast');
}
