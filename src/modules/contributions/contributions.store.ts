import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { CadreVisitTable, ContributionTables, JknCashDepositTable, JknContributionPaymentTable } from './contributions.tables.ts';

type Queryable = StoreDb<ContributionTables>;

export const familyAccount = (db: Queryable, householdId: string) =>
  db.selectFrom('jkn_family_account').selectAll().where('household_id', '=', householdId).executeTakeFirst();
export const lockFamilyAccount = (db: Queryable, householdId: string) =>
  db.selectFrom('jkn_family_account').selectAll().where('household_id', '=', householdId).forUpdate().executeTakeFirst();
export const upsertFamilyAccount = (db: Queryable, householdId: string, paidThrough: string) =>
  sql`INSERT INTO jkn_family_account (household_id, paid_through) VALUES (${householdId}, ${paidThrough})
      ON CONFLICT (household_id) DO UPDATE SET paid_through = EXCLUDED.paid_through, updated_at = now()`.execute(db);
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
/** The cadre's latest collections, newest first. */
export const latestPaymentsOf = (db: Queryable, cadreId: string, limit: number) =>
  db
    .selectFrom('jkn_contribution_payment as c')
    .select(['c.id', 'c.receipt_number', 'c.household_id', 'c.first_month', 'c.months', 'c.amount', 'c.paid_on', 'c.received_by'])
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

/** A family's latest visits, by whichever cadre made them. */
export const visitsOfHousehold = (db: Queryable, householdId: string, limit: number) =>
  db
    .selectFrom('cadre_visit')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const visitsOf = (db: Queryable, cadreId: string, limit: number) =>
  db
    .selectFrom('cadre_visit')
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** Per household: the paid-through month and the last visit (by any cadre), in one query. */
export async function accountsAndLastVisits(db: Queryable, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  const ids = sql.join(householdIds.map((id) => sql`${id}`));
  const result = await sql<{ household_id: string; paid_through: string | null; last_visit: string | null }>`
    SELECT household_id, paid_through, NULL::text AS last_visit FROM jkn_family_account WHERE household_id IN (${ids})
    UNION ALL
    SELECT household_id, NULL, max(visited_on)::text FROM cadre_visit WHERE household_id IN (${ids}) GROUP BY household_id`.execute(db);
  return result.rows;
}

export async function monthFigures(db: Queryable, cadreId: string, month: string) {
  const from = `${month}-01`;
  const row = await sql<{
    visited: number;
    visits: number;
    collected: string;
    payments: number;
    deposits_on_time: number;
    deposits: number;
  }>`
    SELECT
      (SELECT count(DISTINCT household_id)::int FROM cadre_visit WHERE cadre_id = ${cadreId} AND visited_on >= ${from}::date AND visited_on < (${from}::date + interval '1 month')) AS visited,
      (SELECT count(*)::int FROM cadre_visit WHERE cadre_id = ${cadreId} AND visited_on >= ${from}::date AND visited_on < (${from}::date + interval '1 month')) AS visits,
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
