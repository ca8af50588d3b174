export { identityRoutes, SESSION_COOKIE } from './identity.routes.ts';
export { type CreateUserInput, createUserInputSchema } from './identity.schema.ts';
export {
  activeUsersWithRole,
  actorForUsername,
  addUser,
  changeUser,
  createApiToken,
  resolveApiToken,
  resolveSession,
  staffById,
  staffByIds,
  staffNameById,
  staffNames,
  userCount,
} from './identity.service.ts';
