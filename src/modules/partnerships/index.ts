export { STEPS, type Step } from './partnership.rules.ts';
export { partnershipRoutes } from './partnerships.routes.ts';
export {
  addAgreement,
  addResource,
  advancePartnership,
  changePartnership,
  createPartner,
  createPartnership,
  getPartnership,
  logCommunication,
  partnershipMonitoring,
  recordActivity,
  recordEvaluation,
  setMember,
  uploadAgreementDocument,
} from './partnerships.service.ts';
