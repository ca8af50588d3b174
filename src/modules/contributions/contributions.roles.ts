/** Who may do what with JKN contributions; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ADMINS as SETTINGS_KEEPERS } from '../../core/roles.ts';
export const COLLECTORS = ['admin', 'manager', 'cadre'] as const satisfies readonly Role[];
export const READERS = ['admin', 'manager', 'cadre', 'supervisor', 'auditor'] as const satisfies readonly Role[];
export const SETTINGS_READERS = ['admin', 'manager', 'supervisor', 'auditor'] as const satisfies readonly Role[];
