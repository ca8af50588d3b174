export { healthRoutes } from './health.routes.ts';
export { illnessStatusOf } from './finance-link.service.ts';
export type { IllnessStatus } from './finance-link.rules.ts';
