export { organisationRoutes } from './organisation.routes.ts';
export { type CreateOfficeInput, createOfficeInputSchema } from './organisation.schema.ts';
export {
  addOffice,
  changeOffice,
  createOrganisation,
  getOrganisation,
  getOrganisationDetails,
  officeChangeCount,
  officeRegionsForActor,
  officesByIds,
  officesWithRegions,
  resolveOfficeCodes,
  resolveOfficeForActor,
} from './organisation.service.ts';
export { saveSetting, saveSettingOnce, settingValue } from './settings.service.ts';
