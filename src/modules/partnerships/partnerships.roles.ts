/**
 * Who may do what with partnerships for health promotion (kemitraan). Building partnerships is the
 * office's work: the administrator and the office manager record partners, move partnerships
 * through their steps, upload agreements and score evaluations. Health workers, who run the
 * screenings and counselling the partnerships support, the supervisor (Dinas) and the auditor
 * read them and their M&E; the M&E outcome holds only aggregates of the health records (the same
 * readers as src/modules/health/health.roles.ts AGGREGATE_READERS).
 */
import type { Role } from '../../core/roles.ts';

export const PARTNERSHIP_MANAGERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const PARTNERSHIP_READERS = ['admin', 'manager', 'health_worker', 'supervisor', 'auditor'] as const satisfies readonly Role[];
