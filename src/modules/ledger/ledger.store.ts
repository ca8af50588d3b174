import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import { writeLater } from '../../db/write-later.ts';
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

/** Debit and credit totals per account up to a date, optionally for some offices only. */
export async function accountTotals(db: Queryable, asOf: string, officeIds: string[] | null, from: string | null = null) {
  let query = db
    .selectFrom('journal_line')
    .select(['account_code', sql<string>`sum(debit)`.as('debit'), sql<string>`sum(credit)`.as('credit')])
    .where('entry_date', '<=', asOf)
    .groupBy('account_code');
  if (from) query = query.where('entry_date', '>=', from);
  if (officeIds) query = officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('office_id', 'in', officeIds);
  return query.execute();
}

/** An account's lines in a period, with the balance brought forward. */
export async function accountLines(
  db: Queryable,
  code: string,
  period: { from: string; to: string },
  officeIds: string[] | null,
  page: { offset: number; limit: number },
) {
  let opening = db
    .selectFrom('journal_line')
    .select([sql<string>`coalesce(sum(debit), 0)`.as('debit'), sql<string>`coalesce(sum(credit), 0)`.as('credit')])
    .where('account_code', '=', code)
    .where('entry_date', '<', period.from);
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
    opening = officeIds.length === 0 ? opening.where(sql<boolean>`false`) : opening.where('office_id', 'in', officeIds);
    lines = officeIds.length === 0 ? lines.where(sql<boolean>`false`) : lines.where('l.office_id', 'in', officeIds);
  }
  const [openingRow, rows] = await Promise.all([
    opening.executeTakeFirstOrThrow(),
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
  const row = await db
    .selectFrom('journal_line')
    .select(sql<string>`coalesce(sum(debit) - sum(credit), 0)`.as('cash'))
    .where('fund_id', '=', fundId)
    .where('account_code', 'in', CASH_ACCOUNTS)
    .executeTakeFirstOrThrow();
  return BigInt(row.cash);
}
// Teller cash, bank, and cash collected in the field not yet brought in: all the fund's to lend.
export const CASH_ACCOUNTS = ['1.1.01', '1.1.02', '1.1.03'];

/** Per fund: cash and total lent out (financing receivable net of deferred margin). */
export async function fundPositions(db: Queryable, fundIds: string[]) {
  if (fundIds.length === 0) return [];
  return db
    .selectFrom('journal_line')
    .select([
      'fund_id',
      sql<string>`coalesce(sum(debit - credit) FILTER (WHERE account_code IN ('1.1.01', '1.1.02', '1.1.03')), 0)`.as('cash'),
      sql<string>`coalesce(sum(debit - credit) FILTER (WHERE account_code LIKE '1.2.%' AND account_code <> '1.2.09'), 0)`.as('outstanding'),
      sql<string>`coalesce(sum(credit - debit) FILTER (WHERE account_code LIKE '3.2.%'), 0)`.as('capital'),
    ])
    .where('fund_id', 'in', fundIds)
    .groupBy('fund_id')
    .execute();
}

export const lockFund = (db: Queryable, id: string) =>
  db.selectFrom('fund').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findFund = (db: Queryable, id: string) => db.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst();
export const findFundByCode = (db: Queryable, code: string) =>
  db.selectFrom('fund').selectAll().where('code', '=', code).executeTakeFirst();

export function listFundRows(db: Queryable, officeIds: string[] | null) {
  let query = db.selectFrom('fund').selectAll().orderBy('code');
  if (officeIds) query = officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('office_id', 'in', officeIds);
  return query.execute();
}
