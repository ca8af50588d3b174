import { sql } from 'kysely';
import { dayBefore } from '../../core/dates.ts';
import { sumRupiah } from '../../core/money.ts';
import type { Queryable } from '../../db/database.ts';
import { writeLater } from '../../db/write-later.ts';
import { ACCOUNT_GROUPS, ACCOUNTS, CASH_ACCOUNTS } from './accounts.rules.ts';
import { accountTotalsBefore, fundAccountNet, totalsThrough } from './balances.store.ts';
import type { PostingLine } from './ledger.rules.ts';

export type NewEntry = {
  id: string;
  officeId: string;
  entryDate: string;
  memo: string;
  source: { type: string; id: string | null };
  reversesId?: string | null;
  createdBy: string;
};

/**
 * One entry and its lines in one statement (the entry in a WITH): the lines' foreign key to
 * the entry is checked at the end of the statement, the lines' balance once per statement and
 * the entry's again at commit. `later`: both go with the transaction's last writes instead
 * (writeLater), for a caller that reads nothing of the entry back in its transaction.
 */
export async function insertEntry(db: Queryable, entry: NewEntry, lines: PostingLine[], later = false) {
  const entryRow = {
    id: entry.id,
    office_id: entry.officeId,
    entry_date: entry.entryDate,
    memo: entry.memo,
    source_type: entry.source.type,
    source_id: entry.source.id,
    reverses_id: entry.reversesId ?? null,
    created_by: entry.createdBy,
  };
  const lineRows = lines.map((line, index) => ({
    entry_id: entry.id,
    line_no: index + 1,
    account_code: line.accountCode,
    office_id: entry.officeId,
    entry_date: entry.entryDate,
    debit: line.debit ?? 0n,
    credit: line.credit ?? 0n,
    fund_id: line.fundId ?? null,
    party_type: line.party?.type ?? null,
    party_id: line.party?.id ?? null,
  }));
  if (later) {
    await writeLater(db, db.insertInto('journal_entry').values(entryRow));
    await writeLater(db, db.insertInto('journal_line').values(lineRows));
    return;
  }
  await db
    .with('entry', (qb) => qb.insertInto('journal_entry').values(entryRow))
    .insertInto('journal_line')
    .values(lineRows)
    .execute();
}

export const findEntry = (db: Queryable, id: string) => db.selectFrom('journal_entry').selectAll().where('id', '=', id).executeTakeFirst();

export const entryLines = (db: Queryable, entryId: string) =>
  db.selectFrom('journal_line').selectAll().where('entry_id', '=', entryId).orderBy('line_no').execute();

export const findReversal = (db: Queryable, entryId: string) =>
  db.selectFrom('journal_entry').select('id').where('reverses_id', '=', entryId).executeTakeFirst();

export const listAccountRows = (db: Queryable) => db.selectFrom('ledger_account').selectAll().orderBy('code').execute();

export const findAccount = (db: Queryable, code: string) =>
  db.selectFrom('ledger_account').selectAll().where('code', '=', code).executeTakeFirst();

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export const findAccounts = (db: Queryable, codes: string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.selectFrom('ledger_account').selectAll().where('code', 'in', codes).execute();

// NO KEY UPDATE: postings to the account (whose foreign key takes KEY SHARE) are not held up.
export const lockAccount = (db: Queryable, code: string) =>
  db.selectFrom('ledger_account').selectAll().where('code', '=', code).forNoKeyUpdate().executeTakeFirst();
export const lockAccountShared = (db: Queryable, code: string) =>
  db.selectFrom('ledger_account').selectAll().where('code', '=', code).forShare().executeTakeFirst();

export async function insertAccount(
  db: Queryable,
  row: Pick<AccountRow, 'code' | 'name_id' | 'name_en' | 'type' | 'parent_code' | 'scheme'>,
): Promise<void> {
  await db
    .insertInto('ledger_account')
    .values({ ...row, postable: true, contra: false, active: true })
    .execute();
}

export async function updateAccount(
  db: Queryable,
  code: string,
  changes: Partial<Pick<AccountRow, 'name_id' | 'name_en' | 'active'>>,
  at: Date,
): Promise<void> {
  await db
    .updateTable('ledger_account')
    .set({ ...changes, updated_at: at })
    .where('code', '=', code)
    .execute();
}

export const childAccounts = (db: Queryable, parentCode: string) =>
  db.selectFrom('ledger_account').selectAll().where('parent_code', '=', parentCode).orderBy('code').execute();

/**
 * Before an account is deactivated: no journal line may be inserted until the transaction ends
 * (a posting in flight is waited for), so the balance read next is the last one it will have.
 */
export async function holdPostings(db: Queryable): Promise<void> {
  await sql`LOCK TABLE journal_line IN SHARE MODE`.execute(db);
}

/** Every office and fund where the account's lines do not net to zero (all dates, future ones too). */
export async function nonZeroAccountBalances(db: Queryable, code: string) {
  return db
    .selectFrom('journal_line')
    .select(['office_id', 'fund_id', sql<string>`(sum(debit) - sum(credit))::text`.as('net')])
    .where('account_code', '=', code)
    .groupBy(['office_id', 'fund_id'])
    .having(sql<boolean>`sum(debit) <> sum(credit)`)
    .execute();
}

/** The database refused a line because its account is inactive (journal_line_check_account): the account's code. */
export function inactiveAccountRefused(error: unknown): string | null {
  const e = error as { code?: unknown; hint?: unknown; detail?: unknown };
  return e?.code === '23514' && e.hint === 'ledger.account_inactive' && typeof e.detail === 'string' ? e.detail : null;
}

/**
 * Debit and credit totals per account up to a date (from the daily snapshots), optionally
 * for some offices only; with `from`, those of the period from..asOf (the totals through
 * asOf less those through the day before `from`).
 */
export async function accountTotals(db: Queryable, asOf: string, officeIds: string[] | null, from: string | null = null) {
  const through = await totalsThrough(db, asOf, officeIds);
  if (!from) return through;
  const before = new Map((await totalsThrough(db, dayBefore(from), officeIds)).map((t) => [t.account_code, t]));
  return through.flatMap((t) => {
    const b = before.get(t.account_code);
    if (!b) return [t];
    const debit = BigInt(t.debit) - BigInt(b.debit);
    const credit = BigInt(t.credit) - BigInt(b.credit);
    return debit === 0n && credit === 0n ? [] : [{ account_code: t.account_code, debit: debit.toString(), credit: credit.toString() }];
  });
}

/** An account's lines in a period, with the balance brought forward. */
export async function accountLines(
  db: Queryable,
  code: string,
  period: { from: string; to: string },
  officeIds: string[] | null,
  page: { offset: number; limit: number },
) {
  let lines = db
    .selectFrom('journal_line as l')
    .innerJoin('journal_entry as e', 'e.id', 'l.entry_id')
    .select([
      'l.entry_id',
      'l.line_no',
      'l.entry_date',
      'l.debit',
      'l.credit',
      'l.fund_id',
      'l.party_type',
      'l.party_id',
      'e.memo',
      'e.source_type',
      'e.created_at',
    ])
    .where('l.account_code', '=', code)
    .where('l.entry_date', '>=', period.from)
    .where('l.entry_date', '<=', period.to);
  if (officeIds) {
    lines = officeIds.length === 0 ? lines.where(sql<boolean>`false`) : lines.where('l.office_id', 'in', officeIds);
  }
  const [openingRow, rows] = await Promise.all([
    accountTotalsBefore(db, code, period.from, officeIds),
    lines
      .orderBy('l.entry_date')
      .orderBy('e.created_at')
      .orderBy('l.entry_id')
      .orderBy('l.line_no')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { opening: openingRow, rows };
}

/** Cash held by a fund (teller, bank, collected in the field): what it can lend now. */
export async function fundCash(db: Queryable, fundId: string): Promise<bigint> {
  const rows = await fundAccountNet(db, [fundId], CASH_ACCOUNTS);
  return sumRupiah(rows.map((r) => r.net));
}

/** Per fund: cash and total lent out (financing receivable net of deferred margin), and capital. */
export async function fundPositions(db: Queryable, fundIds: string[]) {
  const byFund = new Map<string, { fund_id: string; cash: bigint; outstanding: bigint; capital: bigint }>();
  for (const r of await fundAccountNet(db, fundIds)) {
    const p = byFund.get(r.fund_id) ?? { fund_id: r.fund_id, cash: 0n, outstanding: 0n, capital: 0n };
    const net = BigInt(r.net);
    if (CASH_ACCOUNTS.includes(r.account_code)) p.cash += net;
    else if (r.account_code.startsWith(`${ACCOUNT_GROUPS.financingReceivable}.`) && r.account_code !== ACCOUNTS.financingLossAllowance)
      p.outstanding += net;
    else if (r.account_code.startsWith(`${ACCOUNT_GROUPS.fundCapital}.`)) p.capital -= net;
    byFund.set(r.fund_id, p);
  }
  return [...byFund.values()].map((p) => ({
    fund_id: p.fund_id,
    cash: p.cash.toString(),
    outstanding: p.outstanding.toString(),
    capital: p.capital.toString(),
  }));
}

export const lockFund = (db: Queryable, id: string) =>
  db.selectFrom('fund').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findFund = (db: Queryable, id: string) => db.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst();
export const findFundCodesByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('fund').select(['id', 'code']).where('id', 'in', ids).execute();
export const findFundByCode = (db: Queryable, code: string) =>
  db.selectFrom('fund').selectAll().where('code', '=', code).executeTakeFirst();

export function listFundRows(db: Queryable, officeIds: string[] | null) {
  let query = db.selectFrom('fund').selectAll().orderBy('code');
  if (officeIds) query = officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('office_id', 'in', officeIds);
  return query.execute();
}

/** Credit − debit of one account through a date, per office and fund (e.g. the allowance booked in 1.2.09). */
export async function creditBalancesByOfficeAndFund(db: Queryable, code: string, through: string) {
  const rows = await sql<{ office_id: string; fund_id: string | null; balance: string }>`
    SELECT office_id, fund_id, (sum(credit) - sum(debit))::text AS balance FROM journal_line
    WHERE account_code = ${code} AND entry_date <= ${through}::date GROUP BY office_id, fund_id`.execute(db);
  return rows.rows;
}

/** A group's revolving fund (its pot): the active one, oldest first. */
export const findGroupFund = (db: Queryable, groupId: string) =>
  db
    .selectFrom('fund')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('kind', '=', 'group_revolving')
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
