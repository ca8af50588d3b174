import { addSharedAccountSource } from '../registry/index.ts';
import { sharedAccountPairs } from './enrolment.service.ts';

export { aidRoutes } from './aid.routes.ts';
export { cycleRoutes } from './cycle.routes.ts';
export {
  approveCycle,
  approveEntitlement,
  approveEntitlements,
  type ComputeOptions,
  computeCycle,
  createCycle,
  excludeEntitlement,
  getCycle,
  getEntitlement,
  listCycles,
  listEntitlements,
  reviewCycle,
} from './cycle.service.ts';
export { explainEligibility } from './eligibility.service.ts';
export { enrol, enrolMany, listEnrolments, setEnrolmentAccount, setEnrolmentStatus } from './enrolment.service.ts';
export { quoteAidEntitlement } from './entitlement.service.ts';
export { paymentRoutes } from './payment.routes.ts';
export {
  createInstructionBatch,
  getReconciliation,
  getRetryList,
  listInstructionBatches,
  listReconciliations,
  openInstructionFile,
  reconcile,
  writeInstructionFile,
} from './payment.service.ts';
export { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service.ts';
export { rolloutRoutes } from './rollout.routes.ts';
export { eligibleNotEnrolled, enrolledNotEligible, householdAid, personAid, rolloutProgress } from './rollout.service.ts';

/** The registry's duplicate review raises two households whose recipients share one channel account. */
addSharedAccountSource(sharedAccountPairs);
