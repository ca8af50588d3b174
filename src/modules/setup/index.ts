export { setupRoutes } from './setup.routes.ts';
export { runFirstSetup, setupStatus } from './setup.service.ts';
