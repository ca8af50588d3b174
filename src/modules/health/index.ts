export { healthRoutes } from './health.routes.ts';
export { healthFieldBundle } from './field.service.ts';
