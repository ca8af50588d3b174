export { jknRoutes } from './jkn.routes.ts';
