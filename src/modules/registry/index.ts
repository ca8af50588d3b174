export { IMPORT_HEADER } from './import.rules.ts';
export { type ImportSummary, importHouseholds } from './import.service.ts';
export { registryRoutes } from './registry.routes.ts';
export { decodeNikWithRegions, findPersonForActor, registerHousehold } from './registry.service.ts';
export { findBusinessWithHousehold, findHeadsInVillage, findPersonById } from './registry.store.ts';
export { xlsxRecords } from './xlsx.ts';
