export { partnershipRoutes } from './partnerships.routes.ts';
export {
  addAgreement,
  addResource,
  advancePartnership,
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
