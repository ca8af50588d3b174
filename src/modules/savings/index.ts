export { savingsRoutes } from './savings.routes.ts';
export { depositSavings, openSavingsAccount, withdrawSavings } from './savings.service.ts';
