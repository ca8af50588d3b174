/** Who may do what with member savings; the routes and the service check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ADMINS as SETTINGS_KEEPERS } from '../../core/roles.ts';
export const SAVINGS_TELLERS = ['admin', 'manager', 'cashier'] as const satisfies readonly Role[];
export const SAVINGS_CORRECTORS = ['admin', 'manager'] as const satisfies readonly Role[];
export const SAVINGS_READERS = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
