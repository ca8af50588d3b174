export const ROLES = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Roles that work with families by their identity numbers; others see NIK and KK masked. */
export const ROLES_SEEING_IDENTIFIERS: readonly Role[] = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker'];

/** Only the administrator: organisation-wide settings, users, offices, closing the day. */
export const ADMINS = ['admin'] as const satisfies readonly Role[];
