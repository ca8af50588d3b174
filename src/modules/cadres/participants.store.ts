import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { JknParticipantTable, JknRecruitmentTable } from './cadres.tables.ts';

/** A household with the cadre looking after it, if any. */
export const findHouseholdWithCadre = (db: Queryable, id: string) =>
  db
    .selectFrom('household as h')
    .leftJoin('cadre_family as f', 'f.household_id', 'h.id')
    .leftJoin('cadre as c', 'c.id', 'f.cadre_id')
    .leftJoin('person as cp', 'cp.id', 'c.person_id')
    .select(['h.id', 'h.kk_number', 'h.village_code', 'f.cadre_id', 'cp.full_name as cadre_name'])
    .where('h.id', '=', id)
    .executeTakeFirst();

/** One writer at a time per family: the one-class rule reads the other members' class. */
export async function lockHousehold(db: Queryable, id: string) {
  await sql`SELECT id FROM household WHERE id = ${id} FOR UPDATE`.execute(db);
}

export const findMembersWithJkn = (db: Queryable, householdId: string) =>
  db
    .selectFrom('person as p')
    .leftJoin('jkn_participant as j', 'j.person_id', 'p.id')
    .select([
      'p.id',
      'p.full_name',
      'p.relation',
      'p.died_on',
      'j.card_number',
      'j.segment',
      'j.jkn_class',
      'j.status',
      'j.status_recorded_on',
    ])
    .where('p.household_id', '=', householdId)
    .where('p.merged_into', 'is', null)
    .orderBy(sql`case p.relation when 'head' then 0 when 'husband' then 1 when 'wife' then 1 else 2 end`)
    .orderBy('p.birth_date')
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
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['r.cadre_id', 'p.full_name as cadre_name', 'r.recruited_on', 'r.recorded_by'])
    .where('r.household_id', '=', householdId)
    .executeTakeFirst();

export async function insertRecruitment(db: Queryable, row: Insertable<JknRecruitmentTable>) {
  await db.insertInto('jkn_recruitment').values(row).execute();
}
