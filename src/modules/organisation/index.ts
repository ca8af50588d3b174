export { organisationRoutes } from './organisation.routes.ts';
export { type CreateOfficeInput, createOfficeInputSchema } from './organisation.schema.ts';
export { addOffice, createOrganisation, getOrganisation, officesWithRegions, resolveOfficeCodes } from './organisation.service.ts';
