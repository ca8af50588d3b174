import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { CadreTables } from './cadres.tables.ts';

type Queryable = StoreDb<CadreTables>;

export const findCadreRecord = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select(['id', 'office_id', 'user_id', 'status', 'person_id']).where('id', '=', id).executeTakeFirst();
export const lockCadreRecord = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select(['id']).where('id', '=', id).forUpdate().executeTakeFirst();
/** The cadre looking after the family, with the user signed in as that cadre (if any). */
export const findCadreOfFamily = (db: Queryable, householdId: string) =>
  db
    .selectFrom('cadre_family as f')
    .innerJoin('cadre as c', 'c.id', 'f.cadre_id')
    .select(['f.cadre_id', 'c.user_id'])
    .where('f.household_id', '=', householdId)
    .executeTakeFirst();
export const findFamilyIdsOfCadre = async (db: Queryable, cadreId: string) =>
  (await db.selectFrom('cadre_family').select('household_id').where('cadre_id', '=', cadreId).execute()).map((r) => r.household_id);
export const findFamiliesOfCadres = (db: Queryable, cadreIds: string[]) =>
  cadreIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('cadre_family').select(['cadre_id', 'household_id']).where('cadre_id', 'in', cadreIds).execute();
export const findJknParticipantsOf = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('jkn_participant')
        .select(['person_id', 'jkn_class', 'segment', 'status'])
        .where('person_id', 'in', personIds)
        .execute();
export async function countRecruitsInMonth(db: Queryable, cadreId: string, month: string) {
  const from = `${month}-01`;
  const row = await db
    .selectFrom('jkn_recruitment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('cadre_id', '=', cadreId)
    .where(sql<boolean>`recruited_on >= ${from}::date AND recruited_on < (${from}::date + interval '1 month')`)
    .executeTakeFirstOrThrow();
  return row.n;
}
