import { type Role, STAFF } from '../../core/roles.ts';

/** Every staff role reads a person's timeline and a family's overview; each part only for the roles that read its module. */
export const TIMELINE_READERS = STAFF;
/** Financings and their arrears (the financing module's readers). */
export const FINANCING_PART = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
/** JKN-KIS cards (the cadres module's readers) and contributions paid (the contributions module's). */
export const JKN_PART = ['admin', 'manager', 'supervisor', 'auditor', 'cadre'] as const satisfies readonly Role[];
/** Social-assistance programmes and payments (the aid module's readers). */
export const AID_PART = ['admin', 'manager', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
/** Health encounters, with their clinical details (the health module's clinical readers; every read audited). */
export const HEALTH_PART = ['health_worker', 'admin'] as const satisfies readonly Role[];
