/** Who may do what with the books and cash drawers; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

export const LEDGER_READERS = ['admin', 'manager', 'cashier', 'supervisor', 'auditor'] as const satisfies readonly Role[];
export const LEDGER_KEEPERS = ['admin', 'manager'] as const satisfies readonly Role[];
/** Facilitators see the funds (what a group can borrow), not the books. */
export const FUND_READERS = [...LEDGER_READERS, 'facilitator'] as const satisfies readonly Role[];
export const DRAWER_HOLDERS = ['admin', 'manager', 'cashier'] as const satisfies readonly Role[];
export const DRAWER_SUPERVISORS: readonly Role[] = ['admin', 'manager'];
/** Who re-hashes the sealed books (GET /ledger/integrity). */
export const BOOKS_CHECKERS = ['admin', 'manager', 'supervisor', 'auditor'] as const satisfies readonly Role[];
