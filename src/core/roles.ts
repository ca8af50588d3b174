export const ROLES = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor', 'official'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Roles that work with families by their identity numbers; others see NIK and KK masked. */
export const ROLES_SEEING_IDENTIFIERS: readonly Role[] = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker'];

/** Everyone who works for the organisation: every role but the kelurahan/kecamatan officials, who read only their area's group reports. */
export const STAFF: readonly Role[] = ROLES.filter((role) => role !== 'official');

/** Only the administrator: organisation-wide settings, users, offices, closing the day. */
export const ADMINS = ['admin'] as const satisfies readonly Role[];
