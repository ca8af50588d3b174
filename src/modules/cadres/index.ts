export { assertVerificationAllowed, cadreRoutes } from './cadres.routes.ts';
export { verifyCadreCard } from './cadres.service.ts';
export { renderVerificationPage } from './verification-page.ts';
