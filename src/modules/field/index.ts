export { fieldRoutes } from './field.routes.ts';
