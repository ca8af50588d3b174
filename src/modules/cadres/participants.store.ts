import type { Insertable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { CadreTables, JknParticipantTable, JknRecruitmentTable } from './cadres.tables.ts';

type Queryable = StoreDb<CadreTables>;

/** The cadre looking after a household, if any (with the cadre's person, for the name). */
export const findCadreOfHousehold = (db: Queryable, householdId: string) =>
  db
    .selectFrom('cadre_family as f')
    .innerJoin('cadre as c', 'c.id', 'f.cadre_id')
    .select(['f.cadre_id', 'c.person_id'])
    .where('f.household_id', '=', householdId)
    .executeTakeFirst();

export const findParticipants = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('jkn_participant')
        .select(['person_id', 'card_number', 'segment', 'jkn_class', 'status', 'status_recorded_on'])
        .where('person_id', 'in', personIds)
        .execute();

export const findParticipantByCard = (db: Queryable, cardNumber: string) =>
  db.selectFrom('jkn_participant').select(['person_id']).where('card_number', '=', cardNumber).executeTakeFirst();

export async function upsertParticipant(db: Queryable, row: Insertable<JknParticipantTable>, now: Date) {
  await db
    .insertInto('jkn_participant')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        card_number: row.card_number,
        segment: row.segment,
        jkn_class: row.jkn_class,
        status: row.status,
        status_recorded_on: row.status_recorded_on,
        updated_at: now,
      }),
    )
    .execute();
}

export async function updateFamilyClass(db: Queryable, personIds: string[], jknClass: 'I' | 'II' | 'III', now: Date) {
  if (personIds.length === 0) return;
  await db.updateTable('jkn_participant').set({ jkn_class: jknClass, updated_at: now }).where('person_id', 'in', personIds).execute();
}

export const findRecruitment = (db: Queryable, householdId: string) =>
  db
    .selectFrom('jkn_recruitment as r')
    .innerJoin('cadre as c', 'c.id', 'r.cadre_id')
    .select(['r.cadre_id', 'c.person_id as cadre_person_id', 'r.recruited_on', 'r.recorded_by'])
    .where('r.household_id', '=', householdId)
    .executeTakeFirst();

export async function insertRecruitment(db: Queryable, row: Insertable<JknRecruitmentTable>) {
  await db.insertInto('jkn_recruitment').values(row).execute();
}
