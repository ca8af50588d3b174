export { contributionRoutes } from './contributions.routes.ts';
export { collectContribution, getFamilyDues, recordVisit, setPaidThrough, worklist } from './contributions.service.ts';
