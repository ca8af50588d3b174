import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { nextDay } from '../../core/dates.ts';
import { AppError, conflict, invalid, notFound, refuseFutureDate } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { officeInScope } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { groupVisibleTo } from '../groups/index.ts';
import { once } from '../idempotency/index.ts';
import { officesWithRegions, resolveOfficeForActor } from '../organisation/index.ts';
import { archivedMonthsIn } from '../partitions/index.ts';
import { ACCOUNTS, isSystemAccount } from './accounts.rules.ts';
import { snapshotOnOrBefore, writeBalances } from './balances.store.ts';
import { rootsOn } from './books.store.ts';
import { listEntryRows } from './entries.store.ts';
import { accountNameIn, accountView, findFundForActor, inactiveAccountError, officeFilter, postingRefusal } from './ledger.access.ts';
import { FUND_READERS, LEDGER_KEEPERS, LEDGER_READERS } from './ledger.roles.ts';
import { compactLines, entryProblems, naturalBalance, type PostingLine, reversedLines, trialBalanceSides } from './ledger.rules.ts';
import {
  type createFundInputSchema,
  ENTRY_LIST_SOURCES,
  type entryListQuerySchema,
  type entryListSchema,
  type entryViewSchema,
  type fundCapitalInputSchema,
  type fundCapitalResultSchema,
  type fundViewSchema,
  type manualEntryInputSchema,
  type statementQuerySchema,
  type statementSchema,
  type trialBalanceQuerySchema,
  type trialBalanceSchema,
} from './ledger.schema.ts';
import {
  accountLines,
  accountTotals,
  creditBalancesByOfficeAndFund,
  entryLines,
  findAccount,
  findAccounts,
  findEntry,
  findFund,
  findFundByCode,
  findFundCodesByIds,
  findGroupFund,
  findReversal,
  fundCash,
  fundPositions,
  inactiveAccountRefused,
  insertEntry,
  listAccountRows,
  listFundRows,
  lockFund,
} from './ledger.store.ts';

/** A statement page: the row offset and the running balance carried to it. */
const STATEMENT_CURSOR = ['offset', 'integer'] as const;
const ENTRY_CURSOR = ['date', 'uuid'] as const;

export type PostEntryInput = {
  officeId: string;
  entryDate: string;
  memo: string;
  source: { type: string; id: string | null };
  lines: PostingLine[];
  reversesId?: string | null;
  /** Written with the transaction's last writes (writeLater): for a caller that reads nothing of the entry back. */
  later?: boolean;
};

/**
 * Posts one balanced entry inside the caller's transaction: the one way money moves.
 * Checked here first for a readable error; the database checks again at commit.
 */
export async function postEntry(tx: Tx, ctx: Context, input: PostEntryInput): Promise<string> {
  const lines = compactLines(input.lines);
  const problems = entryProblems(lines);
  if (problems.length > 0)
    throw new AppError('ledger.entry_invalid', 'invalid', {
      errors: problems.map((p) => ({ field: 'lines', code: p.code, params: jsonable(p) })),
    });
  await assertAccountsTakePostings(tx, ctx, lines);
  const id = uuidv7(ctx.clock.now().getTime());
  try {
    await insertEntry(
      tx,
      {
        id,
        officeId: input.officeId,
        entryDate: input.entryDate,
        memo: input.memo,
        source: input.source,
        reversesId: input.reversesId,
        createdBy: actorName(ctx.actor),
      },
      lines,
      input.later,
    );
  } catch (error) {
    // Deactivated between the check above and the insert: the database's refusal, as a 422.
    const code = inactiveAccountRefused(error);
    if (code) throw inactiveAccountError('lines', { code, account: code });
    throw error;
  }
  return id;
}

/**
 * Accounts other than the system's own (always postable and active) are read once: a header or
 * inactive account is refused with a 422 naming it, before the database trigger would.
 */
async function assertAccountsTakePostings(tx: Tx, ctx: Context, lines: PostingLine[]) {
  const codes = [...new Set(lines.map((line) => line.accountCode).filter((code) => !isSystemAccount(code)))];
  if (codes.length === 0) return;
  const accounts = new Map((await findAccounts(tx, codes)).map((account) => [account.code, account]));
  for (const code of codes) {
    const refusal = postingRefusal(ctx.locale, code, accounts.get(code), 'lines');
    if (refusal) throw refusal;
  }
}

const jsonable = (value: object) =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));

/** The counter-entry of a posted entry; an entry is reversed once. */
export async function reverseEntry(
  tx: Tx,
  ctx: Context,
  entryId: string,
  input: { memo: string; entryDate: string; source?: { type: string; id: string | null } },
) {
  const entry = await findEntry(tx, entryId);
  if (!entry) throw notFound('journal_entry', entryId);
  if (entry.reverses_id) throw conflict('ledger.reversal_of_reversal', 'id');
  if (await findReversal(tx, entryId)) throw conflict('ledger.already_reversed', 'id');
  const lines = (await entryLines(tx, entryId)).map((l) => ({
    accountCode: l.account_code,
    debit: BigInt(l.debit),
    credit: BigInt(l.credit),
    fundId: l.fund_id,
    party: l.party_type && l.party_id ? { type: l.party_type, id: l.party_id } : null,
  }));
  return postEntry(tx, ctx, {
    officeId: entry.office_id,
    entryDate: input.entryDate,
    memo: input.memo,
    source: input.source ?? { type: entry.source_type, id: entry.source_id },
    lines: reversedLines(lines),
    reversesId: entryId,
  });
}

/**
 * Totals through a date are its latest snapshot plus the lines after it: only archived months
 * after that snapshot are missing from them (archiving waits for the month's close, so normally none).
 */
async function archivedLinesThrough(db: Queryable, asOf: string): Promise<string[]> {
  const base = await snapshotOnOrBefore(db, asOf);
  return archivedMonthsIn(db, 'journal_line', base ? nextDay(base) : null, asOf);
}

const accountName = (ctx: Context, row: { name_id: string; name_en: string }) => accountNameIn(ctx.locale, row);

export async function trialBalance(
  ctx: Context,
  query: z.infer<typeof trialBalanceQuerySchema>,
): Promise<z.infer<typeof trialBalanceSchema>> {
  assertRole(ctx, LEDGER_READERS);
  const officeIds = await officeFilter(ctx, query.office);
  const [accounts, totals] = await Promise.all([listAccountRows(ctx.db), accountTotals(ctx.db, query.asOf, officeIds)]);
  const byCode = new Map(totals.map((t) => [t.account_code, t]));
  let debit = 0n;
  let credit = 0n;
  const rows = accounts.flatMap((account) => {
    const t = byCode.get(account.code);
    if (!t) return [];
    const sides = trialBalanceSides(BigInt(t.debit), BigInt(t.credit));
    debit += sides.debit;
    credit += sides.credit;
    return [
      {
        code: account.code,
        name: accountName(ctx, account),
        type: account.type,
        debit: sides.debit.toString(),
        credit: sides.credit.toString(),
      },
    ];
  });
  const [booksRoots, archivedMonths] = await Promise.all([
    rootsOn(ctx.db, officeIds, query.asOf),
    archivedLinesThrough(ctx.db, query.asOf),
  ]);
  return {
    asOf: query.asOf,
    office: query.office ?? null,
    debit: debit.toString(),
    credit: credit.toString(),
    accounts: rows,
    booksRoots,
    archivedMonths,
  };
}

export async function accountStatement(
  ctx: Context,
  code: string,
  query: z.infer<typeof statementQuerySchema>,
): Promise<z.infer<typeof statementSchema>> {
  assertRole(ctx, LEDGER_READERS);
  if (query.to < query.from) throw invalid('ledger.period_reversed', 'to');
  const account = await findAccount(ctx.db, code);
  if (!account) throw notFound('ledger_account', code);
  const officeIds = await officeFilter(ctx, query.office);
  const [offset, carried] = query.cursor ? decodeCursor(query.cursor, STATEMENT_CURSOR) : [0, null];
  const { opening, rows } = await accountLines(ctx.db, code, query, officeIds, { offset, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const openingBalance = naturalBalance(account.type, account.contra, BigInt(opening.debit), BigInt(opening.credit));
  let balance = carried === null ? openingBalance : BigInt(carried);
  const lines = page.map((row) => {
    balance += naturalBalance(account.type, account.contra, BigInt(row.debit), BigInt(row.credit));
    return {
      entryId: row.entry_id,
      date: row.entry_date,
      memo: row.memo,
      sourceType: row.source_type,
      debit: row.debit,
      credit: row.credit,
      balance: balance.toString(),
    };
  });
  const more = rows.length > query.limit;
  return {
    account: accountView(ctx.locale, account),
    from: query.from,
    to: query.to,
    opening: openingBalance.toString(),
    closing: more ? null : balance.toString(),
    lines,
    nextCursor: more ? encodeCursor(STATEMENT_CURSOR, [offset + query.limit, balance.toString()]) : null,
    archivedMonths: await archivedMonthsIn(ctx.db, 'journal_line', query.from, query.to),
  };
}

export async function getEntry(ctx: Context, id: string): Promise<z.infer<typeof entryViewSchema>> {
  assertRole(ctx, LEDGER_READERS);
  return entryView(ctx, ctx.db, id);
}

async function entryView(ctx: Context, db: Queryable, id: string): Promise<z.infer<typeof entryViewSchema>> {
  const entry = await findEntry(db, id);
  if (!entry || !officeInScope(actorScope(ctx), entry.office_id)) throw notFound('journal_entry', id);
  const [lines, accounts, reversal, [office]] = await Promise.all([
    entryLines(db, id),
    listAccountRows(db),
    findReversal(db, id),
    officesWithRegions(db, [entry.office_id]),
  ]);
  const funds = new Map<string, string>();
  for (const fundId of new Set(lines.flatMap((l) => (l.fund_id ? [l.fund_id] : []))))
    funds.set(fundId, (await findFund(db, fundId))?.code ?? '');
  const names = new Map(accounts.map((a) => [a.code, accountName(ctx, a)]));
  return {
    id: entry.id,
    officeCode: office?.code ?? '',
    entryDate: entry.entry_date,
    memo: entry.memo,
    sourceType: entry.source_type,
    sourceId: entry.source_id,
    reversesId: entry.reverses_id,
    reversedById: reversal?.id ?? null,
    createdBy: entry.created_by,
    createdAt: entry.created_at.toISOString(),
    lines: lines.map((l) => ({
      accountCode: l.account_code,
      accountName: names.get(l.account_code) ?? l.account_code,
      debit: l.debit,
      credit: l.credit,
      fundCode: l.fund_id ? (funds.get(l.fund_id) ?? null) : null,
    })),
  };
}

/** A journal entry typed by an accountant (adjustments, opening balances, expenses). */
export async function postManualEntry(ctx: Context, input: z.infer<typeof manualEntryInputSchema>) {
  assertRole(ctx, LEDGER_KEEPERS);
  refuseFutureDate(input.entryDate, businessDate(ctx.clock), 'entryDate');
  const officeId = await resolveOfficeForActor(ctx, ctx.db, input.officeCode, 'officeCode');
  const errors = input.lines.flatMap((line, i) =>
    (line.debit === undefined) === (line.credit === undefined) || (line.debit ?? line.credit) === '0'
      ? [{ field: `lines.${i}`, code: 'ledger.line_amount_invalid', params: { line: i + 1 } }]
      : [],
  );
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
  const id = await inTransaction(ctx, async (tx) => {
    const lines: PostingLine[] = [];
    for (const [i, line] of input.lines.entries()) {
      const refusal = postingRefusal(ctx.locale, line.accountCode, await findAccount(tx, line.accountCode), `lines.${i}.accountCode`);
      if (refusal) throw refusal;
      const fund = line.fundCode ? await findFundForActor(ctx, tx, { code: line.fundCode }) : undefined;
      if (line.fundCode && !fund) throw invalid('ledger.unknown_fund', `lines.${i}.fundCode`, { code: line.fundCode });
      lines.push({
        accountCode: line.accountCode,
        debit: BigInt(line.debit ?? 0),
        credit: BigInt(line.credit ?? 0),
        fundId: fund?.id ?? null,
      });
    }
    const entryId = await postEntry(tx, ctx, {
      officeId,
      entryDate: input.entryDate,
      memo: input.memo,
      source: { type: 'manual', id: null },
      lines,
    });
    await recordAudit(tx, ctx, {
      action: 'ledger.entry_post',
      entityType: 'journal_entry',
      entityId: entryId,
      officeId,
      after: { memo: input.memo, lines: input.lines },
    });
    return entryId;
  });
  return entryView(ctx, ctx.db, id);
}

export async function reverseManualEntry(ctx: Context, id: string, input: { reason: string; entryDate?: string }) {
  assertRole(ctx, LEDGER_KEEPERS);
  const entry = await findEntry(ctx.db, id);
  if (!entry || !officeInScope(actorScope(ctx), entry.office_id)) throw notFound('journal_entry', id);
  // Entries of financings, savings and collections are reversed through their own operation.
  if (entry.source_type !== 'manual' && entry.source_type !== 'fund')
    throw conflict('ledger.reverse_through_source', 'id', { source: entry.source_type });
  const entryDate = input.entryDate ?? businessDate(ctx.clock);
  refuseFutureDate(entryDate, businessDate(ctx.clock), 'entryDate');
  if (entryDate < entry.entry_date) throw invalid('ledger.reversal_before_entry', 'entryDate', { date: entry.entry_date });
  const reversalId = await inTransaction(ctx, async (tx) => {
    const reversal = await reverseEntry(tx, ctx, id, { memo: `Koreksi: ${input.reason}`, entryDate });
    await recordAudit(tx, ctx, {
      action: 'ledger.entry_reverse',
      entityType: 'journal_entry',
      entityId: id,
      officeId: entry.office_id,
      after: { reversalId: reversal, reason: input.reason },
    });
    return reversal;
  });
  return entryView(ctx, ctx.db, reversalId);
}

/** Manual and fund entries in scope, newest first: where a keeper finds an entry to open or reverse. */
export async function listEntries(ctx: Context, query: z.infer<typeof entryListQuerySchema>): Promise<z.infer<typeof entryListSchema>> {
  assertRole(ctx, LEDGER_READERS);
  const officeIds = await officeFilter(ctx, query.office);
  const after = query.cursor ? decodeCursor(query.cursor, ENTRY_CURSOR) : null;
  const rows = await listEntryRows(ctx.db, {
    // Reversing entries of every source (a repayment's reversal too) when asked for reversals alone.
    sourceTypes: query.source ? [query.source] : query.reversal === 'true' ? null : ENTRY_LIST_SOURCES,
    reversal: query.reversal === undefined ? undefined : query.reversal === 'true',
    from: query.from,
    officeIds,
    after: after ? { entryDate: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const offices = await officesWithRegions(ctx.db, [...new Set(page.map((r) => r.office_id))]);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      officeCode: offices.find((o) => o.id === r.office_id)?.code ?? '',
      entryDate: r.entry_date,
      memo: r.memo,
      sourceType: r.source_type,
      amount: r.amount ?? '0',
      reversesId: r.reverses_id,
      reversedById: r.reversed_by_id,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(ENTRY_CURSOR, [last.entry_date, last.id]) : null,
    // The page's entries of archived months show no amount: their lines are in the archive.
    archivedMonths: last ? await archivedMonthsIn(ctx.db, 'journal_line', last.entry_date, page[0]?.entry_date ?? last.entry_date) : [],
  };
}

// ---- Funds ----

type FundRow = NonNullable<Awaited<ReturnType<typeof findFund>>>;

/** Capital received by a fund: cash (the fund's) against the fund's capital account. */
function postFundCapital(
  tx: Tx,
  ctx: Context,
  fund: Pick<FundRow, 'id' | 'kind' | 'office_id'>,
  input: { amount: bigint; entryDate: string; memo: string; cashAccount: string },
) {
  return postEntry(tx, ctx, {
    officeId: fund.office_id,
    entryDate: input.entryDate,
    memo: input.memo,
    source: { type: 'fund', id: fund.id },
    lines: [
      { accountCode: input.cashAccount, debit: input.amount, fundId: fund.id },
      { accountCode: fund.kind === 'own_capital' ? ACCOUNTS.ownCapital : ACCOUNTS.grantCapital, credit: input.amount, fundId: fund.id },
    ],
  });
}

export async function createFund(ctx: Context, input: z.infer<typeof createFundInputSchema>) {
  assertRole(ctx, LEDGER_KEEPERS);
  refuseFutureDate(input.capitalDate, businessDate(ctx.clock), 'capitalDate');
  const officeId = await resolveOfficeForActor(ctx, ctx.db, input.officeCode, 'officeCode');
  if ((input.kind === 'group_revolving') !== (input.groupId !== undefined)) throw invalid('ledger.fund_group_required', 'groupId');
  if (input.groupId !== undefined && !(await groupVisibleTo(ctx, ctx.db, input.groupId)))
    throw invalid('ledger.fund_group_unknown', 'groupId', { groupId: input.groupId });
  const id = await inTransaction(ctx, async (tx) => {
    if (await findFundByCode(tx, input.code)) throw conflict('ledger.fund_code_taken', 'code', { code: input.code });
    const fundId = uuidv7(ctx.clock.now().getTime());
    await tx
      .insertInto('fund')
      .values({
        id: fundId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        source: input.source,
        office_id: officeId,
        group_id: input.groupId ?? null,
      })
      .execute();
    const capital = BigInt(input.initialCapital);
    if (capital > 0n)
      await postFundCapital(
        tx,
        ctx,
        { id: fundId, kind: input.kind, office_id: officeId },
        {
          amount: capital,
          entryDate: input.capitalDate ?? businessDate(ctx.clock),
          memo: `Modal awal dana ${input.code}: ${input.source}`,
          cashAccount: input.cashAccount,
        },
      );
    await recordAudit(tx, ctx, { action: 'fund.create', entityType: 'fund', entityId: fundId, officeId, after: input });
    return fundId;
  });
  return getFund(ctx, id);
}

/**
 * More capital for an existing fund (a second stimulus tranche, a top-up of own capital), received
 * in the bank; once per idempotency key, so a retried request posts it once.
 */
export async function addFundCapital(
  ctx: Context,
  id: string,
  input: z.infer<typeof fundCapitalInputSchema>,
  idempotencyKey: string,
): Promise<{ replayed: boolean; response: z.infer<typeof fundCapitalResultSchema> }> {
  assertRole(ctx, LEDGER_KEEPERS);
  refuseFutureDate(input.date, businessDate(ctx.clock), 'date');
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `fund.capital:${id}`, body: input }, async () => {
      const fund = await findFundForActor(ctx, tx, { id });
      if (!fund) throw notFound('fund', id);
      const entryId = await postFundCapital(tx, ctx, fund, {
        amount: BigInt(input.amount),
        entryDate: input.date ?? businessDate(ctx.clock),
        memo: `Tambahan modal dana ${fund.code}: ${input.memo}`,
        cashAccount: ACCOUNTS.bankCash,
      });
      await recordAudit(tx, ctx, {
        action: 'fund.capital_add',
        entityType: 'fund',
        entityId: fund.id,
        officeId: fund.office_id,
        after: { ...input, entryId },
      });
      const [view] = await fundViews(tx, [fund]);
      return { fund: view as z.infer<typeof fundViewSchema>, entryId };
    }),
  );
}

export async function listFunds(ctx: Context): Promise<{ items: z.infer<typeof fundViewSchema>[] }> {
  assertRole(ctx, FUND_READERS);
  const scope = actorScope(ctx);
  const rows = await listFundRows(ctx.db, scope.kind === 'all' ? null : scope.officeIds);
  return { items: await fundViews(ctx.db, rows) };
}

export async function getFund(ctx: Context, id: string) {
  assertRole(ctx, FUND_READERS);
  const fund = await findFundForActor(ctx, ctx.db, { id });
  if (!fund) throw notFound('fund', id);
  const [view] = await fundViews(ctx.db, [fund]);
  return view as z.infer<typeof fundViewSchema>;
}

async function fundViews(db: Queryable, rows: Awaited<ReturnType<typeof listFundRows>>) {
  const [positions, offices] = await Promise.all([
    fundPositions(
      db,
      rows.map((r) => r.id),
    ),
    officesWithRegions(db, [...new Set(rows.map((r) => r.office_id))]),
  ]);
  return rows.map((r) => {
    const p = positions.find((x) => x.fund_id === r.id);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      source: r.source,
      officeCode: offices.find((o) => o.id === r.office_id)?.code ?? '',
      groupId: r.group_id,
      active: r.active,
      capital: p?.capital ?? '0',
      cash: p?.cash ?? '0',
      outstanding: p?.outstanding ?? '0',
    };
  });
}

/** What a fund can lend now; call with the fund locked (lockFundForLending) before a disbursement. */
export const availableCash = (db: Queryable, fundId: string) => fundCash(db, fundId);

/** A fund by id or by code, for other modules (which check it against the actor's scope themselves). */
export const fundById = (db: Queryable, id: string) => findFund(db, id);
export const fundByCode = (db: Queryable, code: string) => findFundByCode(db, code);
/** Fund codes by fund id, for another module's lists (one read for a page of rows). */
export async function fundCodesByIds(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await findFundCodesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.code]));
}
/** A group's revolving fund (its pot), for the USEP chain; undefined when the group has none. */
export const groupFundOf = (db: Queryable, groupId: string) => findGroupFund(db, groupId);
/** Locks a fund's row until the transaction ends: disbursements from one fund wait on each other. */
export const lockFundForLending = (tx: Tx, id: string) => lockFund(tx, id);
/** Credit minus debit of one account per office and fund through a date. */
export const creditBalancesOf = (db: Queryable, accountCode: string, through: string) =>
  creditBalancesByOfficeAndFund(db, accountCode, through);
/** Writes the daily balance snapshot of a closed day (see balances.store). */
export const snapshotLedgerBalances = (tx: Tx, date: string) => writeBalances(tx, date);
