import type { Role } from '../../core/roles.ts';

/** Dashboards hold figures, no person: the readers of reports (managers, supervisors, auditors) and the admin. */
export const DASHBOARD_READERS = ['admin', 'manager', 'supervisor', 'auditor'] as const satisfies readonly Role[];
