/** Who may do what with financing; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

export { ADMINS as DAY_CLOSERS, ADMINS as SETTINGS_KEEPERS } from '../../core/roles.ts';
export const FINANCING_READERS = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
export const PRODUCT_KEEPERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const MAKERS = ['admin', 'manager', 'cashier', 'facilitator'] as const satisfies readonly Role[];
export const APPROVERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const DISBURSERS = ['admin', 'manager', 'cashier'] as const satisfies readonly Role[];
export const COLLECTORS = ['admin', 'manager', 'cashier', 'facilitator'] as const satisfies readonly Role[];
/** Reversing a repayment, writing off, rescheduling: corrections a manager answers for. */
export const CORRECTORS = ['admin', 'manager'] as const satisfies readonly Role[];
export const PAR_READERS = ['admin', 'manager', 'supervisor', 'auditor', 'cashier'] as const satisfies readonly Role[];
/** Who assigns a financing's responsible officer, and the roles an officer may hold. */
export const OFFICER_KEEPERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const OFFICER_ROLES = ['facilitator', 'manager'] as const satisfies readonly Role[];
