export { exportPersonFhir } from './fhir.service.ts';
export { healthRoutes } from './health.routes.ts';
