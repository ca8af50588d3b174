export { contributionRoutes } from './contributions.routes.ts';
