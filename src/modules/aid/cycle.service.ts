import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { officeInScope, regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { ACCOUNTS, fundById, postEntry } from '../ledger/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { personNamesOf } from '../registry/index.ts';
import { AID_READERS, CYCLE_CHECKERS, CYCLE_MAKERS } from './aid.roles.ts';
import type { AidCycleRow, AidEntitlementRow, AidProgrammeRow } from './aid.tables.ts';
import {
  cycleApprovalRefusal,
  cycleTotals,
  entitlementApprovalRefusal,
  type FactsMember,
  isExcludable,
  paysPerUnitOnly,
  perUnitTemplate,
  REVIEW_PREFIX,
  type StoredComponent,
  unitEntitlement,
} from './cycle.rules.ts';
import type {
  ApproveSelection,
  approveEntitlementsResultSchema,
  CycleInput,
  CycleView,
  computeResultSchema,
  cycleListSchema,
  cycleWithTotalsSchema,
  EntitlementView,
  entitlementListQuerySchema,
  entitlementListSchema,
  reviewQuerySchema,
  reviewSchema,
} from './cycle.schema.ts';
import {
  approveComputedEntitlements,
  approveEntitlementRows,
  chunkBoundaries,
  computePerUnitChunk,
  countEntitlements,
  entitlementTotalsByStatus,
  findCycle,
  findCycleByStart,
  findEnrolmentChunk,
  findEntitlement,
  insertCycle,
  insertEntitlementRows,
  listCycleRows,
  listEntitlementRows,
  lockCycle,
  lockEntitlement,
  lockEntitlementsOfCycle,
  type NewEntitlement,
  reviewByChannelRows,
  reviewByRegionRows,
  shareCycle,
  updateCycle,
  updateEntitlement,
} from './cycle.store.ts';
import { maskAccount } from './enrolment.rules.ts';
import { memberFactsOf } from './member-facts.service.ts';
import { benefitProgrammeOf, type LoadedProgramme, loadProgramme } from './programme.service.ts';
import { findLatestCycle } from './rollout.store.ts';

/**
 * Payment cycles (docs/aid.md, "Cycles"). A cycle belongs to its programme and is run by the
 * office of the programme's fund: another office's cycle answers 404 like an unknown one (a
 * programme without a fund yet is organisation-wide: nothing can be owed from it). Entitlements
 * are seen and acted on only within the caller's regions.
 */

const programmeOf = async (db: Queryable, id: string) => (await loadProgramme(db, id)) as LoadedProgramme;

const fullNameOf = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.fullName : actorName(ctx.actor));

/** Whether the caller's offices run a programme's cycles: the fund's office (every office while it has none). */
async function programmeInScope(ctx: Context, db: Queryable, programme: AidProgrammeRow): Promise<boolean> {
  const scope = actorScope(ctx);
  if (scope.kind === 'all' || programme.fund_id === null) return true;
  const fund = await fundById(db, programme.fund_id);
  return fund !== undefined && officeInScope(scope, fund.office_id);
}

type CycleInScope = { cycle: AidCycleRow; programme: LoadedProgramme };

/** A cycle the caller may see (locked when `lock`), with its programme; 404 when unknown or another office's. */
async function cycleForActor(ctx: Context, db: Queryable, id: string, lock = false): Promise<CycleInScope> {
  const cycle = lock ? await lockCycle(db, id) : await findCycle(db, id);
  if (!cycle) throw notFound('cycle', id);
  const programme = await programmeOf(db, cycle.programme_id);
  if (!(await programmeInScope(ctx, db, programme.row))) throw notFound('cycle', id);
  return { cycle, programme };
}

/** An entitlement the caller may see: its cycle in scope and its village in the caller's regions. */
async function entitlementForActor(ctx: Context, db: Queryable, id: string): Promise<AidEntitlementRow> {
  const row = await findEntitlement(db, id);
  if (!row || !regionInScope(actorScope(ctx), row.village_code)) throw notFound('entitlement', id);
  const cycle = await findCycle(db, row.cycle_id);
  const programme = cycle ? await programmeOf(db, cycle.programme_id) : undefined;
  if (!programme || !(await programmeInScope(ctx, db, programme.row))) throw notFound('entitlement', id);
  return row;
}

/**
 * The cycle a programme's report reads: the one named (404 when unknown, of another programme or
 * another office's), else the programme's newest cycle the caller may see (null: none).
 */
export async function reportCycleOf(ctx: Context, programme: LoadedProgramme, cycleId?: string): Promise<AidCycleRow | null> {
  if (cycleId !== undefined) {
    const cycle = await findCycle(ctx.db, cycleId);
    if (!cycle || cycle.programme_id !== programme.row.id || !(await programmeInScope(ctx, ctx.db, programme.row)))
      throw notFound('cycle', cycleId);
    return cycle;
  }
  if (!(await programmeInScope(ctx, ctx.db, programme.row))) return null;
  return (await findLatestCycle(ctx.db, programme.row.id)) ?? null;
}

const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

const cycleView = (cycle: AidCycleRow, programmeCode: string): CycleView => ({
  id: cycle.id,
  programmeId: cycle.programme_id,
  programmeCode,
  name: cycle.name,
  periodStart: cycle.period_start,
  periodEnd: cycle.period_end,
  status: cycle.status,
  computeState: cycle.compute_state,
  computedAt: iso(cycle.computed_at),
  createdBy: cycle.created_by,
  createdByName: cycle.created_by_name,
  createdAt: iso(cycle.created_at) as string,
  approvedBy: cycle.approved_by,
  approvedByName: cycle.approved_by_name,
  approvedAt: iso(cycle.approved_at),
});

/** Opens a cycle of a programme for a period (makers); one per programme and start day. Audited. */
export async function createCycle(ctx: Context, programmeIdOrCode: string, input: CycleInput): Promise<CycleView> {
  assertRole(ctx, CYCLE_MAKERS);
  const programme = await loadProgramme(ctx.db, programmeIdOrCode);
  if (!programme || !(await programmeInScope(ctx, ctx.db, programme.row))) throw notFound('programme', programmeIdOrCode);
  if (input.periodEnd < input.periodStart) throw invalid('aid.date_range_reversed', 'periodEnd');
  return inTransaction(ctx, async (tx) => {
    if (await findCycleByStart(tx, programme.row.id, input.periodStart))
      throw conflict('aid.cycle_exists', 'periodStart', { programme: programme.row.code, periodStart: input.periodStart });
    const at = ctx.clock.now();
    const row: AidCycleRow = {
      id: uuidv7(at.getTime()),
      programme_id: programme.row.id,
      name: input.name,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      status: 'open',
      compute_state: 'idle',
      computed_at: null,
      created_by: actorName(ctx.actor),
      created_by_name: fullNameOf(ctx),
      created_at: at,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
    };
    await insertCycle(tx, row);
    const view = cycleView(row, programme.row.code);
    await recordAudit(tx, ctx, { action: 'aid.cycle_create', entityType: 'aid_cycle', entityId: row.id, after: view });
    return view;
  });
}

/** A programme's cycles, newest period first. */
export async function listCycles(ctx: Context, programmeIdOrCode: string): Promise<z.input<typeof cycleListSchema>> {
  assertRole(ctx, AID_READERS);
  const programme = await loadProgramme(ctx.db, programmeIdOrCode);
  if (!programme || !(await programmeInScope(ctx, ctx.db, programme.row))) throw notFound('programme', programmeIdOrCode);
  return { items: (await listCycleRows(ctx.db, programme.row.id)).map((c) => cycleView(c, programme.row.code)) };
}

/** One cycle with its entitlements' totals by status, within the caller's regions. */
export async function getCycle(ctx: Context, id: string): Promise<z.input<typeof cycleWithTotalsSchema>> {
  assertRole(ctx, AID_READERS);
  const { cycle, programme } = await cycleForActor(ctx, ctx.db, id);
  const rows = await entitlementTotalsByStatus(ctx.db, cycle.id, regionLikePatterns(actorScope(ctx)));
  return { ...cycleView(cycle, programme.row.code), totals: cycleTotals(rows) };
}

export type ComputeOptions = {
  /** Enrolments per transaction (default 10,000 on PostgreSQL, 1,000 on PGlite, which serves HTTP from the same thread). */
  chunkSize?: number;
  /** After each committed chunk: enrolments gone through, and how many there are. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
};

const defaultChunk = (ctx: Context) => (ctx.database.kind === 'pglite' ? 1_000 : 10_000);

/**
 * Computes a cycle: every enrolled unit of the programme (enrolled on or before the period's
 * last day) gets one entitlement, rates and ages read on the period's first day. In chunks of
 * enrolments by id, each its own transaction, so a run that dies leaves whole chunks and the
 * cycle `computing`; running again skips what is there (INSERT … ON CONFLICT DO NOTHING) and
 * computes the rest from the registry as it is now. A programme that pays per unit only is
 * computed in SQL alone; one that pays per member reads a chunk's members in one query and
 * writes the chunk in one statement. A unit owed nothing (no member in a paid category) gets
 * no entitlement; a later run computes it again. Audited once per finished run.
 */
export async function computeCycle(
  ctx: Context,
  cycleId: string,
  options: ComputeOptions = {},
): Promise<z.input<typeof computeResultSchema>> {
  assertRole(ctx, CYCLE_MAKERS);
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? defaultChunk(ctx)));
  const { cycle, programme } = await cycleForActor(ctx, ctx.db, cycleId);
  if (cycle.status !== 'open') throw conflict('aid.cycle_not_open', 'id', { status: cycle.status });
  const benefit = benefitProgrammeOf(programme);
  const template = perUnitTemplate(benefit, cycle.period_start);
  if (!template) throw invalid('aid.no_rate', 'periodStart', { date: cycle.period_start });
  const scope = { cycleId: cycle.id, programmeId: cycle.programme_id, periodEnd: cycle.period_end };

  await inTransaction(ctx, async (tx) => {
    const locked = (await lockCycle(tx, cycle.id)) as AidCycleRow;
    if (locked.status !== 'open') throw conflict('aid.cycle_not_open', 'id', { status: locked.status });
    await updateCycle(tx, cycle.id, { compute_state: 'computing', computed_at: null });
  });

  const { ends, total } = await chunkBoundaries(ctx.db, scope, chunkSize);
  const perUnit = paysPerUnitOnly(benefit);
  let done = 0;
  let inserted = 0;
  // The last range has no end: an enrolment made since the boundaries were read is computed too.
  const ranges = [...ends.slice(0, -1), null].map((upTo, i) => ({ after: i === 0 ? null : (ends[i - 1] as string), upTo }));
  for (const range of ranges) {
    const chunk = await inTransaction(ctx, async (tx) => {
      const held = await shareCycle(tx, cycle.id);
      if (held?.status !== 'open') throw conflict('aid.cycle_not_open', 'id', { status: held?.status });
      const at = ctx.clock.now();
      if (perUnit)
        return template.amount === 0n
          ? { scanned: 0, inserted: 0 }
          : computePerUnitChunk(tx, { ...scope, ...range, amount: template.amount.toString(), components: template.components, at });
      const enrolments = await findEnrolmentChunk(tx, { ...scope, ...range });
      const todo = enrolments.filter((e) => !e.done);
      const families = await memberFactsOf(tx, [...new Set(todo.map((e) => e.unit_household_id))], cycle.period_start);
      const rows: NewEntitlement[] = [];
      for (const e of todo) {
        const family: FactsMember[] = [...(families.get(e.unit_household_id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
        const members = e.person_id === null ? family : family.filter((m) => m.id === e.person_id);
        // A person enrolled who has died or left the family is owed nothing.
        if (e.person_id !== null && members.length === 0) continue;
        const owed = unitEntitlement(benefit, members, e.recipient_id, cycle.period_start);
        if (!owed || owed.amount === 0n) continue;
        rows.push({
          id: uuidv7(at.getTime()),
          enrolment_id: e.id,
          unit_household_id: e.unit_household_id,
          person_id: e.person_id,
          village_code: e.village_code,
          recipient_id: e.recipient_id,
          channel: e.channel,
          account: e.account,
          amount: owed.amount.toString(),
          components: JSON.stringify(owed.components),
        });
      }
      return { scanned: enrolments.length, inserted: await insertEntitlementRows(tx, cycle.id, rows, at) };
    });
    done += chunk.scanned;
    inserted += chunk.inserted;
    if (chunk.scanned > 0) await options.onProgress?.(Math.min(done, total), Math.max(total, done));
  }

  return inTransaction(ctx, async (tx) => {
    const locked = (await lockCycle(tx, cycle.id)) as AidCycleRow;
    if (locked.status !== 'open') throw conflict('aid.cycle_not_open', 'id', { status: locked.status });
    await updateCycle(tx, cycle.id, { compute_state: 'computed', computed_at: ctx.clock.now() });
    const count = await countEntitlements(tx, cycle.id);
    await recordAudit(tx, ctx, {
      action: 'aid.cycle_compute',
      entityType: 'aid_cycle',
      entityId: cycle.id,
      after: { programme: programme.row.code, periodStart: cycle.period_start, enrolments: total, inserted, entitlements: count },
    });
    return { inserted, total: count, computeState: 'computed' as const };
  });
}

/** What is owed per region of a level and per channel (not excluded), within the caller's regions, with the regions' names. */
export async function reviewCycle(
  ctx: Context,
  id: string,
  query: z.infer<typeof reviewQuerySchema>,
): Promise<z.input<typeof reviewSchema>> {
  assertRole(ctx, AID_READERS);
  const { cycle } = await cycleForActor(ctx, ctx.db, id);
  const patterns = regionLikePatterns(actorScope(ctx));
  const [regions, channels] = await Promise.all([
    reviewByRegionRows(ctx.db, cycle.id, REVIEW_PREFIX[query.level], patterns),
    reviewByChannelRows(ctx.db, cycle.id, patterns),
  ]);
  const names = new Map(
    (
      await findRegionsByCodes(
        ctx.db,
        regions.map((r) => r.code),
      )
    ).map((r) => [r.code, r.name]),
  );
  return {
    level: query.level,
    byRegion: regions.map((r) => ({ code: r.code, name: names.get(r.code) ?? r.code, count: r.count, amount: r.amount })),
    byChannel: channels,
    count: channels.reduce((n, c) => n + c.count, 0),
    amount: channels.reduce((sum, c) => sum + BigInt(c.amount), 0n).toString(),
  };
}

function refuse(code: NonNullable<ReturnType<typeof cycleApprovalRefusal | typeof entitlementApprovalRefusal>>, status: string): never {
  if (code === 'aid.maker_checker') throw new AppError(code, 'forbidden', { errors: [{ field: 'id', code }] });
  if (code === 'aid.no_fund') throw invalid(code, 'id');
  throw conflict(code, 'id', { status });
}

/** Approves a computed cycle (checkers; never its maker): its entitlements may then be approved and paid. Audited. */
export async function approveCycle(ctx: Context, cycleId: string): Promise<CycleView> {
  assertRole(ctx, CYCLE_CHECKERS);
  return inTransaction(ctx, async (tx) => {
    const { cycle, programme } = await cycleForActor(ctx, tx, cycleId, true);
    const facts = { status: cycle.status, computeState: cycle.compute_state, createdBy: cycle.created_by };
    const refusal = cycleApprovalRefusal(facts, actorName(ctx.actor), programme.row.fund_id !== null);
    if (refusal) refuse(refusal, refusal === 'aid.cycle_not_computed' ? cycle.compute_state : cycle.status);
    const at = ctx.clock.now();
    const after: AidCycleRow = {
      ...cycle,
      status: 'approved',
      approved_by: actorName(ctx.actor),
      approved_by_name: fullNameOf(ctx),
      approved_at: at,
    };
    await updateCycle(tx, cycle.id, {
      status: 'approved',
      approved_by: after.approved_by,
      approved_by_name: after.approved_by_name,
      approved_at: at,
    });
    const view = cycleView(after, programme.row.code);
    await recordAudit(tx, ctx, {
      action: 'aid.cycle_approve',
      entityType: 'aid_cycle',
      entityId: cycle.id,
      before: cycleView(cycle, programme.row.code),
      after: view,
    });
    return view;
  });
}

/**
 * Approves entitlements of an approved cycle (checkers; never the cycle's maker): every computed
 * one within the caller's regions (`{all: true}`), or those named (`{ids}`: each must be computed,
 * of this cycle and in the caller's regions, else 404 as unknown). One journal entry on the
 * programme's fund for the sum (Dr social assistance expense, Cr owed to recipients) and one audit
 * record per call. Asking again approves nothing twice.
 */
export async function approveEntitlements(
  ctx: Context,
  cycleId: string,
  selection: ApproveSelection,
): Promise<z.input<typeof approveEntitlementsResultSchema>> {
  assertRole(ctx, CYCLE_CHECKERS);
  return inTransaction(ctx, (tx) => approveInCycle(ctx, tx, cycleId, selection));
}

async function approveInCycle(ctx: Context, tx: Tx, cycleId: string, selection: ApproveSelection) {
  const { cycle, programme } = await cycleForActor(ctx, tx, cycleId, true);
  const refusal = entitlementApprovalRefusal(
    { status: cycle.status, computeState: cycle.compute_state, createdBy: cycle.created_by },
    actorName(ctx.actor),
    programme.row.fund_id !== null,
  );
  if (refusal) refuse(refusal, cycle.status);
  const fund = await fundById(tx, programme.row.fund_id as string);
  if (!fund) throw invalid('aid.no_fund', 'id');
  const patterns = regionLikePatterns(actorScope(ctx));
  const by = actorName(ctx.actor);
  const at = ctx.clock.now();
  let approved: { count: number; amount: string };
  if ('all' in selection) approved = await approveComputedEntitlements(tx, { cycleId: cycle.id, patterns, by, at });
  else {
    const ids = [...new Set(selection.ids)];
    const rows = await lockEntitlementsOfCycle(tx, cycle.id, ids, patterns);
    const found = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound('entitlement', missing);
    const notComputed = rows.find((r) => r.status !== 'computed');
    if (notComputed) throw conflict('aid.entitlement_not_computed', 'ids', { id: notComputed.id, status: notComputed.status });
    await approveEntitlementRows(tx, ids, by, at);
    approved = { count: rows.length, amount: rows.reduce((sum, r) => sum + BigInt(r.amount), 0n).toString() };
  }
  const amount = BigInt(approved.amount);
  const entryId =
    amount > 0n
      ? await postEntry(tx, ctx, {
          officeId: fund.office_id,
          entryDate: businessDate(ctx.clock),
          memo: `Bansos ${programme.row.code} ${cycle.name}: ${approved.count} hak disetujui`,
          source: { type: 'aid_cycle', id: cycle.id },
          lines: [
            { accountCode: ACCOUNTS.aidExpense, debit: amount, fundId: fund.id },
            { accountCode: ACCOUNTS.aidPayable, credit: amount, fundId: fund.id },
          ],
        })
      : null;
  await recordAudit(tx, ctx, {
    action: 'aid.entitlements_approve',
    entityType: 'aid_cycle',
    entityId: cycle.id,
    officeId: fund.office_id,
    after: { selection: 'all' in selection ? 'all' : selection.ids, approved: approved.count, amount: approved.amount, entryId },
  });
  return { approved: approved.count, amount: approved.amount, entryId };
}

/** Approves one entitlement: the same rules and ledger entry as approving several. */
export async function approveEntitlement(ctx: Context, id: string): Promise<EntitlementView> {
  assertRole(ctx, CYCLE_CHECKERS);
  await inTransaction(ctx, async (tx) => {
    const row = await entitlementForActor(ctx, tx, id);
    await approveInCycle(ctx, tx, row.cycle_id, { ids: [id] });
  });
  return getEntitlement(ctx, id);
}

/**
 * Excludes an entitlement with a reason (makers): one computed (under review) or approved (owed,
 * not yet instructed; the amount owed is reversed on the fund: Dr owed to recipients, Cr expense).
 * Audited with before and after.
 */
export async function excludeEntitlement(ctx: Context, id: string, input: { reason: string }): Promise<EntitlementView> {
  assertRole(ctx, CYCLE_MAKERS);
  await inTransaction(ctx, async (tx) => {
    const seen = await entitlementForActor(ctx, tx, id);
    const { cycle, programme } = await cycleForActor(ctx, tx, seen.cycle_id, true);
    const row = (await lockEntitlement(tx, id)) as AidEntitlementRow;
    if (cycle.status === 'closed') throw conflict('aid.cycle_closed', 'id', { status: cycle.status });
    if (!isExcludable(row.status)) throw conflict('aid.entitlement_not_excludable', 'id', { status: row.status });
    const at = ctx.clock.now();
    await updateEntitlement(tx, id, {
      status: 'excluded',
      exclusion_reason: input.reason,
      excluded_by: actorName(ctx.actor),
      updated_at: at,
    });
    let entryId: string | null = null;
    if (row.status === 'approved') {
      const fund = programme.row.fund_id ? await fundById(tx, programme.row.fund_id) : undefined;
      if (!fund) throw invalid('aid.no_fund', 'id');
      const amount = BigInt(row.amount);
      entryId = await postEntry(tx, ctx, {
        officeId: fund.office_id,
        entryDate: businessDate(ctx.clock),
        memo: `Bansos ${programme.row.code} ${cycle.name}: hak dikeluarkan (${input.reason})`,
        source: { type: 'aid_entitlement', id },
        lines: [
          { accountCode: ACCOUNTS.aidPayable, debit: amount, fundId: fund.id },
          { accountCode: ACCOUNTS.aidExpense, credit: amount, fundId: fund.id },
        ],
      });
    }
    await recordAudit(tx, ctx, {
      action: 'aid.entitlement_exclude',
      entityType: 'aid_entitlement',
      entityId: id,
      regionCode: row.village_code,
      before: { status: row.status, amount: row.amount },
      after: { status: 'excluded', reason: input.reason, entryId },
    });
  });
  return getEntitlement(ctx, id);
}

async function entitlementViews(db: Queryable, rows: AidEntitlementRow[]): Promise<EntitlementView[]> {
  const names = new Map(
    (
      await personNamesOf(
        db,
        rows.map((r) => r.recipient_id),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    enrolmentId: r.enrolment_id,
    householdId: r.unit_household_id,
    personId: r.person_id,
    recipientName: names.get(r.recipient_id) ?? '',
    villageCode: r.village_code,
    channel: r.channel,
    account: maskAccount(r.account) as string,
    amount: r.amount,
    components: r.components as StoredComponent[],
    status: r.status,
    exclusionReason: r.exclusion_reason,
    paidOn: r.paid_on,
  }));
}

/** A cycle's entitlements within the caller's regions, in id order, a page at a time. */
export async function listEntitlements(
  ctx: Context,
  cycleId: string,
  query: z.infer<typeof entitlementListQuerySchema>,
): Promise<z.input<typeof entitlementListSchema>> {
  assertRole(ctx, AID_READERS);
  const { cycle } = await cycleForActor(ctx, ctx.db, cycleId);
  const afterId = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : undefined;
  const rows = await listEntitlementRows(ctx.db, {
    cycleId: cycle.id,
    status: query.status,
    region: query.village,
    patterns: regionLikePatterns(actorScope(ctx)),
    afterId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await entitlementViews(ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['uuid'], [last.id]) : null,
  };
}

/** One entitlement, for readers in scope. */
export async function getEntitlement(ctx: Context, id: string): Promise<EntitlementView> {
  assertRole(ctx, AID_READERS);
  const row = await entitlementForActor(ctx, ctx.db, id);
  return (await entitlementViews(ctx.db, [row]))[0] as EntitlementView;
}
