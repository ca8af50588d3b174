export { contributionRoutes } from './contributions.routes.ts';
export { collectContribution, getFamilyDues, recordVisit, worklist } from './contributions.service.ts';
