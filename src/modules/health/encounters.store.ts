import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { EncounterDiagnosisTable, HealthEncounterTable, HealthTables, ReferralTable } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

export async function insertEncounter(db: Queryable, row: Insertable<HealthEncounterTable>) {
  await db.insertInto('health_encounter').values(row).execute();
}

export async function insertDiagnoses(db: Queryable, rows: Insertable<EncounterDiagnosisTable>[]) {
  if (rows.length > 0) await db.insertInto('encounter_diagnosis').values(rows).execute();
}

export async function insertReferral(db: Queryable, row: Insertable<ReferralTable>) {
  await db.insertInto('referral').values(row).execute();
}

export const findEncounter = (db: Queryable, id: string) =>
  db.selectFrom('health_encounter').selectAll().where('id', '=', id).executeTakeFirst();

/** A person's encounters, newest first (date, then id), after the cursor's (date, id). */
export function findEncountersOfPerson(db: Queryable, personId: string, after: [string, string] | undefined, limit: number) {
  let query = db.selectFrom('health_encounter').selectAll().where('person_id', '=', personId);
  if (after) query = query.where(sql<boolean>`(encountered_on, id) < (${after[0]}::date, ${after[1]}::uuid)`);
  return query.orderBy('encountered_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export const findDiagnosesOf = (db: Queryable, encounterIds: string[]) =>
  encounterIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('encounter_diagnosis').selectAll().where('encounter_id', 'in', encounterIds).orderBy('rank').execute();

export const findReferralsOf = (db: Queryable, encounterIds: string[]) =>
  encounterIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('referral').selectAll().where('encounter_id', 'in', encounterIds).execute();

export const findReferral = (db: Queryable, id: string) => db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateReferralOutcome(db: Queryable, id: string, outcome: string, outcomeOn: string, by: string | null) {
  await db.updateTable('referral').set({ outcome, outcome_on: outcomeOn, outcome_by: by }).where('id', '=', id).execute();
}

/** Referrals with no outcome yet in the regions (null: everywhere), oldest first, after the cursor's (date, id). */
export function findOpenReferrals(db: Queryable, regionPatterns: string[] | null, after: [string, string] | undefined, limit: number) {
  let query = db.selectFrom('referral').selectAll().where('outcome', 'is', null);
  if (regionPatterns !== null)
    query =
      regionPatterns.length === 0
        ? query.where(sql<boolean>`false`)
        : query.where((eb) => eb.or(regionPatterns.map((p) => eb('village_code', 'like', p))));
  if (after) query = query.where(sql<boolean>`(referred_on, id) > (${after[0]}::date, ${after[1]}::uuid)`);
  return query.orderBy('referred_on').orderBy('id').limit(limit).execute();
}
