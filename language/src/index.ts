export * from './toc-module.js';
export * from './generated/ast.js';
export { TocLanguageMetaData } from './generated/module.js';
export { ProgrammeModel, timelineRank } from './analysis/programme-model.js';
export { DECLARATIONS, declarationKind, kindLabel } from './declarations.js';
export { describeQuantity, describeTarget } from './analysis/describe.js';
export { starterModel } from './starter-model.js';
