export { contributionRoutes } from './contributions.routes.ts';
export {
  cadreCash,
  collectContribution,
  depositCash,
  getFamilyDues,
  householdVisits,
  recordVisit,
  setPaidThrough,
  worklist,
} from './contributions.service.ts';
