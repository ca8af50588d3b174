import type { StoreDb } from '../../db/store.ts';
import type { HealthTables } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

/** The health rows of one person that the FHIR exchange writes, each in a stable order. */
export async function findHealthRecordRows(db: Queryable, personId: string) {
  const profile = await db.selectFrom('health_profile').selectAll().where('person_id', '=', personId).executeTakeFirst();
  const conditions = await db.selectFrom('health_condition').selectAll().where('person_id', '=', personId).orderBy('code').execute();
  const encounters = await db
    .selectFrom('health_encounter')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('encountered_on')
    .orderBy('id')
    .execute();
  const diagnoses =
    encounters.length === 0
      ? []
      : await db
          .selectFrom('encounter_diagnosis')
          .selectAll()
          .where(
            'encounter_id',
            'in',
            encounters.map((e) => e.id),
          )
          .orderBy('encounter_id')
          .orderBy('rank')
          .execute();
  const referrals = await db
    .selectFrom('referral')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('referred_on')
    .orderBy('id')
    .execute();
  const screenings = await db
    .selectFrom('screening')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('screened_on')
    .orderBy('id')
    .execute();
  return { profile, conditions, encounters, diagnoses, referrals, screenings };
}
