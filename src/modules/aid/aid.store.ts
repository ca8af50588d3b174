import type { Insertable, Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { AidBenefitRateTable, AidPaymentWindowTable, AidProgrammeTable, AidTables } from './aid.tables.ts';

type Queryable = StoreDb<AidTables>;

export const findProgrammes = (db: Queryable) => db.selectFrom('aid_programme').selectAll().orderBy('code').execute();

export const findProgrammeById = (db: Queryable, id: string) =>
  db.selectFrom('aid_programme').selectAll().where('id', '=', id).executeTakeFirst();

export const findProgrammeByCode = (db: Queryable, code: string) =>
  db.selectFrom('aid_programme').selectAll().where('code', '=', code).executeTakeFirst();

/** Locks a programme's row until the transaction ends: two edits of one programme run one after the other. */
export const lockProgramme = (db: Queryable, id: string) =>
  db.selectFrom('aid_programme').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Which of these codes name a programme. */
export const findProgrammeCodes = async (db: Queryable, codes: string[]) =>
  codes.length === 0
    ? []
    : (await db.selectFrom('aid_programme').select('code').where('code', 'in', codes).execute()).map((row) => row.code);

/** The benefit rows of programmes, in priority order, then by date. */
export const findRates = (db: Queryable, programmeIds: string[]) =>
  programmeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('aid_benefit_rate')
        .selectAll()
        .where('programme_id', 'in', programmeIds)
        .orderBy('programme_id')
        .orderBy('priority')
        .orderBy('effective_from')
        .execute();

export const findWindows = (db: Queryable, programmeIds: string[]) =>
  programmeIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('aid_payment_window').selectAll().where('programme_id', 'in', programmeIds).orderBy('starts_on').execute();

export const insertProgramme = (db: Queryable, row: Insertable<AidProgrammeTable>) => db.insertInto('aid_programme').values(row).execute();

export const updateProgramme = (db: Queryable, id: string, changes: Updateable<AidProgrammeTable>) =>
  db.updateTable('aid_programme').set(changes).where('id', '=', id).execute();

/** Replaces a programme's benefit table and lump-sum windows with the ones given. */
export async function replaceBenefitTable(
  db: Queryable,
  programmeId: string,
  rates: Insertable<AidBenefitRateTable>[],
  windows: Insertable<AidPaymentWindowTable>[],
) {
  await db.deleteFrom('aid_benefit_rate').where('programme_id', '=', programmeId).execute();
  await db.deleteFrom('aid_payment_window').where('programme_id', '=', programmeId).execute();
  if (rates.length > 0) await db.insertInto('aid_benefit_rate').values(rates).execute();
  if (windows.length > 0) await db.insertInto('aid_payment_window').values(windows).execute();
}

/**
 * Codes of the programmes a unit is in now (enrolled or suspended): enrolments of the household
 * or of any of the persons named.
 */
export async function findCurrentEnrolmentCodes(db: Queryable, householdId: string, personIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('aid_enrolment')
    .innerJoin('aid_programme', 'aid_programme.id', 'aid_enrolment.programme_id')
    .select('aid_programme.code')
    .where('aid_enrolment.status', '<>', 'ended')
    .where((eb) =>
      personIds.length === 0
        ? eb('aid_enrolment.household_id', '=', householdId)
        : eb.or([eb('aid_enrolment.household_id', '=', householdId), eb('aid_enrolment.person_id', 'in', personIds)]),
    )
    .execute();
  return [...new Set(rows.map((row) => row.code))];
}
