/** Who may do what with groups; the routes and the service check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ROLES as READERS } from '../../core/roles.ts';
export const MANAGERS = ['admin', 'manager', 'facilitator'] as const satisfies readonly Role[];
