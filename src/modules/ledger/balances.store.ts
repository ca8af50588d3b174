/**
 * Daily balance snapshots (migration 0019): the cumulative debit and credit of each office,
 * account and fund through a closed day. Totals as of a date are the latest snapshot on or
 * before it plus the lines after that snapshot, so reading them costs the lines since the
 * last close of day, not every line ever posted. A back-dated line drops the snapshots it
 * falls into (the database does it, in the journal lines' statement trigger).
 */
import { sql } from 'kysely';
import { dayBefore } from '../../core/dates.ts';
import type { StoreDb } from '../../db/store.ts';
import type { LedgerTables } from './ledger.tables.ts';

type Queryable = StoreDb<LedgerTables>;

export type Totals = { account_code: string; debit: string; credit: string };

/** The latest complete snapshot on or before a date (null when none). */
export async function snapshotOnOrBefore(db: Queryable, date: string): Promise<string | null> {
  const row = await sql<{
    as_of: string | null;
  }>`SELECT max(as_of)::text AS as_of FROM ledger_balance_day WHERE as_of <= ${date}::date`.execute(db);
  return row.rows[0]?.as_of ?? null;
}

/**
 * Writes the snapshot of a date from the previous one and the lines between them. The
 * journal is locked against inserts (SHARE) while it is written: a transaction still posting
 * a line dated on or before the date is waited for and counted, and one that posts such a
 * line afterwards sees the snapshot and drops it. Writing the same date again replaces it.
 */
export async function writeBalances(db: Queryable, date: string) {
  await sql`LOCK TABLE journal_line IN SHARE MODE`.execute(db);
  await sql`DELETE FROM ledger_balance_day WHERE as_of = ${date}::date`.execute(db);
  const base = await snapshotOnOrBefore(db, date);
  await sql`INSERT INTO ledger_balance_day (as_of) VALUES (${date}::date)`.execute(db);
  await sql`
    INSERT INTO ledger_balance (as_of, office_id, account_code, fund_id, debit, credit)
    SELECT ${date}::date, office_id, account_code, fund_id, sum(debit), sum(credit)
    FROM (
      SELECT office_id, account_code, fund_id, debit, credit FROM ledger_balance WHERE as_of = ${base}::date
      UNION ALL
      SELECT l.office_id, l.account_code, l.fund_id, l.debit, l.credit
      FROM ledger_account a
      CROSS JOIN LATERAL (
        SELECT office_id, account_code, fund_id, debit, credit FROM journal_line
        WHERE account_code = a.code AND entry_date <= ${date}::date AND entry_date > coalesce(${base}::date, '-infinity'::date)
      ) l
    ) t
    GROUP BY office_id, account_code, fund_id`.execute(db);
}

const officeFilter = (column: string, officeIds: string[] | null) =>
  officeIds === null
    ? sql`true`
    : officeIds.length === 0
      ? sql`false`
      : sql`${sql.ref(column)} IN (${sql.join(officeIds.map((id) => sql`${id}::uuid`))})`;

/** Debit and credit totals per account through a date (its latest snapshot + the lines after it). */
export async function totalsThrough(db: Queryable, date: string, officeIds: string[] | null): Promise<Totals[]> {
  const base = await snapshotOnOrBefore(db, date);
  const result = await sql<Totals>`
    SELECT account_code, sum(debit)::text AS debit, sum(credit)::text AS credit
    FROM (
      SELECT account_code, debit, credit FROM ledger_balance
      WHERE as_of = ${base}::date AND ${officeFilter('office_id', officeIds)}
      UNION ALL
      SELECT l.account_code, l.debit, l.credit
      FROM ledger_account a
      CROSS JOIN LATERAL (
        SELECT account_code, debit, credit FROM journal_line
        WHERE account_code = a.code AND entry_date <= ${date}::date AND entry_date > coalesce(${base}::date, '-infinity'::date)
          AND ${officeFilter('office_id', officeIds)}
      ) l
    ) t
    GROUP BY account_code
    ORDER BY account_code`.execute(db);
  return result.rows;
}

/** One account's debit and credit before a date (a statement's balance brought forward). */
export async function accountTotalsBefore(db: Queryable, code: string, date: string, officeIds: string[] | null) {
  const through = dayBefore(date);
  const base = await snapshotOnOrBefore(db, through);
  const result = await sql<{ debit: string; credit: string }>`
    SELECT coalesce(sum(debit), 0)::text AS debit, coalesce(sum(credit), 0)::text AS credit
    FROM (
      SELECT debit, credit FROM ledger_balance
      WHERE as_of = ${base}::date AND account_code = ${code} AND ${officeFilter('office_id', officeIds)}
      UNION ALL
      SELECT debit, credit FROM journal_line
      WHERE account_code = ${code} AND entry_date <= ${through}::date AND entry_date > coalesce(${base}::date, '-infinity'::date)
        AND ${officeFilter('office_id', officeIds)}
    ) t`.execute(db);
  return result.rows[0] ?? { debit: '0', credit: '0' };
}

/** The latest snapshot of all (null when none): a fund's position counts every line, whatever its date. */
async function latestSnapshot(db: Queryable): Promise<string | null> {
  const row = await sql<{ as_of: string | null }>`SELECT max(as_of)::text AS as_of FROM ledger_balance_day`.execute(db);
  return row.rows[0]?.as_of ?? null;
}

/** Per fund, debit − credit per account over every line (the latest snapshot + the lines dated after it). */
export async function fundAccountNet(db: Queryable, fundIds: string[], accountCodes?: readonly string[]) {
  if (fundIds.length === 0) return [];
  const base = await latestSnapshot(db);
  const funds = sql.join(fundIds.map((id) => sql`${id}::uuid`));
  const accounts = accountCodes ? sql`account_code IN (${sql.join(accountCodes.map((c) => sql`${c}`))})` : sql`true`;
  const result = await sql<{ fund_id: string; account_code: string; net: string }>`
    SELECT fund_id, account_code, sum(debit - credit)::text AS net
    FROM (
      SELECT fund_id, account_code, debit, credit FROM ledger_balance
      WHERE as_of = ${base}::date AND fund_id IN (${funds}) AND ${accounts}
      UNION ALL
      SELECT fund_id, account_code, debit, credit FROM journal_line
      WHERE fund_id IN (${funds}) AND entry_date > coalesce(${base}::date, '-infinity'::date) AND ${accounts}
    ) t
    GROUP BY fund_id, account_code`.execute(db);
  return result.rows;
}
