import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { type AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskName, maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { officeInScope } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { openDrawerOf, postEntry, reverseEntry } from '../ledger/index.ts';
import { officesByIds, resolveOfficeForActor, saveSetting, settingValue } from '../organisation/index.ts';
import { findPersonForActor, personsByIds } from '../registry/index.ts';
import { renderPassbook } from './passbook.ts';
import { SAVINGS_CORRECTORS, SAVINGS_READERS, SAVINGS_TELLERS, SETTINGS_KEEPERS } from './savings.roles.ts';
import {
  DEFAULT_SETTINGS,
  depositProblem,
  formatAccountNumber,
  type MovementType,
  movementLines,
  reversalProblem,
  type SavingsKind,
  type SavingsProblem,
  type SavingsSettings,
  wajibStanding,
  withdrawalProblem,
} from './savings.rules.ts';
import type {
  accountDetailSchema,
  accountListSchema,
  accountsQuerySchema,
  leaveResultSchema,
  MovementInput,
  MovementResult,
  OpenAccountInput,
  SavingsAccountView,
  SavingsMovementView,
  statementQuerySchema,
} from './savings.schema.ts';
import {
  allMovements,
  findAccount,
  findAccountMembers,
  findMovement,
  findMovementById,
  findOpenAccountOfKind,
  insertAccount,
  insertMovement,
  listAccounts,
  listMovements,
  lockAccount,
  lockOpenAccountsOfPerson,
  nextAccountSequence,
  reversalsOf,
  updateAccountAfterMovement,
} from './savings.store.ts';
import type { SavingsAccountRow, SavingsMovementRow } from './savings.tables.ts';

/** Tellers take and pay out money; corrections need a manager (a cashier does not undo their own entries). */

const KIND_NAME: Record<SavingsKind, string> = { pokok: 'simpanan pokok', wajib: 'simpanan wajib', sukarela: 'simpanan sukarela' };

const seesIdentifiers = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);

// ---- Settings ----

const SETTINGS_KEY = 'savings_amounts';

async function settingsOf(db: Queryable): Promise<SavingsSettings> {
  const stored = (await settingValue(db, SETTINGS_KEY)) as { pokokAmount: string; wajibAmount: string } | null;
  return stored ? { pokokAmount: BigInt(stored.pokokAmount), wajibAmount: BigInt(stored.wajibAmount) } : DEFAULT_SETTINGS;
}
const settingsView = (s: SavingsSettings) => ({ pokokAmount: s.pokokAmount.toString(), wajibAmount: s.wajibAmount.toString() });

export async function getSavingsSettings(ctx: Context) {
  assertRole(ctx, SAVINGS_READERS);
  return settingsView(await settingsOf(ctx.db));
}

/** The institution's amounts of simpanan pokok and of one period of simpanan wajib. */
export async function changeSavingsSettings(ctx: Context, input: { pokokAmount: string; wajibAmount: string }) {
  assertRole(ctx, SETTINGS_KEEPERS);
  return inTransaction(ctx, async (tx) => {
    const before = settingsView(await settingsOf(tx));
    await saveSetting(tx, SETTINGS_KEY, input, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'savings.settings_change',
      entityType: 'setting',
      entityId: SETTINGS_KEY,
      before,
      after: input,
    });
    return settingsView(await settingsOf(tx));
  });
}

// ---- Views ----

type AccountNames = {
  persons: Map<string, { fullName: string; nik: string }>;
  offices: Map<string, { code: string; name: string }>;
};

/** The members' names and the offices of account rows: one read of each for the whole page. */
async function accountNames(db: Queryable, rows: SavingsAccountRow[]): Promise<AccountNames> {
  const [persons, offices] = await Promise.all([
    personsByIds(
      db,
      rows.map((r) => r.person_id),
    ),
    officesByIds(
      db,
      rows.map((r) => r.office_id),
    ),
  ]);
  return { persons, offices };
}

function accountView(ctx: Context, row: SavingsAccountRow, names: AccountNames): SavingsAccountView {
  const visible = seesIdentifiers(ctx);
  const person = names.persons.get(row.person_id) ?? { fullName: '', nik: '' };
  const office = names.offices.get(row.office_id) ?? { code: '', name: '' };
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    balance: row.balance,
    withdrawable: row.kind === 'sukarela' && row.status === 'open',
    person: { id: row.person_id, fullName: person.fullName, nik: visible ? person.nik : maskNik(person.nik), nikMasked: !visible },
    officeCode: office.code,
    officeName: office.name,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    movementCount: row.movement_count,
  };
}

function movementView(row: SavingsMovementRow, reversedById: string | null): SavingsMovementView {
  return {
    id: row.id,
    seq: row.seq,
    type: row.type,
    amount: row.amount,
    balanceAfter: row.balance_after,
    valueDate: row.value_date,
    note: row.note,
    entryId: row.entry_id,
    reversesId: row.reverses_id,
    reversedById,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** The account if it belongs to an office in the caller's scope; otherwise it does not exist for them. */
async function accountInScope(ctx: Context, db: Queryable, id: string): Promise<SavingsAccountRow> {
  const account = await findAccount(db, id);
  if (!account || !officeInScope(actorScope(ctx), account.office_id)) throw notFound('savings_account', id);
  return account;
}

async function personInScope(ctx: Context, db: Queryable, id: string) {
  const person = await findPersonForActor(ctx, db, id);
  if (!person || person.merged_into) throw notFound('person', id);
  return person;
}

function problemError(problem: SavingsProblem, field: string): AppError {
  return problem.kind === 'conflict' ? conflict(problem.code, field, problem.params) : invalid(problem.code, field, problem.params);
}

// ---- Accounts ----

export async function openSavingsAccount(ctx: Context, input: OpenAccountInput): Promise<SavingsAccountView> {
  assertRole(ctx, SAVINGS_TELLERS);
  const person = await personInScope(ctx, ctx.db, input.personId);
  if (person.died_on) throw conflict('savings.person_deceased', 'personId');
  const officeId = await resolveOfficeForActor(ctx, ctx.db, input.officeCode, 'officeCode');
  const id = await inTransaction(ctx, async (tx) => {
    const existing = await findOpenAccountOfKind(tx, person.id, input.kind);
    if (existing) throw conflict('savings.account_exists', 'kind', { number: existing.number });
    const accountId = uuidv7(ctx.clock.now().getTime());
    const number = formatAccountNumber(input.officeCode, input.kind, await nextAccountSequence(tx, officeId, input.kind));
    const inserted = await insertAccount(tx, {
      id: accountId,
      number,
      person_id: person.id,
      office_id: officeId,
      region_code: person.village_code,
      kind: input.kind,
      opened_on: businessDate(ctx.clock),
      created_by: actorName(ctx.actor),
    });
    // A concurrent opening of the same kind got there first.
    if (!inserted) throw conflict('savings.account_exists', 'kind', { number: '' });
    await recordAudit(tx, ctx, {
      action: 'savings.account_open',
      entityType: 'savings_account',
      entityId: accountId,
      officeId,
      regionCode: person.village_code,
      after: { number, kind: input.kind, personId: person.id },
    });
    return accountId;
  });
  const account = await accountInScope(ctx, ctx.db, id);
  return accountView(ctx, account, await accountNames(ctx.db, [account]));
}

export async function listSavingsAccounts(
  ctx: Context,
  query: z.infer<typeof accountsQuerySchema>,
): Promise<z.infer<typeof accountListSchema>> {
  assertRole(ctx, SAVINGS_READERS);
  const scope = actorScope(ctx);
  let officeIds = scope.kind === 'all' ? null : scope.officeIds;
  if (query.office) officeIds = [await resolveOfficeForActor(ctx, ctx.db, query.office, 'office')];
  const afterNumber = query.cursor ? decodeCursor(query.cursor, ['text'])[0] : undefined;
  const rows = await listAccounts(ctx.db, { personId: query.person, officeIds, afterNumber, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const names = await accountNames(ctx.db, page);
  return {
    items: page.map((row) => accountView(ctx, row, names)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['text'], [last.number]) : null,
  };
}

/** The account with its statement: movements newest first, each with the balance after it. */
export async function getSavingsAccount(
  ctx: Context,
  id: string,
  query: z.infer<typeof statementQuerySchema>,
): Promise<z.infer<typeof accountDetailSchema>> {
  assertRole(ctx, SAVINGS_READERS);
  const account = await accountInScope(ctx, ctx.db, id);
  const beforeSeq = query.cursor ? decodeCursor(query.cursor, ['offset'])[0] : undefined;
  const rows = await listMovements(ctx.db, id, { beforeSeq, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const reversals = await reversalsOf(
    ctx.db,
    page.map((m) => m.id),
  );
  const last = page.at(-1);
  const standing =
    account.kind === 'wajib' && account.status === 'open'
      ? wajibStanding(account.opened_on, businessDate(ctx.clock), BigInt(account.balance), (await settingsOf(ctx.db)).wajibAmount)
      : null;
  return {
    ...accountView(ctx, account, await accountNames(ctx.db, [account])),
    wajib: standing && {
      ...standing,
      monthlyAmount: standing.monthlyAmount.toString(),
      arrearsAmount: standing.arrearsAmount.toString(),
    },
    movements: page.map((m) => movementView(m, reversals.get(m.id) ?? null)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['offset'], [Number(last.seq)]) : null,
  };
}

// ---- Money movements ----

type NewMovement = {
  type: MovementType;
  amount: bigint;
  note: string | null;
  memo: string;
  reverses?: SavingsMovementRow;
  close?: boolean;
};

/**
 * Posts one movement on a locked account: the journal entry (or counter-entry), the movement
 * row with the running balance, the account's new balance, the audit record.
 */
async function postMovement(
  tx: Tx,
  ctx: Context,
  account: SavingsAccountRow,
  names: AccountNames,
  movement: NewMovement,
): Promise<MovementResult> {
  const now = ctx.clock.now();
  const movementId = uuidv7(now.getTime());
  const valueDate = businessDate(ctx.clock);
  const source = { type: 'savings_movement', id: movementId };
  // Cash at the counter goes through the teller's open drawer at this office, if any, so the
  // drawer's count includes it. A reversal mirrors the original entry, drawer tag included.
  const drawer = !movement.reverses && ctx.actor.kind === 'user' ? await openDrawerOf(tx, ctx.actor.id, { forUpdate: true }) : null;
  const cashParty = drawer && drawer.officeId === account.office_id ? drawer.party : null;
  const entryId = movement.reverses
    ? await reverseEntry(tx, ctx, movement.reverses.entry_id, { memo: movement.memo, entryDate: valueDate, source })
    : await postEntry(tx, ctx, {
        officeId: account.office_id,
        entryDate: valueDate,
        memo: movement.memo,
        source,
        lines: movementLines(account.kind, account.id, movement.amount, cashParty),
      });
  const balance = BigInt(account.balance) + movement.amount;
  const seq = account.movement_count + 1;
  await insertMovement(tx, {
    id: movementId,
    account_id: account.id,
    seq,
    type: movement.type,
    amount: movement.amount,
    balance_after: balance,
    entry_id: entryId,
    value_date: valueDate,
    note: movement.note,
    reverses_id: movement.reverses?.id ?? null,
    created_by: actorName(ctx.actor),
  });
  await updateAccountAfterMovement(tx, account.id, {
    balance,
    movementCount: seq,
    closedOn: movement.close ? valueDate : undefined,
    now,
  });
  await recordAudit(tx, ctx, {
    action: `savings.${movement.type}`,
    entityType: 'savings_account',
    entityId: account.id,
    officeId: account.office_id,
    regionCode: account.region_code,
    before: { balance: account.balance },
    after: {
      movementId,
      entryId,
      amount: movement.amount.toString(),
      balance: balance.toString(),
      note: movement.note,
      reversesId: movement.reverses?.id ?? null,
      cashDrawerId: cashParty?.id ?? null,
    },
  });
  const [view, row] = await Promise.all([accountInScope(ctx, tx, account.id), findMovementById(tx, movementId)]);
  return { account: accountView(ctx, view, names), movement: movementView(row, null) };
}

export type Idempotent<T> = { replayed: boolean; response: T };

async function lockedAccount(tx: Tx, id: string): Promise<SavingsAccountRow> {
  const account = await lockAccount(tx, id);
  if (!account) throw notFound('savings_account', id);
  return account;
}

export async function depositSavings(ctx: Context, id: string, key: string, input: MovementInput): Promise<Idempotent<MovementResult>> {
  assertRole(ctx, SAVINGS_TELLERS);
  const names = await accountNames(ctx.db, [await accountInScope(ctx, ctx.db, id)]);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key, operation: 'savings.deposit', body: { accountId: id, ...input } }, async () => {
      const account = await lockedAccount(tx, id);
      const amount = BigInt(input.amount);
      const problem = depositProblem(
        account.kind,
        { balance: BigInt(account.balance), open: account.status === 'open' },
        amount,
        await settingsOf(tx),
      );
      if (problem) throw problemError(problem, 'amount');
      return postMovement(tx, ctx, account, names, {
        type: 'deposit',
        amount,
        note: input.note ?? null,
        memo: `Setoran ${KIND_NAME[account.kind]} ${account.number}`,
      });
    }),
  );
}

export async function withdrawSavings(ctx: Context, id: string, key: string, input: MovementInput): Promise<Idempotent<MovementResult>> {
  assertRole(ctx, SAVINGS_TELLERS);
  const names = await accountNames(ctx.db, [await accountInScope(ctx, ctx.db, id)]);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key, operation: 'savings.withdrawal', body: { accountId: id, ...input } }, async () => {
      const account = await lockedAccount(tx, id);
      const amount = BigInt(input.amount);
      const problem = withdrawalProblem(account.kind, { balance: BigInt(account.balance), open: account.status === 'open' }, amount);
      if (problem) throw problemError(problem, 'amount');
      return postMovement(tx, ctx, account, names, {
        type: 'withdrawal',
        amount: -amount,
        note: input.note ?? null,
        memo: `Penarikan ${KIND_NAME[account.kind]} ${account.number}`,
      });
    }),
  );
}

/** A wrong movement undone by a counter-movement and counter-entry; nothing is deleted. */
export async function reverseSavingsMovement(
  ctx: Context,
  id: string,
  movementId: string,
  key: string,
  input: { reason: string },
): Promise<Idempotent<MovementResult>> {
  assertRole(ctx, SAVINGS_CORRECTORS);
  const names = await accountNames(ctx.db, [await accountInScope(ctx, ctx.db, id)]);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key, operation: 'savings.reversal', body: { accountId: id, movementId, ...input } }, async () => {
      const account = await lockedAccount(tx, id);
      const movement = await findMovement(tx, id, movementId);
      if (!movement) throw notFound('savings_movement', movementId);
      const reversed = (await reversalsOf(tx, [movementId])).has(movementId);
      const amount = BigInt(movement.amount);
      const problem = reversalProblem(
        { type: movement.type, amount, reversed },
        { balance: BigInt(account.balance), open: account.status === 'open' },
      );
      if (problem) throw problemError(problem, 'movementId');
      return postMovement(tx, ctx, account, names, {
        type: 'reversal',
        amount: -amount,
        note: input.reason,
        memo: `Koreksi ${KIND_NAME[account.kind]} ${account.number}: ${input.reason}`,
        reverses: movement,
      });
    }),
  );
}

/**
 * A member leaves: every open savings account of the person is paid back in cash (pokok and
 * wajib, which are not withdrawable while a member, and any sukarela) and closed.
 */
export async function leaveMembership(
  ctx: Context,
  personId: string,
  key: string,
  input: { reason: string },
): Promise<Idempotent<z.infer<typeof leaveResultSchema>>> {
  assertRole(ctx, SAVINGS_TELLERS);
  await personInScope(ctx, ctx.db, personId);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key, operation: 'savings.leave', body: { personId, ...input } }, async () => {
      const accounts = await lockOpenAccountsOfPerson(tx, personId);
      if (accounts.length === 0) throw conflict('savings.not_a_member', 'personId');
      const scope = actorScope(ctx);
      if (accounts.some((a) => !officeInScope(scope, a.office_id))) throw forbidden();
      const names = await accountNames(tx, accounts);
      let paidOut = 0n;
      const results: { account: SavingsAccountView; movement: SavingsMovementView | null }[] = [];
      for (const account of accounts) {
        const balance = BigInt(account.balance);
        if (balance > 0n) {
          paidOut += balance;
          results.push(
            await postMovement(tx, ctx, account, names, {
              type: 'closure',
              amount: -balance,
              note: input.reason,
              memo: `Pengembalian ${KIND_NAME[account.kind]} ${account.number} (keluar anggota)`,
              close: true,
            }),
          );
        } else {
          await updateAccountAfterMovement(tx, account.id, {
            balance: 0n,
            movementCount: account.movement_count,
            closedOn: businessDate(ctx.clock),
            now: ctx.clock.now(),
          });
          results.push({ account: accountView(ctx, await accountInScope(ctx, tx, account.id), names), movement: null });
        }
      }
      await recordAudit(tx, ctx, {
        action: 'savings.leave',
        entityType: 'person',
        entityId: personId,
        after: { reason: input.reason, paidOut: paidOut.toString(), accounts: accounts.map((a) => a.number) },
      });
      return { personId, paidOut: paidOut.toString(), accounts: results };
    }),
  );
}

// ---- Passbook ----

/** The buku tabungan: every movement oldest first with the balance after it. */
export async function savingsPassbookPdf(ctx: Context, id: string): Promise<Buffer> {
  assertRole(ctx, SAVINGS_READERS);
  const account = await accountInScope(ctx, ctx.db, id);
  const visible = seesIdentifiers(ctx);
  const [movements, names] = await Promise.all([allMovements(ctx.db, id), accountNames(ctx.db, [account])]);
  const person = names.persons.get(account.person_id) ?? { fullName: '', nik: '' };
  const office = names.offices.get(account.office_id) ?? { code: '', name: '' };
  return renderPassbook({
    number: account.number,
    kind: account.kind,
    status: account.status,
    memberName: visible ? person.fullName : maskName(person.fullName),
    nik: visible ? person.nik : maskNik(person.nik),
    office: `${office.code} — ${office.name}`,
    openedOn: account.opened_on,
    closedOn: account.closed_on,
    balance: account.balance,
    movements: movements.map((m) => ({
      seq: m.seq,
      date: m.value_date,
      type: m.type,
      amount: m.amount,
      balanceAfter: m.balance_after,
      note: m.note,
    })),
  });
}

/** Whose savings account each of these is (documents that name the member, e.g. a drawer's end-of-day report). */
export async function savingsAccountMembers(db: Queryable, ids: string[]): Promise<Map<string, { personId: string; number: string }>> {
  const rows = await findAccountMembers(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { personId: row.person_id, number: row.number }]));
}
