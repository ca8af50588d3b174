export { systemActorLabel } from './display-names.rules.ts';

import { setActorNames } from '../audit/index.ts';
import { displayNames } from './identity.service.ts';

export { identityRoutes, SESSION_COOKIE } from './identity.routes.ts';
export { type CreateUserInput, createUserInputSchema } from './identity.schema.ts';
export {
  activeUsersWithRole,
  actorForUsername,
  addUser,
  changeUser,
  createApiToken,
  displayNames,
  LOGIN_MAX_ATTEMPTS,
  LOGIN_WINDOW_MS,
  officeHeadName,
  resolveApiToken,
  resolveSession,
  staffById,
  staffByIds,
  staffNameById,
  staffNames,
  staffWithOffices,
  userCount,
} from './identity.service.ts';

/** The audit trail names who acted by their full name (and a system actor in words). */
setActorNames(displayNames);
