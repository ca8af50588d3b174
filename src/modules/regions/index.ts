export { regionRoutes } from './regions.routes.ts';
export { levelOfCode, normaliseRegionCode } from './regions.rules.ts';
export { ensureRegionsLoaded, findRegionsByCodes, unknownRegionCodes } from './regions.service.ts';
