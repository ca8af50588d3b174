export { businessesOfPersons, businessForActor, recordBusiness } from './business.service.ts';
export { DUPLICATE_REASONS, type DuplicateReason, nameKey } from './duplicates.rules.ts';
export { addSharedAccountSource, listDuplicateCandidates, type SharedAccountSource } from './duplicates.service.ts';
export { IMPORT_HEADER } from './import.rules.ts';
export { type ImportSummary, importHouseholds } from './import.service.ts';
export { type FamilyWithMembers, familiesOfVillage, familiesWithMembers } from './members.service.ts';
export { registryRoutes } from './registry.routes.ts';
export {
  businessWithHousehold,
  decodeNikWithRegions,
  findPersonForActor,
  findPersons,
  type HouseholdWithPersons,
  headsInVillage,
  householdById,
  householdMembers,
  householdPage,
  householdRowsByIds,
  householdsByIds,
  householdsWithPersons,
  livingPersonPage,
  lockHousehold,
  personById,
  personNamesOf,
  personsByIds,
  registerHousehold,
} from './registry.service.ts';
export { countWomenInVillagesBornBetween, womenBornBetween } from './screening-women.service.ts';
export { xlsxRecords } from './xlsx.ts';
