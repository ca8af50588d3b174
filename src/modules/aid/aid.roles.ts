/**
 * Who may do what with social assistance programmes; the routes and the services check the same
 * sets. Defining a programme (its rules and benefit tables) is organisation-wide policy: the
 * administrator only. Reading programmes and asking why a family is or is not eligible is the
 * daily work of managers, facilitators (pendamping) and the social-affairs supervisor, and the
 * auditor reads everything; cashiers, cadres and health workers have no aid work yet.
 * The entitlement quote stores nothing and shows only published figures: it is public, like the
 * JKN quote.
 */
import type { Role } from '../../core/roles.ts';

export { ADMINS as PROGRAMME_EDITORS } from '../../core/roles.ts';
export const AID_READERS = ['admin', 'manager', 'facilitator', 'supervisor', 'auditor'] as const satisfies readonly Role[];
/** Enrolling, suspending and ending: the administrator and the office manager (admin+manager write, readers read). */
export const ENROLLERS = ['admin', 'manager'] as const satisfies readonly Role[];
/** Opening, computing, excluding, instructing and reconciling cycles: the administrator and the office manager. */
export const CYCLE_MAKERS = ['admin', 'manager'] as const satisfies readonly Role[];
