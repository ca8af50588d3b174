/**
 * Who may see the reminders outbox and change how people are reached. The outbox is the
 * office's: the administrator and the office manager. A member's contact and opt-out are kept
 * by the staff who deal with members (as the registry's editors).
 */
import type { Role } from '../../core/roles.ts';

export const REMINDER_READERS = ['admin', 'manager'] as const satisfies readonly Role[];
export const CONTACT_EDITORS = ['admin', 'manager', 'cashier', 'facilitator', 'cadre'] as const satisfies readonly Role[];
/** Every role that may reach a contact route (users may set their own; the service decides). */
export const CONTACT_ROUTE_ROLES = [
  'admin',
  'manager',
  'cashier',
  'facilitator',
  'cadre',
  'health_worker',
  'supervisor',
  'auditor',
] as const satisfies readonly Role[];
