import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables, ScreeningTable } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

export const findScreeningRules = (db: Queryable) =>
  db
    .selectFrom('screening_rule')
    .select(['effective_from', 'method', 'result', 'action', 'interval_months'])
    .orderBy('effective_from')
    .orderBy('method')
    .orderBy('result')
    .orderBy('action')
    .execute();

export const findScreeningTargets = (db: Queryable) =>
  db.selectFrom('screening_target').select(['effective_from', 'method', 'sex', 'min_age', 'max_age']).orderBy('effective_from').execute();

export async function insertScreening(db: Queryable, row: Insertable<ScreeningTable>) {
  await db.insertInto('screening').values(row).execute();
}

/** A person's screenings, newest first. */
export const findScreeningsOfPerson = (db: Queryable, personId: string) =>
  db.selectFrom('screening').selectAll().where('person_id', '=', personId).orderBy('screened_on', 'desc').orderBy('id', 'desc').execute();

export type RecallFilter = {
  /** Next due on or after (null: no lower bound). */
  from: string | null;
  /** Next due on or before. */
  to: string;
  village?: string;
  /** LIKE patterns of the actor's regions; null = everywhere. */
  regionPatterns: string[] | null;
  workerId?: string;
  after?: { nextDueOn: string; id: string };
  limit: number;
};

/**
 * Latest screenings (per woman and method) whose next date falls in a window, by next date then
 * id. The window walks `screening_due` (village_code, next_due_on); "latest" is checked per
 * candidate through `screening_person` (a later screening of the same method replaces the recall).
 */
export function findRecallRows(db: Queryable, filter: RecallFilter) {
  let query = db
    .selectFrom('screening as s')
    .select(['s.id', 's.person_id', 's.village_code', 's.method', 's.screened_on', 's.result', 's.next_due_on', 's.worker_id'])
    .where('s.next_due_on', '<=', filter.to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('screening as l')
            .select(sql`1`.as('one'))
            .whereRef('l.person_id', '=', 's.person_id')
            .whereRef('l.method', '=', 's.method')
            .where(sql<boolean>`(l.screened_on, l.id) > (s.screened_on, s.id)`),
        ),
      ),
    );
  if (filter.from !== null) query = query.where('s.next_due_on', '>=', filter.from);
  if (filter.village) query = query.where('s.village_code', '=', filter.village);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(patterns.map((p) => eb('s.village_code', 'like', p))));
  if (filter.workerId) query = query.where('s.worker_id', '=', filter.workerId);
  const after = filter.after;
  if (after) query = query.where(sql<boolean>`(s.next_due_on, s.id) > (${after.nextDueOn}::date, ${after.id}::uuid)`);
  return query.orderBy('s.next_due_on').orderBy('s.id').limit(filter.limit).execute();
}

/** Which of these persons have been screened at all (any method). */
export async function findScreenedPersonIds(db: Queryable, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('screening').select('person_id').distinct().where('person_id', 'in', personIds).execute();
  return new Set(rows.map((r) => r.person_id));
}
