import { describeProblem } from '../../data/data-file.js';
import type { RuleDefinition } from '../rule.js';

export const dataUnreadable: RuleDefinition = {
    id: 'data-unreadable',
    challenge: 3,
    title: "A measure's data file cannot be read",
    summary:
        'Findings from data are only as good as the file they come from. A data file that is missing, is not CSV, or has a row that is not a date and a number is reported where the measure names it, with the row and column to fix.',
    defaultSeverity: 'error',
    check({ model, data, report }) {
        for (const measure of model.measures) {
            const loaded = data(measure);
            const file = `The data file \`${measure.data}\` of measure \`${measure.name}\``;
            if (loaded && 'unreadable' in loaded) {
                report({
                    node: measure,
                    property: 'data',
                    message: `${file} ${loaded.unreadable}.`,
                });
            } else if (loaded && loaded.problems.length > 0) {
                const [first, ...others] = loaded.problems;
                const more = others.length === 0 ? '' : ` (and ${others.length} more in the file)`;
                report({
                    node: measure,
                    property: 'data',
                    message: `${file} cannot be used: ${describeProblem(first)}${more}.`,
                });
            }
        }
    },
};

export const DATA_RULES = [dataUnreadable];
