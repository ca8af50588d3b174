/** Who may do what with cadres and their participants; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ADMINS as SETTINGS_KEEPERS } from '../../core/roles.ts';
export const MANAGERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const READERS = ['admin', 'manager', 'supervisor', 'auditor', 'cadre'] as const satisfies readonly Role[];
export const CARD_PRINTERS = ['admin', 'manager', 'cadre'] as const satisfies readonly Role[];
export const PARTICIPANT_WRITERS = ['admin', 'manager', 'cadre'] as const satisfies readonly Role[];
