export * from './toc-module.js';
export * from './generated/ast.js';
export { TocLanguageMetaData } from './generated/module.js';
export { ProgrammeModel, kindLabel, timelineRank } from './analysis/programme-model.js';
export { describeQuantity, describeTarget } from './analysis/describe.js';
export { starterModel } from './starter-model.js';
