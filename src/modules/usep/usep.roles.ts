/** Who may do what with the USEP chain and the group reports; the routes and the services check the same sets. */
import type { Role } from '../../core/roles.ts';

/** Allocating a Dinas/NGO stimulus to a group moves money between funds: those who keep the books. */
export const ALLOCATORS = ['admin', 'manager'] as const satisfies readonly Role[];
/** Recording what a musyawarah decided (who receives the revolving money): those who run groups. */
export const PASSERS = ['admin', 'manager', 'facilitator'] as const satisfies readonly Role[];
export const CHAIN_READERS = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
