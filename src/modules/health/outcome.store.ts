import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;
type Window = { villageCodes: string[]; from: string; to: string };

/** Distinct women screened (any method) in these villages between two days, both included. */
export async function countScreenedPersons(db: Queryable, w: Window): Promise<number> {
  if (w.villageCodes.length === 0) return 0;
  const row = await db
    .selectFrom('screening')
    .select(sql<string>`count(DISTINCT person_id)::text`.as('n'))
    .where('village_code', 'in', w.villageCodes)
    .where('screened_on', '>=', w.from)
    .where('screened_on', '<=', w.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Counselling sessions held in these villages between two days and the distinct persons who attended them. */
export async function countCounselling(db: Queryable, w: Window): Promise<{ sessions: number; persons: number }> {
  if (w.villageCodes.length === 0) return { sessions: 0, persons: 0 };
  const { rows } = await sql<{ sessions: string; persons: string }>`
    SELECT count(DISTINCT s.id)::text AS sessions, count(DISTINCT a.person_id)::text AS persons
      FROM counselling_session s LEFT JOIN session_attendance a ON a.session_id = s.id
     WHERE s.village_code IN (${sql.join(w.villageCodes)}) AND s.held_on >= ${w.from}::date AND s.held_on <= ${w.to}::date`.execute(db);
  return { sessions: Number(rows[0]?.sessions ?? 0), persons: Number(rows[0]?.persons ?? 0) };
}

/** Families by (applicable, met) of each family's latest IKS snapshot in the months of the window, in these villages. */
export async function latestIksInWindow(db: Queryable, w: Window) {
  if (w.villageCodes.length === 0) return [];
  const { rows } = await sql<{ applicable: number; met: number; n: number }>`
    SELECT applicable, met, count(*)::int AS n FROM (
      SELECT DISTINCT ON (household_id) household_id, applicable, met
        FROM iks_snapshot
       WHERE village_code IN (${sql.join(w.villageCodes)})
         AND month >= date_trunc('month', ${w.from}::date) AND month <= date_trunc('month', ${w.to}::date)
       ORDER BY household_id, month DESC
    ) latest
    GROUP BY applicable, met`.execute(db);
  return rows;
}
