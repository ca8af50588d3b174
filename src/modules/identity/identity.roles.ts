/** Who may do what with user accounts; the routes and the service check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ADMINS as USER_KEEPERS } from '../../core/roles.ts';
export const USER_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];
