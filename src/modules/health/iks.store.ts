import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables, IksAnswerTable, IksSnapshotTable } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

export const findAnswers = (db: Queryable, householdIds: string[]) =>
  householdIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('iks_answer').selectAll().where('household_id', 'in', householdIds).execute();

export async function upsertAnswers(db: Queryable, rows: Insertable<IksAnswerTable>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('iks_answer')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['household_id', 'indicator']).doUpdateSet((eb) => ({
        met: eb.ref('excluded.met'),
        answered_on: eb.ref('excluded.answered_on'),
        answered_by: eb.ref('excluded.answered_by'),
      })),
    )
    .execute();
}

export async function deleteAnswers(db: Queryable, householdId: string, indicators: string[]) {
  if (indicators.length === 0) return;
  await db.deleteFrom('iks_answer').where('household_id', '=', householdId).where('indicator', 'in', indicators).execute();
}

/** The latest computation of a month wins. */
export async function upsertSnapshots(db: Queryable, rows: Insertable<IksSnapshotTable>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('iks_snapshot')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['household_id', 'month']).doUpdateSet((eb) => ({
        village_code: eb.ref('excluded.village_code'),
        applicable: eb.ref('excluded.applicable'),
        met: eb.ref('excluded.met'),
      })),
    )
    .execute();
}

export type SnapshotFilter = {
  /** LIKE patterns of the villages in scope; null: all. */
  regionPatterns: string[] | null;
  villageCode: string | null;
  fromMonth: string;
  toMonth: string;
};

function whereFilter(filter: SnapshotFilter) {
  const parts = [sql`month >= ${filter.fromMonth}::date`, sql`month <= ${filter.toMonth}::date`];
  if (filter.villageCode !== null) parts.push(sql`village_code = ${filter.villageCode}`);
  if (filter.regionPatterns !== null)
    parts.push(
      filter.regionPatterns.length === 0
        ? sql`false`
        : sql`(${sql.join(
            filter.regionPatterns.map((p) => sql`village_code LIKE ${p}`),
            sql` OR `,
          )})`,
    );
  return sql.join(parts, sql` AND `);
}

/** Families per village, month and (applicable, met): the monthly trend, counted in the database. */
export async function countSnapshotsByMonth(db: Queryable, filter: SnapshotFilter) {
  const result = await sql<{ village_code: string; month: string; applicable: number; met: number; n: number }>`
    SELECT village_code, to_char(month, 'YYYY-MM') AS month, applicable, met, count(*)::int AS n
    FROM iks_snapshot WHERE ${whereFilter(filter)}
    GROUP BY village_code, month, applicable, met
    ORDER BY village_code, month`.execute(db);
  return result.rows;
}

/** Families per village and (applicable, met) by each family's latest snapshot in the period. */
export async function countLatestSnapshots(db: Queryable, filter: SnapshotFilter) {
  const result = await sql<{ village_code: string; applicable: number; met: number; n: number }>`
    SELECT village_code, applicable, met, count(*)::int AS n FROM (
      SELECT DISTINCT ON (household_id) household_id, village_code, applicable, met
      FROM iks_snapshot WHERE ${whereFilter(filter)}
      ORDER BY household_id, month DESC
    ) latest
    GROUP BY village_code, applicable, met
    ORDER BY village_code`.execute(db);
  return result.rows;
}
