import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

export type CadreOverviewRow = {
  id: string;
  full_name: string;
  status: string;
  caseload: number;
  persons_i: number;
  persons_ii: number;
  persons_iii: number;
  collected_all: string;
  deposited: string;
  collected_month: string;
  cash_since: string | null;
};

/**
 * Every cadre in scope (as the cadre list: by their villages, at most 500, by name) with, in one
 * statement: the caseload, the PBPU persons of their families per class (for the month's due),
 * all collected and deposited, collected in [from, to), and since when cash is held — the day of
 * the first collection the deposits have not covered (deposits settle the oldest first).
 */
export async function cadreOverviewRows(
  db: Queryable,
  scope: { regionPatterns: string[] | null; userId?: string },
  month: { from: string; to: string },
): Promise<CadreOverviewRow[]> {
  const own = scope.userId === undefined ? sql`true` : sql`c.user_id = ${scope.userId}`;
  const inScope =
    scope.regionPatterns === null
      ? sql`true`
      : scope.regionPatterns.length === 0
        ? sql`false`
        : sql`c.id IN (SELECT v.cadre_id FROM cadre_village v WHERE ${sql.join(
            scope.regionPatterns.map((p) => sql`v.village_code LIKE ${p}`),
            sql` OR `,
          )})`;
  const result = await sql<CadreOverviewRow>`
    WITH scoped AS (
      SELECT c.id, c.status, p.full_name
      FROM cadre c JOIN person p ON p.id = c.person_id
      WHERE ${own} AND ${inScope}
      ORDER BY p.full_name LIMIT 500
    ),
    paid AS (
      SELECT cp.cadre_id, sum(cp.amount) AS collected_all,
             sum(cp.amount) FILTER (WHERE cp.paid_on >= ${month.from}::date AND cp.paid_on < ${month.to}::date) AS collected_month
      FROM jkn_contribution_payment cp WHERE cp.cadre_id IN (SELECT id FROM scoped) GROUP BY cp.cadre_id
    ),
    deposited AS (
      SELECT d.cadre_id, sum(d.amount) AS total
      FROM jkn_cash_deposit d WHERE d.cadre_id IN (SELECT id FROM scoped) GROUP BY d.cadre_id
    ),
    running AS (
      SELECT cp.cadre_id, cp.paid_on, sum(cp.amount) OVER (PARTITION BY cp.cadre_id ORDER BY cp.paid_on) AS through_day
      FROM jkn_contribution_payment cp WHERE cp.cadre_id IN (SELECT id FROM scoped)
    ),
    since AS (
      SELECT r.cadre_id, min(r.paid_on) AS since
      FROM running r LEFT JOIN deposited d ON d.cadre_id = r.cadre_id
      WHERE r.through_day > coalesce(d.total, 0)
      GROUP BY r.cadre_id
    ),
    households AS (
      SELECT p.household_id, min(j.jkn_class) AS jkn_class,
             count(*) FILTER (WHERE p.died_on IS NULL AND j.segment = 'PBPU') AS persons
      FROM cadre_family f
      JOIN person p ON p.household_id = f.household_id
      JOIN jkn_participant j ON j.person_id = p.id
      WHERE f.cadre_id IN (SELECT id FROM scoped)
      GROUP BY p.household_id
    ),
    families AS (
      SELECT f.cadre_id, count(*) AS caseload,
             coalesce(sum(h.persons) FILTER (WHERE h.jkn_class = 'I'), 0) AS persons_i,
             coalesce(sum(h.persons) FILTER (WHERE h.jkn_class = 'II'), 0) AS persons_ii,
             coalesce(sum(h.persons) FILTER (WHERE h.jkn_class = 'III'), 0) AS persons_iii
      FROM cadre_family f LEFT JOIN households h ON h.household_id = f.household_id
      WHERE f.cadre_id IN (SELECT id FROM scoped)
      GROUP BY f.cadre_id
    )
    SELECT s.id, s.full_name, s.status,
           coalesce(fa.caseload, 0)::int AS caseload,
           coalesce(fa.persons_i, 0)::int AS persons_i,
           coalesce(fa.persons_ii, 0)::int AS persons_ii,
           coalesce(fa.persons_iii, 0)::int AS persons_iii,
           coalesce(pa.collected_all, 0)::text AS collected_all,
           coalesce(de.total, 0)::text AS deposited,
           coalesce(pa.collected_month, 0)::text AS collected_month,
           si.since::text AS cash_since
    FROM scoped s
    LEFT JOIN families fa ON fa.cadre_id = s.id
    LEFT JOIN paid pa ON pa.cadre_id = s.id
    LEFT JOIN deposited de ON de.cadre_id = s.id
    LEFT JOIN since si ON si.cadre_id = s.id
    ORDER BY s.full_name, s.id`.execute(db);
  return result.rows;
}
