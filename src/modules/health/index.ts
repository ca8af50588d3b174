export type { IllnessStatus } from './finance-link.rules.ts';
export { illnessStatusOf } from './finance-link.service.ts';
export { healthRoutes } from './health.routes.ts';
export { healthFieldBundle } from './field.service.ts';
