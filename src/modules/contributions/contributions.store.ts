import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { CadreVisitTable, JknCashDepositTable, JknContributionPaymentTable } from './contributions.tables.ts';

// Reads of the cadre registry and JKN participation (owned by the cadres module) are plain
// selects; every write here is to this module's own tables.
export const findCadreRow = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select(['id', 'office_id', 'user_id', 'status', 'person_id']).where('id', '=', id).executeTakeFirst();
export const lockCadreRow = (db: Queryable, id: string) =>
  db.selectFrom('cadre').select(['id']).where('id', '=', id).forUpdate().executeTakeFirst();
export const cadreOfFamily = (db: Queryable, householdId: string) =>
  db.selectFrom('cadre_family').select('cadre_id').where('household_id', '=', householdId).executeTakeFirst();
/** The cadre looking after the family, with the user signed in as that cadre (if any). */
export const cadreUserOfFamily = (db: Queryable, householdId: string) =>
  db
    .selectFrom('cadre_family as f')
    .innerJoin('cadre as c', 'c.id', 'f.cadre_id')
    .select(['f.cadre_id', 'c.user_id'])
    .where('f.household_id', '=', householdId)
    .executeTakeFirst();

/** The household's PBPU (self-paying) participants and their class. */
export async function payingMembers(db: Queryable, householdId: string) {
  return db
    .selectFrom('jkn_participant as j')
    .innerJoin('person as p', 'p.id', 'j.person_id')
    .select(['j.person_id', 'j.jkn_class', 'j.segment'])
    .where('p.household_id', '=', householdId)
    .where('p.died_on', 'is', null)
    .where('j.segment', '=', 'PBPU')
    .execute();
}
export const familyAccount = (db: Queryable, householdId: string) =>
  db.selectFrom('jkn_family_account').selectAll().where('household_id', '=', householdId).executeTakeFirst();
export const lockFamilyAccount = (db: Queryable, householdId: string) =>
  db.selectFrom('jkn_family_account').selectAll().where('household_id', '=', householdId).forUpdate().executeTakeFirst();
export const upsertFamilyAccount = (db: Queryable, householdId: string, paidThrough: string) =>
  sql`INSERT INTO jkn_family_account (household_id, paid_through) VALUES (${householdId}, ${paidThrough})
      ON CONFLICT (household_id) DO UPDATE SET paid_through = EXCLUDED.paid_through, updated_at = now()`.execute(db);
export const findHousehold = (db: Queryable, id: string) =>
  db.selectFrom('household').select(['id', 'kk_number', 'village_code']).where('id', '=', id).executeTakeFirst();

export const insertPayment = (db: Queryable, row: Insertable<JknContributionPaymentTable>) =>
  db.insertInto('jkn_contribution_payment').values(row).execute();
export const findPayment = (db: Queryable, id: string) =>
  db.selectFrom('jkn_contribution_payment').selectAll().where('id', '=', id).executeTakeFirst();
export const insertDeposit = (db: Queryable, row: Insertable<JknCashDepositTable>) =>
  db.insertInto('jkn_cash_deposit').values(row).execute();
export const insertVisit = (db: Queryable, row: Insertable<CadreVisitTable>) => db.insertInto('cadre_visit').values(row).execute();

export const collectionsOf = (db: Queryable, cadreId: string) =>
  db.selectFrom('jkn_contribution_payment').select(['paid_on', 'amount']).where('cadre_id', '=', cadreId).orderBy('paid_on').execute();
export const depositsOf = (db: Queryable, cadreId: string) =>
  db
    .selectFrom('jkn_cash_deposit')
    .select(['deposited_on', 'amount'])
    .where('cadre_id', '=', cadreId)
    .orderBy('deposited_on')
    .orderBy('id')
    .execute();
/** The cadre's latest deposits, newest first. */
export const latestDepositsOf = (db: Queryable, cadreId: string, limit: number) =>
  db
    .selectFrom('jkn_cash_deposit')
    .select(['id', 'deposited_on', 'amount', 'channel', 'reference', 'recorded_by'])
    .where('cadre_id', '=', cadreId)
    .orderBy('deposited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
/** The cadre's latest collections, with the family's head for the list. */
export const latestPaymentsOf = (db: Queryable, cadreId: string, limit: number) =>
  db
    .selectFrom('jkn_contribution_payment as c')
    .select([
      'c.id',
      'c.receipt_number',
      'c.household_id',
      'c.first_month',
      'c.months',
      'c.amount',
      'c.paid_on',
      'c.received_by',
      (eb) =>
        eb
          .selectFrom('person as p')
          .select('p.full_name')
          .whereRef('p.household_id', '=', 'c.household_id')
          .where('p.relation', '=', 'head')
          .limit(1)
          .as('head_name'),
    ])
    .where('c.cadre_id', '=', cadreId)
    .orderBy('c.paid_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
export async function depositedBy(db: Queryable, cadreId: string): Promise<bigint> {
  const row = await db
    .selectFrom('jkn_cash_deposit')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('total'))
    .where('cadre_id', '=', cadreId)
    .executeTakeFirstOrThrow();
  return BigInt(row.total);
}

export const visitsOf = (db: Queryable, cadreId: string, limit: number) =>
  db
    .selectFrom('cadre_visit')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** The cadre's families with their head, paid-through month, PBPU persons and class, and last visit. */
export const familiesOfCadre = (db: Queryable, cadreId: string) =>
  sql<{
    household_id: string;
    kk_number: string;
    head_name: string | null;
    paid_through: string | null;
    persons: number;
    jkn_class: string | null;
    last_visit: string | null;
  }>`
    SELECT h.id AS household_id, h.kk_number,
           (SELECT p.full_name FROM person p WHERE p.household_id = h.id AND p.relation = 'head' AND p.died_on IS NULL LIMIT 1) AS head_name,
           a.paid_through,
           (SELECT count(*)::int FROM jkn_participant j JOIN person p ON p.id = j.person_id
             WHERE p.household_id = h.id AND p.died_on IS NULL AND j.segment = 'PBPU') AS persons,
           (SELECT min(j.jkn_class) FROM jkn_participant j JOIN person p ON p.id = j.person_id WHERE p.household_id = h.id) AS jkn_class,
           (SELECT max(v.visited_on)::text FROM cadre_visit v WHERE v.household_id = h.id) AS last_visit
    FROM cadre_family f JOIN household h ON h.id = f.household_id
    LEFT JOIN jkn_family_account a ON a.household_id = h.id
    WHERE f.cadre_id = ${cadreId}`
    .execute(db)
    .then((r) => r.rows);

export async function monthFigures(db: Queryable, cadreId: string, month: string) {
  const from = `${month}-01`;
  const row = await sql<{
    visited: number;
    visits: number;
    recruited: number;
    collected: string;
    payments: number;
    deposits_on_time: number;
    deposits: number;
  }>`
    SELECT
      (SELECT count(DISTINCT household_id)::int FROM cadre_visit WHERE cadre_id = ${cadreId} AND visited_on >= ${from}::date AND visited_on < (${from}::date + interval '1 month')) AS visited,
      (SELECT count(*)::int FROM cadre_visit WHERE cadre_id = ${cadreId} AND visited_on >= ${from}::date AND visited_on < (${from}::date + interval '1 month')) AS visits,
      (SELECT count(*)::int FROM jkn_recruitment WHERE cadre_id = ${cadreId} AND recruited_on >= ${from}::date AND recruited_on < (${from}::date + interval '1 month')) AS recruited,
      (SELECT coalesce(sum(amount), 0)::text FROM jkn_contribution_payment WHERE cadre_id = ${cadreId} AND paid_on >= ${from}::date AND paid_on < (${from}::date + interval '1 month')) AS collected,
      (SELECT count(*)::int FROM jkn_contribution_payment WHERE cadre_id = ${cadreId} AND paid_on >= ${from}::date AND paid_on < (${from}::date + interval '1 month')) AS payments,
      0 AS deposits_on_time, 0 AS deposits`.execute(db);
  return row.rows[0] as NonNullable<(typeof row.rows)[0]>;
}

/** Collected in a month for months that were already due when paid (arrears), per payment. */
export const paymentsInMonth = (db: Queryable, cadreId: string, month: string) =>
  db
    .selectFrom('jkn_contribution_payment')
    .select(['household_id', 'first_month', 'months', 'amount', 'paid_on'])
    .where('cadre_id', '=', cadreId)
    .where(sql<boolean>`to_char(paid_on, 'YYYY-MM') = ${month}`)
    .execute();

const COLLECTION_SETTINGS_KEY = 'jkn_collection_settings';
export async function findCollectionSettings(db: Queryable) {
  const row = await db.selectFrom('setting').select('value').where('key', '=', COLLECTION_SETTINGS_KEY).executeTakeFirst();
  return (row?.value as Record<string, unknown> | undefined) ?? null;
}
export async function saveCollectionSettings(db: Queryable, value: Record<string, unknown>, now: Date) {
  await sql`INSERT INTO setting (key, value, updated_at) VALUES (${COLLECTION_SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}
