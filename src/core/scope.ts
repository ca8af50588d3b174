import type { Role } from './roles.ts';

/**
 * Where a user may act. `all` is organisation-wide (admins); otherwise the region codes
 * covered by the user's offices. A region code is in scope when it equals a covered code
 * or lies beneath one (32.04 covers 32.04.11 and 32.04.11.2002).
 * This is the one place that decides scope; every module asks it.
 */
export type Scope = { kind: 'all' } | { kind: 'regions'; regionCodes: string[]; officeIds: string[] };

export const ORGANISATION_WIDE_ROLES: readonly Role[] = ['admin'];

/**
 * A user's area (a lurah's kelurahan, a camat's kecamatan) narrows what their offices cover: only
 * the area codes that lie inside the offices' regions count.
 */
export function scopeFor(role: Role, offices: { id: string; regionCodes: string[] }[], areaCodes: readonly string[] = []): Scope {
  if (ORGANISATION_WIDE_ROLES.includes(role)) return { kind: 'all' };
  const covered = [...new Set(offices.flatMap((office) => office.regionCodes))].sort();
  const officeIds = offices.map((office) => office.id);
  if (areaCodes.length === 0) return { kind: 'regions', regionCodes: covered, officeIds };
  const wide: Scope = { kind: 'regions', regionCodes: covered, officeIds };
  return { kind: 'regions', regionCodes: [...new Set(areaCodes.filter((code) => regionInScope(wide, code)))].sort(), officeIds };
}

export function regionInScope(scope: Scope, regionCode: string): boolean {
  if (scope.kind === 'all') return true;
  return scope.regionCodes.some((covered) => regionCode === covered || regionCode.startsWith(`${covered}.`));
}

export function officeInScope(scope: Scope, officeId: string): boolean {
  return scope.kind === 'all' || scope.officeIds.includes(officeId);
}

/** LIKE patterns a SQL query uses to keep rows whose region code lies inside the scope. */
export function regionLikePatterns(scope: Scope): string[] | null {
  if (scope.kind === 'all') return null;
  return scope.regionCodes.flatMap((code) => [code, `${code}.%`]);
}
