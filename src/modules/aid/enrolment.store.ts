import { type Insertable, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { AidEnrolmentTable, AidTables } from './aid.tables.ts';

type Queryable = StoreDb<AidTables>;

export const insertEnrolments = (db: Queryable, rows: Insertable<AidEnrolmentTable>[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('aid_enrolment')
        .values(rows)
        .execute()
        .then(() => undefined);

export const findEnrolmentById = (db: Queryable, id: string) =>
  db.selectFrom('aid_enrolment').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks an enrolment's row until the transaction ends: two status changes run one after the other. */
export const lockEnrolment = (db: Queryable, id: string) =>
  db.selectFrom('aid_enrolment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updateEnrolment = (db: Queryable, id: string, changes: Updateable<AidEnrolmentTable>) =>
  db.updateTable('aid_enrolment').set(changes).where('id', '=', id).execute();

/** The current (not ended) enrolments of a programme among these units (household or person ids). */
export const findCurrentEnrolmentsOfUnits = (db: Queryable, programmeId: string, unit: 'household' | 'person', ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('aid_enrolment')
        .selectAll()
        .where('programme_id', '=', programmeId)
        .where('status', '<>', 'ended')
        .where(unit === 'household' ? 'household_id' : 'person_id', 'in', ids)
        .execute();

/** A programme's enrolments in id order after a cursor, within the caller's regions (null: all). */
export function listEnrolmentRows(
  db: Queryable,
  filter: { programmeId: string; status?: string; regionPatterns: string[] | null; afterId?: string; limit: number },
) {
  let query = db.selectFrom('aid_enrolment').selectAll().where('programme_id', '=', filter.programmeId);
  if (filter.status) query = query.where('status', '=', filter.status as AidEnrolmentTable['status']);
  const patterns = filter.regionPatterns;
  if (patterns !== null)
    query =
      patterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((w) => w.or(patterns.map((p) => w('village_code', 'like', p))));
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

/**
 * Pairs of recipients (person ids) of two households that share one account on one channel,
 * among enrolments not ended: an index join on (channel, account), never all pairs.
 */
export async function findSharedAccountPairs(db: Queryable): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('aid_enrolment as x')
    .innerJoin('aid_enrolment as y', (join) =>
      join
        .onRef('y.channel', '=', 'x.channel')
        .onRef('y.account', '=', 'x.account')
        .onRef('y.unit_household_id', '<>', 'x.unit_household_id')
        .onRef('y.id', '>', 'x.id'),
    )
    .select(['x.recipient_id as a', 'y.recipient_id as b'])
    .where('x.account', 'is not', null)
    .where('x.status', '<>', 'ended')
    .where('y.status', '<>', 'ended')
    .execute();
  return rows.map((row) => [row.a, row.b]);
}
