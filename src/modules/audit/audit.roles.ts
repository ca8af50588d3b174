/** Who may read the audit trail; the route and the service check the same set. */
import type { Role } from '../../core/roles.ts';

export const AUDIT_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];
