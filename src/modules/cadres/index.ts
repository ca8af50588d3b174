import { cadreRoutes as cardAndCaseloadRoutes } from './cadres.routes.ts';
import { participantRoutes } from './participants.routes.ts';
import { photoRoutes } from './photo.routes.ts';

export { assertVerificationAllowed } from './cadres.routes.ts';
export { issueCadreCard, registerCadre, verifyCadreCard } from './cadres.service.ts';
export { assignFamilies } from './caseload.service.ts';
export { recordPersonJkn } from './participants.service.ts';
export { renderVerificationPage } from './verification-page.ts';
export const cadreRoutes = [...cardAndCaseloadRoutes, ...participantRoutes, ...photoRoutes];
