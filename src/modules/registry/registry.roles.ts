/** Who may do what with the family registry; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

/** Officials of the kelurahan/kecamatan read group reports, not families. */
export { STAFF as READERS } from '../../core/roles.ts';
export const WRITERS = ['admin', 'manager', 'facilitator', 'cadre', 'health_worker'] as const satisfies readonly Role[];
export const IMPORTERS = ['admin', 'manager', 'facilitator'] as const satisfies readonly Role[];
export const DUPLICATE_READERS = ['admin', 'manager', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
export const DUPLICATE_DECIDERS = ['admin', 'manager'] as const satisfies readonly Role[];
export { ADMINS as DUPLICATE_SETTERS } from '../../core/roles.ts';
