export { aidRoutes } from './aid.routes.ts';
export { explainEligibility } from './eligibility.service.ts';
export { quoteAidEntitlement } from './entitlement.service.ts';
export { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service.ts';
