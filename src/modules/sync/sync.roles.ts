/** Who may sync the field app; the routes and the service check the same set. */
import type { Role } from '../../core/roles.ts';

export const FIELD_WORKERS: readonly Role[] = ['cadre', 'facilitator', 'health_worker', 'manager', 'admin'];
