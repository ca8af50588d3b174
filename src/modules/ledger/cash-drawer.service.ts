import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { formatRupiah } from '../../core/format.ts';
import { uuidv7 } from '../../core/ids.ts';
import { officeInScope } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { staffByIds } from '../identity/index.ts';
import { officesByIds, officesWithRegions, resolveOfficeForActor } from '../organisation/index.ts';
import {
  countDifference,
  DRAWER_PARTY,
  DRAWERS_IN_USE_DAYS,
  expectedCash,
  movementLines,
  piecesTotal,
  purposeAccount,
  purposeOf,
} from './cash-drawer.rules.ts';
import type {
  closeDrawerInputSchema,
  DrawerDetail,
  DrawerMovement,
  DrawerView,
  drawerListQuerySchema,
  drawerMovementInputSchema,
  MovementResult,
  openDrawerInputSchema,
} from './cash-drawer.schema.ts';
import {
  COUNT_SOURCE,
  closeDrawerRow,
  counterLines,
  type DrawerRow,
  drawerCashLines,
  drawerFlows,
  drawerOpenedAtOfficeSince,
  findDrawer,
  findOpenDrawerOf,
  insertDrawer,
  listDrawerRows,
  lockDrawer,
  lockOpenDrawerOf,
} from './cash-drawer.store.ts';
import { accountNameIn, findFundForActor, postingRefusal } from './ledger.access.ts';
import { DRAWER_HOLDERS, DRAWER_SUPERVISORS, LEDGER_READERS } from './ledger.roles.ts';
import { postEntry } from './ledger.service.ts';
import { findAccount, listAccountRows } from './ledger.store.ts';

/** Who keeps a drawer: cashiers, and the managers and admins who stand in for them. */

function signedInUser(ctx: Context) {
  if (ctx.actor.kind !== 'user') throw forbidden();
  return ctx.actor;
}

/** Opens the caller's drawer for a business day at one of their offices, with the float counted. */
export async function openDrawer(ctx: Context, input: z.infer<typeof openDrawerInputSchema>): Promise<DrawerDetail> {
  assertRole(ctx, DRAWER_HOLDERS);
  const user = signedInUser(ctx);
  let officeId: string;
  if (input.officeCode) officeId = await resolveOfficeForActor(ctx, ctx.db, input.officeCode, 'officeCode');
  else {
    const [only, ...more] = user.offices;
    if (!only || more.length > 0) throw invalid('cash_drawer.office_required', 'officeCode');
    officeId = only.id;
  }
  const today = businessDate(ctx.clock);
  const day = input.businessDate ?? today;
  if (day > today) throw invalid('cash_drawer.date_in_future', 'businessDate', { date: day });
  const id = uuidv7(ctx.clock.now().getTime());
  await inTransaction(ctx, async (tx) => {
    const opened = await insertDrawer(tx, {
      id,
      officeId,
      cashierId: user.id,
      businessDate: day,
      openingFloat: BigInt(input.openingFloat),
      openedBy: actorName(ctx.actor),
    });
    if (!opened) {
      const existing = await findOpenDrawerOf(tx, user.id);
      throw conflict('cash_drawer.already_open', 'businessDate', { date: existing?.business_date ?? '', id: existing?.id ?? '' });
    }
    await recordAudit(tx, ctx, {
      action: 'cash_drawer.open',
      entityType: 'cash_drawer',
      entityId: id,
      officeId,
      after: { businessDate: day, openingFloat: input.openingFloat },
    });
  });
  return getDrawer(ctx, id);
}

/** Drawers in the caller's scope; a cashier sees only their own. */
export async function listDrawers(ctx: Context, query: z.infer<typeof drawerListQuerySchema>): Promise<{ items: DrawerView[] }> {
  assertRole(ctx, LEDGER_READERS);
  const scope = actorScope(ctx);
  let officeIds = scope.kind === 'all' ? null : scope.officeIds;
  if (query.office) officeIds = [await resolveOfficeForActor(ctx, ctx.db, query.office, 'office')];
  const cashierId = ctx.actor.kind === 'user' && ctx.actor.role === 'cashier' ? ctx.actor.id : undefined;
  const rows = await listDrawerRows(ctx.db, {
    officeIds,
    cashierId,
    status: query.status,
    date: query.date,
    from: query.from,
    withDifference: query.difference === 'true',
    limit: query.limit,
  });
  const flows = await drawerFlows(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await drawerNames(ctx.db, rows);
  return { items: rows.map((row) => drawerView(row, flows.get(row.id), names)) };
}

const visibleTo = (ctx: Context, row: { office_id: string; cashier_id: string }) =>
  officeInScope(actorScope(ctx), row.office_id) &&
  !(ctx.actor.kind === 'user' && ctx.actor.role === 'cashier' && row.cashier_id !== ctx.actor.id);

/** One drawer: what it should hold now, and every cash movement through it. */
export async function getDrawer(ctx: Context, id: string): Promise<DrawerDetail> {
  assertRole(ctx, LEDGER_READERS);
  const row = await findDrawer(ctx.db, id);
  if (!row || !visibleTo(ctx, row)) throw notFound('cash_drawer', id);
  const [flows, movements, names] = await Promise.all([
    drawerFlows(ctx.db, [id]),
    drawerMovements(ctx, ctx.db, id),
    drawerNames(ctx.db, [row]),
  ]);
  return { ...drawerView(row, flows.get(id), names), movements };
}

type DrawerNames = {
  offices: Map<string, { code: string; name: string }>;
  staff: Map<string, { username: string; fullName: string }>;
};

/** The office codes and cashiers' names of drawer rows: one read of each for the whole list. */
async function drawerNames(db: Queryable, rows: DrawerRow[]): Promise<DrawerNames> {
  const [offices, staff] = await Promise.all([
    officesByIds(
      db,
      rows.map((r) => r.office_id),
    ),
    staffByIds(
      db,
      rows.map((r) => r.cashier_id),
    ),
  ]);
  return { offices, staff };
}

function drawerView(row: DrawerRow, flow: { cashIn: bigint; cashOut: bigint } | undefined, names: DrawerNames): DrawerView {
  const cashIn = flow?.cashIn ?? 0n;
  const cashOut = flow?.cashOut ?? 0n;
  const expected = row.expected_cash ?? expectedCash(BigInt(row.opening_float), cashIn, cashOut).toString();
  return {
    id: row.id,
    officeId: row.office_id,
    officeCode: names.offices.get(row.office_id)?.code ?? '',
    officeName: names.offices.get(row.office_id)?.name ?? '',
    cashier: {
      id: row.cashier_id,
      username: names.staff.get(row.cashier_id)?.username ?? '',
      fullName: names.staff.get(row.cashier_id)?.fullName ?? '',
    },
    businessDate: row.business_date,
    status: row.status,
    openingFloat: row.opening_float,
    cashIn: cashIn.toString(),
    cashOut: cashOut.toString(),
    expectedCash: expected,
    countedCash: row.counted_cash,
    difference: row.difference,
    differenceEntryId: row.difference_entry_id,
    closingNote: row.closing_note,
    openedBy: row.opened_by,
    openedAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closedBy: row.closed_by,
    countedPieces: row.counted_pieces ?? null,
  };
}

async function drawerMovements(ctx: Context, db: Queryable, drawerId: string, onlyEntry?: string): Promise<DrawerMovement[]> {
  const lines = (await drawerCashLines(db, drawerId)).filter((l) => !onlyEntry || l.entry_id === onlyEntry);
  const [others, accounts] = await Promise.all([
    counterLines(
      db,
      drawerId,
      lines.map((l) => l.entry_id),
    ),
    listAccountRows(db),
  ]);
  const names = new Map(accounts.map((a) => [a.code, accountNameIn(ctx.locale, a)]));
  return lines.map((line) => {
    const mine = others.filter((o) => o.entry_id === line.entry_id);
    const codes = [...new Set(mine.map((o) => o.account_code))];
    const debit = BigInt(line.debit);
    const direction = debit > 0n ? 'in' : 'out';
    const party = mine.find((o) => o.party_type && o.party_id && o.party_type !== DRAWER_PARTY);
    return {
      entryId: line.entry_id,
      date: line.entry_date,
      memo: line.memo,
      sourceType: line.source_type,
      direction,
      amount: (debit > 0n ? debit : BigInt(line.credit)).toString(),
      accounts: codes.map((code) => ({ code, name: names.get(code) ?? code })),
      purpose: line.source_type === 'cash_drawer' ? purposeOf(direction, codes) : null,
      party: party ? { type: party.party_type as string, id: party.party_id as string } : null,
      createdBy: line.created_by,
      createdAt: line.created_at.toISOString(),
    };
  });
}

/** The drawer locked, open, and held by the caller (only the holder moves its cash). */
async function lockedOpenDrawer(ctx: Context, tx: Tx, id: string, options: { holderOnly: boolean }) {
  const row = await lockDrawer(tx, id);
  if (!row || !visibleTo(ctx, row)) throw notFound('cash_drawer', id);
  const user = signedInUser(ctx);
  const holder = row.cashier_id === user.id;
  if (!holder && (options.holderOnly || !DRAWER_SUPERVISORS.includes(user.role))) throw new AppError('cash_drawer.not_holder', 'forbidden');
  if (row.status !== 'open') throw conflict('cash_drawer.closed', 'id', { date: row.business_date });
  return row;
}

async function drawerExpected(tx: Tx, row: { id: string; opening_float: string }) {
  const flow = (await drawerFlows(tx, [row.id])).get(row.id);
  return expectedCash(BigInt(row.opening_float), flow?.cashIn ?? 0n, flow?.cashOut ?? 0n);
}

/**
 * A receipt or payment at the counter not covered by another operation (a fee, a petty
 * expense, cash fetched from the bank): one balanced entry, its cash side on 1.1.01 tagged
 * with the drawer. At most once per idempotency key.
 */
export async function recordDrawerMovement(
  ctx: Context,
  drawerId: string,
  input: z.infer<typeof drawerMovementInputSchema>,
  idempotencyKey: string,
): Promise<{ replayed: boolean; response: MovementResult }> {
  assertRole(ctx, DRAWER_HOLDERS);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `cash_drawer.movement:${drawerId}`, body: input }, async () => {
      const drawer = await lockedOpenDrawer(ctx, tx, drawerId, { holderOnly: true });
      const accountCode = purposeAccount(input.direction, input.purpose);
      if (!accountCode) throw invalid('cash_drawer.purpose_not_for_direction', 'purpose');
      const refusal = postingRefusal(ctx.locale, accountCode, await findAccount(tx, accountCode), 'purpose');
      if (refusal) throw refusal;
      const fund = input.fundCode ? await findFundForActor(ctx, tx, { code: input.fundCode }) : undefined;
      if (input.fundCode && !fund) throw invalid('ledger.unknown_fund', 'fundCode', { code: input.fundCode });
      const amount = BigInt(input.amount);
      const before = await drawerExpected(tx, drawer);
      if (input.direction === 'out' && amount > before)
        throw conflict('cash_drawer.insufficient_cash', 'amount', { available: formatRupiah(before), amount: formatRupiah(input.amount) });
      const entryId = await postEntry(tx, ctx, {
        officeId: drawer.office_id,
        entryDate: drawer.business_date,
        memo: input.memo,
        source: { type: 'cash_drawer', id: drawerId },
        lines: movementLines(drawerId, { direction: input.direction, accountCode, amount, fundId: fund?.id ?? null }),
      });
      const [movement] = await drawerMovements(ctx, tx, drawerId, entryId);
      if (!movement) throw new Error(`movement ${entryId} not found after posting`);
      return {
        drawerId,
        movement,
        expectedCash: (input.direction === 'in' ? before + amount : before - amount).toString(),
      };
    }),
  );
}

/**
 * Counts and closes a drawer: the difference between what the journal says it holds and what
 * was counted is posted (shortage 5.2.01, overage 4.2.03), and the drawer takes no more postings.
 */
export async function closeDrawer(
  ctx: Context,
  drawerId: string,
  input: z.infer<typeof closeDrawerInputSchema>,
  idempotencyKey: string,
): Promise<{ replayed: boolean; response: DrawerDetail }> {
  assertRole(ctx, DRAWER_HOLDERS);
  const result = await inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `cash_drawer.close:${drawerId}`, body: input }, async () => {
      const drawer = await lockedOpenDrawer(ctx, tx, drawerId, { holderOnly: false });
      const expected = await drawerExpected(tx, drawer);
      const counted = BigInt(input.countedCash);
      const pieces = input.denominations?.filter((p) => p.pieces > 0).sort((a, b) => b.value - a.value) ?? null;
      if (pieces && new Set(pieces.map((p) => p.value)).size !== pieces.length)
        throw invalid('cash_drawer.denomination_twice', 'denominations');
      if (pieces && piecesTotal(pieces) !== counted)
        throw invalid('cash_drawer.pieces_mismatch', 'denominations', {
          total: formatRupiah(piecesTotal(pieces)),
          counted: formatRupiah(counted),
        });
      const { difference, lines } = countDifference(drawerId, expected, counted);
      const entryId =
        lines.length === 0
          ? null
          : await postEntry(tx, ctx, {
              officeId: drawer.office_id,
              entryDate: drawer.business_date,
              memo: `${difference < 0n ? 'Selisih kurang' : 'Selisih lebih'} kas laci ${drawer.business_date}${input.note ? `: ${input.note}` : ''}`,
              source: { type: COUNT_SOURCE, id: drawerId },
              lines,
            });
      await closeDrawerRow(tx, drawerId, {
        closedAt: ctx.clock.now(),
        closedBy: actorName(ctx.actor),
        expected,
        counted,
        difference,
        entryId,
        note: input.note || null,
        pieces: pieces && pieces.length > 0 ? pieces : null,
      });
      await recordAudit(tx, ctx, {
        action: 'cash_drawer.close',
        entityType: 'cash_drawer',
        entityId: drawerId,
        officeId: drawer.office_id,
        before: { status: 'open', expectedCash: expected.toString() },
        after: { status: 'closed', countedCash: input.countedCash, difference: difference.toString(), entryId, note: input.note ?? null },
      });
      const row = await findDrawer(tx, drawerId);
      if (!row) throw notFound('cash_drawer', drawerId);
      const [flows, movements, names] = await Promise.all([
        drawerFlows(tx, [drawerId]),
        drawerMovements(ctx, tx, drawerId),
        drawerNames(tx, [row]),
      ]);
      return { ...drawerView(row, flows.get(drawerId), names), movements };
    }),
  );
  return result;
}

/**
 * The drawer a user has open now, for operations at the counter (e.g. a repayment in cash) to
 * tag their 1.1.01 line with `{ type: 'cash_drawer', id }`. Pass `forUpdate` inside the posting
 * transaction so the drawer cannot be closed between the check and the posting.
 */
export async function openDrawerOf(db: Queryable, userId: string, options: { forUpdate?: boolean } = {}): Promise<OpenDrawer | null> {
  return openDrawerView(await findOpenDrawerOf(db, userId, options));
}
/** openDrawerOf with forUpdate, as a read to send with others (readTogether, `once`). */
export const lockOpenDrawer = (db: Queryable, userId: string) => lockOpenDrawerOf(db, userId, openDrawerView);

/**
 * The party for the teller-cash line of cash taken at an office's counter: the caller's open
 * drawer there (read with lockOpenDrawer). With none open there, refused (409
 * cash_drawer.not_open, naming the office) when the office uses drawers (one opened in the
 * last DRAWERS_IN_USE_DAYS days), so that no counter cash sits outside every drawer's count.
 */
export async function counterCashParty(
  ctx: Context,
  tx: Tx,
  officeId: string,
  drawer: OpenDrawer | null,
): Promise<{ type: typeof DRAWER_PARTY; id: string } | null> {
  if (drawer && drawer.officeId === officeId) return drawer.party;
  const since = addDays(businessDate(ctx.clock), -DRAWERS_IN_USE_DAYS);
  if (!(await drawerOpenedAtOfficeSince(tx, officeId, since))) return null;
  const [office] = await officesWithRegions(tx, [officeId]);
  throw conflict('cash_drawer.not_open', 'channel', { office: office?.code ?? '' });
}

type OpenDrawer = { id: string; officeId: string; businessDate: string; party: { type: typeof DRAWER_PARTY; id: string } };
const openDrawerView = (row: { id: string; office_id: string; business_date: string } | undefined): OpenDrawer | null =>
  row ? { id: row.id, officeId: row.office_id, businessDate: row.business_date, party: { type: DRAWER_PARTY, id: row.id } } : null;
