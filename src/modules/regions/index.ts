export { regionRoutes } from './regions.routes.ts';
export { levelOfCode, normaliseRegionCode } from './regions.rules.ts';
export { allRegionCodes, ensureRegionsLoaded, findRegionsByCodes, unknownRegionCodes } from './regions.service.ts';
