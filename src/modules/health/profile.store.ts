import type { Insertable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthConditionTable, HealthProfileTable, HealthTables, HouseholdHealthTable } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

export const findProfiles = (db: Queryable, personIds: string[]) =>
  personIds.length === 0 ? Promise.resolve([]) : db.selectFrom('health_profile').selectAll().where('person_id', 'in', personIds).execute();

export const findConditions = (db: Queryable, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('health_condition').selectAll().where('person_id', 'in', personIds).orderBy('person_id').orderBy('code').execute();

export async function upsertProfile(db: Queryable, row: Insertable<HealthProfileTable>) {
  const { person_id: _, ...changes } = row;
  await db
    .insertInto('health_profile')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(changes))
    .execute();
}

/** The person's conditions become exactly `rows`. */
export async function replaceConditions(db: Queryable, personId: string, rows: Insertable<HealthConditionTable>[]) {
  await db.deleteFrom('health_condition').where('person_id', '=', personId).execute();
  if (rows.length > 0) await db.insertInto('health_condition').values(rows).execute();
}

export const findHouseholdHealth = (db: Queryable, householdIds: string[]) =>
  householdIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('household_health').selectAll().where('household_id', 'in', householdIds).execute();

export async function upsertHouseholdHealth(db: Queryable, row: Insertable<HouseholdHealthTable>) {
  const { household_id: _, ...changes } = row;
  await db
    .insertInto('household_health')
    .values(row)
    .onConflict((oc) => oc.column('household_id').doUpdateSet(changes))
    .execute();
}

/** Pregnancies with the expected delivery in [from, to], nearest first. */
export const findPregnanciesDue = (db: Queryable, from: string, to: string) =>
  db
    .selectFrom('health_profile')
    .select(['person_id', 'expected_delivery', 'last_menstrual_period', 'pregnancies'])
    .where('pregnant', '=', true)
    .where('expected_delivery', '>=', from)
    .where('expected_delivery', '<=', to)
    .orderBy('expected_delivery')
    .orderBy('person_id')
    .execute();
