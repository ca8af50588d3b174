import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { ContributionTables } from './contributions.tables.ts';

type Queryable = StoreDb<ContributionTables>;

export type CadreCashRow = {
  cadre_id: string;
  collected_all: string;
  deposited: string;
  collected_month: string;
  cash_since: string | null;
};

/**
 * Per cadre, in one statement: all collected and deposited, collected in [from, to), and since
 * when cash is held — the day of the first collection the deposits have not covered (deposits
 * settle the oldest first). Cadres with neither collections nor deposits have no row.
 */
export async function cadreCashRows(db: Queryable, cadreIds: string[], month: { from: string; to: string }): Promise<CadreCashRow[]> {
  if (cadreIds.length === 0) return [];
  const ids = sql.join(cadreIds.map((id) => sql`${id}`));
  const result = await sql<CadreCashRow>`
    WITH paid AS (
      SELECT cp.cadre_id, sum(cp.amount) AS collected_all,
             sum(cp.amount) FILTER (WHERE cp.paid_on >= ${month.from}::date AND cp.paid_on < ${month.to}::date) AS collected_month
      FROM jkn_contribution_payment cp WHERE cp.cadre_id IN (${ids}) GROUP BY cp.cadre_id
    ),
    deposited AS (
      SELECT d.cadre_id, sum(d.amount) AS total
      FROM jkn_cash_deposit d WHERE d.cadre_id IN (${ids}) GROUP BY d.cadre_id
    ),
    running AS (
      SELECT cp.cadre_id, cp.paid_on, sum(cp.amount) OVER (PARTITION BY cp.cadre_id ORDER BY cp.paid_on) AS through_day
      FROM jkn_contribution_payment cp WHERE cp.cadre_id IN (${ids})
    ),
    since AS (
      SELECT r.cadre_id, min(r.paid_on) AS since
      FROM running r LEFT JOIN deposited d ON d.cadre_id = r.cadre_id
      WHERE r.through_day > coalesce(d.total, 0)
      GROUP BY r.cadre_id
    )
    SELECT coalesce(pa.cadre_id, de.cadre_id) AS cadre_id,
           coalesce(pa.collected_all, 0)::text AS collected_all,
           coalesce(de.total, 0)::text AS deposited,
           coalesce(pa.collected_month, 0)::text AS collected_month,
           si.since::text AS cash_since
    FROM paid pa
    FULL JOIN deposited de ON de.cadre_id = pa.cadre_id
    LEFT JOIN since si ON si.cadre_id = coalesce(pa.cadre_id, de.cadre_id)`.execute(db);
  return result.rows;
}
