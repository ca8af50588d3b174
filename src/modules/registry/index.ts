export { registryRoutes } from './registry.routes.ts';
export { decodeNikWithRegions, registerHousehold } from './registry.service.ts';
