import { cadreRoutes as cardAndCaseloadRoutes } from './cadres.routes.ts';
import { participantRoutes } from './participants.routes.ts';
import { photoRoutes } from './photo.routes.ts';

export {
  cadreOfUser,
  cadresAmongPersons,
  cadresInScope,
  changeCadreStatus,
  checkCadreCard,
  issueCadreCard,
  registerCadre,
  verifyCadreCard,
} from './cadres.service.ts';
export { assignFamilies, cadreSettings, recordCadreTraining } from './caseload.service.ts';
export { recordPersonJkn } from './participants.service.ts';
export { assertVerificationAllowed, countVerificationLookup } from './verification-limit.ts';
export { renderTooManyLookupsPage, renderVerificationPage } from './verification-page.ts';
export const cadreRoutes = [...cardAndCaseloadRoutes, ...participantRoutes, ...photoRoutes];
export {
  cadreFamilies,
  cadreOfFamily,
  cadreRecord,
  familiesOfCadres,
  jknParticipantsOf,
  lockCadreRecord,
  recruitsInMonth,
} from './families.service.ts';
