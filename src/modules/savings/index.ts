export { savingsRoutes } from './savings.routes.ts';
export { depositSavings, openSavingsAccount, savingsAccountMembers, withdrawSavings } from './savings.service.ts';
