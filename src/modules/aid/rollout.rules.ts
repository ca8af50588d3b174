import { regionInScope, type Scope } from '../../core/scope.ts';

/**
 * Rollout progress by region (issue 13 item 8): the rows of a level, priority regions first, and
 * the totals. No I/O.
 */

export type ProgressCounts = { eligible: number; enrolled: number; entitled: number; paid: number; failed: number };
export type ProgressRow = ProgressCounts & { regionCode: string; priority: boolean; percentPaid: number };

/** paid ÷ entitled × 100 with one decimal, half up; 0 when nothing is entitled. */
export function percentPaid(paid: number, entitled: number): number {
  if (entitled <= 0) return 0;
  return Math.floor((paid * 1000) / entitled + 0.5) / 10;
}

/** Whether a region is in the scope or holds part of it (a manager of 34.71 may ask about 34). */
export function regionOverlapsScope(scope: Scope, code: string): boolean {
  if (regionInScope(scope, code)) return true;
  return scope.kind === 'regions' && scope.regionCodes.some((covered) => covered.startsWith(`${code}.`));
}

/** Whether two region codes are the same, or one lies beneath the other. */
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The rows of a level: every region with something counted, and every region of the level that
 * holds a priority region of the caller's scope (and of `parent`), even with nothing counted yet,
 * so a priority district not started shows as 0. A row is a priority when it is, holds or lies in
 * a priority region. Priority rows first, then by code.
 */
export function progressRows(input: {
  counts: Map<string, ProgressCounts>;
  prefix: number;
  parent: string | null;
  priorityRegions: readonly string[];
  scope: Scope;
}): { rows: ProgressRow[]; totals: ProgressCounts & { percentPaid: number } } {
  const { counts, prefix, parent, priorityRegions, scope } = input;
  const codes = new Set(counts.keys());
  for (const priority of priorityRegions) {
    if (priority.length < prefix || !regionOverlapsScope(scope, priority)) continue;
    const code = priority.slice(0, prefix);
    if (parent !== null && !code.startsWith(`${parent}.`)) continue;
    if (!regionOverlapsScope(scope, code)) continue;
    codes.add(code);
  }
  const empty: ProgressCounts = { eligible: 0, enrolled: 0, entitled: 0, paid: 0, failed: 0 };
  const rows = [...codes].map((regionCode) => {
    const c = counts.get(regionCode) ?? empty;
    return {
      regionCode,
      priority: priorityRegions.some((p) => related(p, regionCode)),
      ...c,
      percentPaid: percentPaid(c.paid, c.entitled),
    };
  });
  rows.sort((a, b) => (a.priority === b.priority ? (a.regionCode < b.regionCode ? -1 : 1) : a.priority ? -1 : 1));
  const totals = rows.reduce(
    (sum, r) => ({
      eligible: sum.eligible + r.eligible,
      enrolled: sum.enrolled + r.enrolled,
      entitled: sum.entitled + r.entitled,
      paid: sum.paid + r.paid,
      failed: sum.failed + r.failed,
    }),
    empty,
  );
  return { rows, totals: { ...totals, percentPaid: percentPaid(totals.paid, totals.entitled) } };
}
