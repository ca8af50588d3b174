export { jknRateOf, quoteFamily, rehabPlanOfFamily } from './jkn.family.ts';
export { jknRoutes } from './jkn.routes.ts';
export { firstBilledMonth } from './jkn.rules.ts';
