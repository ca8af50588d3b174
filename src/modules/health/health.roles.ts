/**
 * Who may do what in the health programme. Health data is specific personal data (UU 27/2022):
 * clinical details (diagnoses, results, vitals) only for health workers and the administrator;
 * other roles see at most "under care" or "unable to work until".
 */
import type { Role } from '../../core/roles.ts';

/** Read and write clinical records: encounters, screenings, profiles, referrals. */
export const CLINICIANS = ['health_worker'] as const satisfies readonly Role[];
/** Read clinical records (every read audited). */
export const CLINICAL_READERS = ['health_worker', 'admin'] as const satisfies readonly Role[];
/** See whether a member is ill now and until when (never why): beside their financing. */
export const STATUS_READERS = [
  'admin',
  'manager',
  'cashier',
  'facilitator',
  'health_worker',
  'supervisor',
  'auditor',
] as const satisfies readonly Role[];
/** Record that a member cannot work (a facilitator hears of it at the group meeting). */
export const ILLNESS_RECORDERS = ['health_worker', 'facilitator', 'admin'] as const satisfies readonly Role[];
/** Members at risk (ill and due). */
export const AT_RISK_READERS = ['admin', 'manager', 'facilitator', 'health_worker'] as const satisfies readonly Role[];
/** Aggregates with no person in them: IKS by village and office, the repayment comparison. */
export const AGGREGATE_READERS = ['admin', 'manager', 'health_worker', 'supervisor', 'auditor'] as const satisfies readonly Role[];
/** Counselling sessions (topic, place, who attended: not clinical). */
export const SESSION_WRITERS = ['health_worker', 'admin'] as const satisfies readonly Role[];
export const SESSION_READERS = [
  'admin',
  'manager',
  'facilitator',
  'health_worker',
  'supervisor',
  'auditor',
] as const satisfies readonly Role[];
