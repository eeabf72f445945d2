/** The statistics core: run charts, XmR charts and attribute charts over plain arrays of points. */
export * from './series.js';
export * from './run-chart.js';
export * from './xmr.js';
export * from './attribute.js';
export { assuranceOf, variationOf } from './special-causes.js';
