import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths, daysBetween, monthsBetween } from '../../core/dates.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { formatDate, formatMonth, formatRupiah } from '../../core/format.ts';
import { firstTime } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { sumRupiah } from '../../core/money.ts';
import { officeInScope, regionInScope } from '../../core/scope.ts';
import { terbilangRupiah } from '../../core/terbilang.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { renderPdf } from '../../pdf/document.ts';
import { recordAudit } from '../audit/index.ts';
import { cadreFamilies, cadreOfFamily, cadreRecord, jknParticipantsOf, lockCadreRecord, recruitsInMonth } from '../cadres/index.ts';
import { once } from '../idempotency/index.ts';
import { displayNames } from '../identity/index.ts';
import { firstBilledMonth, jknRateOf, quoteFamily, rehabPlanOfFamily } from '../jkn/index.ts';
import { ACCOUNTS, postEntry } from '../ledger/index.ts';
import { archivedMonthsIn } from '../partitions/index.ts';

import { type HouseholdWithPersons, householdsWithPersons, personsByIds } from '../registry/index.ts';
import { collectionSettings } from './collection-settings.ts';
import { COLLECTORS, READERS } from './contributions.roles.ts';
import { amountForMonths, cashHeldSince, depositTimeliness, incentive, monthSpan } from './contributions.rules.ts';
import {
  accountsAndLastVisits,
  collectionsOf,
  depositedBy,
  depositsOf,
  familyAccount,
  findPayment,
  insertDeposit,
  insertPayment,
  insertVisit,
  latestDepositsOf,
  latestPaymentsOf,
  lockFamilyAccount,
  monthFigures,
  paymentsInMonth,
  upsertFamilyAccount,
  visitsOf,
  visitsOfHousehold,
} from './contributions.store.ts';

const CADRE_PARTY = 'cadre';

const findHousehold = async (db: Queryable, id: string) => (await householdsWithPersons(db, [id]))[0];
const findCadreRow = cadreRecord;

/** Persons alive, and the head among them (if any), of a household. */
const living = (h: HouseholdWithPersons) => h.persons.filter((p) => p.diedOn === null);
const headOf = (persons: HouseholdWithPersons['persons']) => persons.find((p) => p.relation === 'head')?.fullName ?? null;

/** The household's PBPU (self-paying) participants alive and their class: one query in registry, one in cadres. */
async function payingMembers(db: Queryable, household: HouseholdWithPersons) {
  const participants = await jknParticipantsOf(
    db,
    living(household).map((p) => p.id),
  );
  return participants.filter((j) => j.segment === 'PBPU');
}

/**
 * The cadre's families with their head, paid-through month, PBPU persons and class, and last
 * visit: the family ids in cadres, the households with their persons in registry, then JKN
 * participation in cadres alongside this module's accounts and visits (four round trips, whatever the caseload).
 */
async function familiesOfCadre(db: Queryable, cadreId: string) {
  const households = await householdsWithPersons(db, await cadreFamilies(db, cadreId));
  const ids = households.map((h) => h.id);
  const [participants, own] = await Promise.all([
    jknParticipantsOf(
      db,
      households.flatMap((h) => h.persons.map((p) => p.id)),
    ),
    accountsAndLastVisits(db, ids),
  ]);
  const participantOf = new Map(participants.map((j) => [j.person_id, j]));
  const paidThrough = new Map<string, string>();
  const lastVisit = new Map<string, string>();
  for (const r of own) {
    if (r.paid_through !== null) paidThrough.set(r.household_id, r.paid_through);
    if (r.last_visit !== null) lastVisit.set(r.household_id, r.last_visit);
  }
  return households.map((h) => {
    const classes = h.persons.flatMap((p) => participantOf.get(p.id)?.jkn_class ?? []).sort();
    return {
      household_id: h.id,
      kk_number: h.kkNumber,
      address: h.address,
      rt: h.rt,
      rw: h.rw,
      phone: h.phone,
      head_name: headOf(living(h)),
      paid_through: paidThrough.get(h.id) ?? null,
      persons: living(h).filter((p) => participantOf.get(p.id)?.segment === 'PBPU').length,
      jkn_class: classes[0] ?? null,
      last_visit: lastVisit.get(h.id) ?? null,
    };
  });
}

/** A cadre the caller may act for: their own record (cadre role) or one at an office in scope. */
async function cadreFor(ctx: Context, db: Queryable, cadreId: string) {
  const row = await findCadreRow(db, cadreId);
  const own = ctx.actor.kind === 'user' && ctx.actor.role === 'cadre';
  if (!row || (own ? row.user_id !== (ctx.actor.kind === 'user' ? ctx.actor.id : null) : !officeInScope(actorScope(ctx), row.office_id)))
    throw notFound('cadre', cadreId);
  return row;
}

/**
 * The family a collection or visit names, seen as householdFor sees it by id: a cadre sees only
 * their own families, anyone else their regions; beyond that a family answers as an unknown one.
 */
async function familyOf(ctx: Context, db: Queryable, cadreId: string, householdId: string) {
  const household = await findHousehold(db, householdId);
  const assigned = household ? await cadreOfFamily(db, householdId) : undefined;
  const ownCaseload = ctx.actor.kind === 'user' && ctx.actor.role === 'cadre';
  const visible = ownCaseload ? assigned?.cadre_id === cadreId : household && regionInScope(actorScope(ctx), household.villageCode);
  if (!household || !visible) throw invalid('contributions.family_unknown', 'householdId');
  if (assigned?.cadre_id !== cadreId) throw conflict('contributions.not_your_family', 'householdId');
  return household;
}

/**
 * The household when the caller may see or set its JKN account: a cadre only a family assigned
 * to them (their offices' regions are a whole branch, not their caseload); anyone else in scope.
 */
async function householdFor(ctx: Context, db: Queryable, householdId: string) {
  const household = await findHousehold(db, householdId);
  if (!household) throw notFound('household', householdId);
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'cadre') {
    const assigned = await cadreOfFamily(db, householdId);
    if (assigned?.user_id !== ctx.actor.id) throw notFound('household', householdId);
  } else if (!regionInScope(actorScope(ctx), household.villageCode)) throw notFound('household', householdId);
  return household;
}

/** The family's paying members (PBPU), their class and what they owe as of a day. */
async function familyDues(db: Queryable, household: HouseholdWithPersons, paidThrough: string | null, asOf: string) {
  const members = await payingMembers(db, household);
  const jknClass = members[0]?.jkn_class ?? null;
  const input = jknClass && paidThrough ? { jknClass, persons: members.length, paidThrough, asOf } : null;
  const quote = input ? quoteFamily(input) : null;
  const rehab = input && quote?.rehabEligible ? rehabPlanOfFamily(input) : null;
  return { persons: members.length, jknClass, paidThrough, quote, rehab };
}

export async function setPaidThrough(ctx: Context, householdId: string, paidThrough: string) {
  assertRole(ctx, COLLECTORS);
  await inTransaction(ctx, async (tx) => {
    const household = await householdFor(ctx, tx, householdId);
    await upsertFamilyAccount(tx, householdId, paidThrough);
    await recordAudit(tx, ctx, {
      action: 'jkn.paid_through',
      entityType: 'household',
      entityId: householdId,
      regionCode: household.villageCode,
      after: { paidThrough },
    });
  });
  return getFamilyDues(ctx, householdId);
}

export async function getFamilyDues(ctx: Context, householdId: string, asOf?: string) {
  assertRole(ctx, READERS);
  const household = await householdFor(ctx, ctx.db, householdId);
  const account = await familyAccount(ctx.db, householdId);
  const dues = await familyDues(ctx.db, household, account?.paid_through ?? null, asOf ?? businessDate(ctx.clock));
  return { householdId, kkNumber: household.kkNumber, ...dues };
}

/**
 * A cadre collects a family's contributions for `months` months from the month after the
 * paid-through month — or, for a family more than 24 months behind, from 24 months before the
 * month of payment (older arrears are no longer billed): the amount must be exactly those
 * months at their rates. Cash goes to
 * the cadre's cash in transit (1.1.03) against contributions held for BPJS (2.2.01). Once per
 * idempotency key.
 */
export async function collectContribution(
  ctx: Context,
  cadreId: string,
  input: { householdId: string; months: number; amount: string; paidOn?: string; receiptNumber?: string },
  idempotencyKey: string,
) {
  assertRole(ctx, COLLECTORS);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `jkn.contribution:${cadreId}`, body: input }, async () => {
      const cadre = await cadreFor(ctx, tx, cadreId);
      if (cadre.status !== 'active') throw conflict('contributions.cadre_not_active', 'cadreId', { status: cadre.status });
      const household = await familyOf(ctx, tx, cadreId, input.householdId);
      const account = await lockFamilyAccount(tx, input.householdId);
      if (!account) throw conflict('contributions.paid_through_unknown', 'householdId');
      const members = await payingMembers(tx, household);
      const jknClass = members[0]?.jkn_class;
      if (!jknClass) throw conflict('contributions.no_paying_members', 'householdId');
      const paidOn = input.paidOn ?? businessDate(ctx.clock);
      const firstMonth = firstBilledMonth(account.paid_through, paidOn.slice(0, 7));
      const expected = amountForMonths((month) => jknRateOf(jknClass, month), members.length, firstMonth, input.months);
      if (expected === null) throw invalid('jkn.no_rate', 'months', { month: formatMonth(firstMonth, ctx.locale) });
      if (BigInt(input.amount) !== BigInt(expected))
        throw invalid('contributions.amount_wrong', 'amount', {
          expected: formatRupiah(BigInt(expected)),
          months: input.months,
          first: formatMonth(firstMonth, ctx.locale),
        });
      const id = uuidv7(ctx.clock.now().getTime());
      // Taken in the field, the number the phone gave (F007-00012); at the office, one made here.
      const receiptNumber = input.receiptNumber ?? `IUR-${paidOn.replace(/-/g, '')}-${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
      const entryId = await postEntry(tx, ctx, {
        officeId: cadre.office_id,
        entryDate: paidOn,
        memo: `Iuran JKN KK ${household.kkNumber.slice(0, 6)}… ${firstMonth} (${input.months} bln)`,
        source: { type: 'jkn.contribution', id },
        lines: [
          { accountCode: ACCOUNTS.cashInTransit, debit: BigInt(expected), party: { type: CADRE_PARTY, id: cadreId } },
          { accountCode: ACCOUNTS.jknContributionsHeld, credit: BigInt(expected), party: { type: 'household', id: input.householdId } },
        ],
      });
      const lastMonth = addMonths(firstMonth, input.months - 1);
      await insertPayment(tx, {
        id,
        household_id: input.householdId,
        cadre_id: cadreId,
        office_id: cadre.office_id,
        first_month: firstMonth,
        months: input.months,
        amount: BigInt(expected),
        paid_on: paidOn,
        receipt_number: receiptNumber,
        received_by: actorName(ctx.actor),
        journal_entry_id: entryId,
      });
      await upsertFamilyAccount(tx, input.householdId, lastMonth);
      await recordAudit(tx, ctx, {
        action: 'jkn.contribution_collect',
        entityType: 'household',
        entityId: input.householdId,
        officeId: cadre.office_id,
        after: { paymentId: id, firstMonth, months: input.months, amount: String(expected) },
      });
      return {
        id,
        receiptNumber,
        householdId: input.householdId,
        firstMonth,
        lastMonth,
        months: input.months,
        amount: String(expected),
        amountInWords: terbilangRupiah(expected),
        paidOn,
        receivedBy: actorName(ctx.actor),
        receiptPath: `/api/v1/contributions/${id}/receipt.pdf`,
      };
    }),
  );
}

/** The cadre's latest collections, each with its receipt. */
export async function listCollections(ctx: Context, cadreId: string, limit: number) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const rows = await latestPaymentsOf(ctx.db, cadreId, limit);
  const households = await householdsWithPersons(
    ctx.db,
    rows.map((p) => p.household_id),
  );
  const headName = new Map(households.map((h) => [h.id, headOf(h.persons)]));
  return {
    items: rows.map((p) => ({
      id: p.id,
      receiptNumber: p.receipt_number,
      householdId: p.household_id,
      headName: headName.get(p.household_id) ?? null,
      firstMonth: p.first_month,
      lastMonth: addMonths(p.first_month, p.months - 1),
      months: p.months,
      amount: String(p.amount),
      paidOn: p.paid_on,
      receivedBy: p.received_by,
      receiptPath: `/api/v1/contributions/${p.id}/receipt.pdf`,
    })),
  };
}

/** The cadre's latest deposits of collected cash, newest first. */
export async function listDeposits(ctx: Context, cadreId: string, limit: number) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const rows = await latestDepositsOf(ctx.db, cadreId, limit);
  return {
    items: rows.map((d) => ({
      id: d.id,
      depositedOn: d.deposited_on,
      amount: String(d.amount),
      channel: d.channel,
      reference: d.reference,
      recordedBy: d.recorded_by,
    })),
  };
}

export async function contributionReceiptPdf(ctx: Context, paymentId: string): Promise<Buffer> {
  assertRole(ctx, READERS);
  const payment = await findPayment(ctx.db, paymentId);
  if (!payment) throw notFound('contribution', paymentId);
  await cadreFor(ctx, ctx.db, payment.cadre_id);
  const household = await findHousehold(ctx.db, payment.household_id);
  const lastMonth = addMonths(payment.first_month, payment.months - 1);
  // The cadre by name, never the username ("kader"); a system actor in words.
  const receiver = (await displayNames(ctx.db, [payment.received_by], 'id')).get(payment.received_by) ?? payment.received_by;
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text('KUITANSI IURAN JKN-KIS', { align: 'center' });
      doc.font('Helvetica').fontSize(10).moveDown(0.5);
      doc.text(`No. ${payment.receipt_number}`, { align: 'center' }).moveDown();
      const line = (label: string, value: string) => doc.text(`${label.padEnd(22, ' ')}: ${value}`);
      line('Telah terima dari', `Keluarga KK ${household?.kkNumber ?? ''}`);
      line('Uang sejumlah', formatRupiah(BigInt(payment.amount)));
      line('Terbilang', terbilangRupiah(payment.amount));
      line('Untuk', `Iuran JKN-KIS ${payment.months} bulan (${monthSpan(payment.first_month, lastMonth, 'id')})`);
      line('Tanggal', formatDate(payment.paid_on));
      line('Diterima oleh', receiver);
      doc.moveDown(2).text('Kuitansi ini sah tanpa tanda tangan basah; simpan sebagai bukti pembayaran.', { align: 'left' });
    },
    { title: `Kuitansi ${payment.receipt_number}`, size: 'A5' },
  );
}

/** Cash the cadre holds (collected, not yet deposited), since when, and whether it is held too long. */
export async function cadreCash(ctx: Context, cadreId: string, asOf?: string) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const today = asOf ?? businessDate(ctx.clock);
  const [collections, deposited, settings] = await Promise.all([
    collectionsOf(ctx.db, cadreId),
    depositedBy(ctx.db, cadreId),
    collectionSettings(ctx.db),
  ]);
  const { held, since } = cashHeldSince(
    collections.map((c) => ({ paidOn: c.paid_on, amount: BigInt(c.amount) })),
    deposited,
  );
  const daysHeld = since ? daysBetween(since, today) : 0;
  return {
    cadreId,
    held: held.toString(),
    since,
    daysHeld,
    limitDays: settings.cashHoldingLimitDays,
    flagged: held > 0n && daysHeld > settings.cashHoldingLimitDays,
  };
}

/** The cadre deposits collected cash at a bank or payment point: the contributions leave the books. */
export async function depositCash(
  ctx: Context,
  cadreId: string,
  input: { amount: string; depositedOn?: string; channel: 'bank' | 'payment_point' | 'office'; reference: string },
  idempotencyKey: string,
) {
  assertRole(ctx, COLLECTORS);
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `jkn.deposit:${cadreId}`, body: input }, async () => {
      const cadre = await cadreFor(ctx, tx, cadreId);
      await lockCadreRecord(tx, cadreId);
      const [collections, deposited] = await Promise.all([collectionsOf(tx, cadreId), depositedBy(tx, cadreId)]);
      const held = sumRupiah(collections.map((c) => c.amount)) - deposited;
      const amount = BigInt(input.amount);
      if (amount > held) throw conflict('contributions.deposit_exceeds_cash', 'amount', { held: formatRupiah(held) });
      const depositedOn = input.depositedOn ?? businessDate(ctx.clock);
      const id = uuidv7(ctx.clock.now().getTime());
      const entryId = await postEntry(tx, ctx, {
        officeId: cadre.office_id,
        entryDate: depositedOn,
        memo: `Setoran iuran JKN kader (${input.channel}: ${input.reference})`,
        source: { type: 'jkn.deposit', id },
        lines: [
          { accountCode: ACCOUNTS.jknContributionsHeld, debit: amount },
          { accountCode: ACCOUNTS.cashInTransit, credit: amount, party: { type: CADRE_PARTY, id: cadreId } },
        ],
      });
      await insertDeposit(tx, {
        id,
        cadre_id: cadreId,
        office_id: cadre.office_id,
        deposited_on: depositedOn,
        amount,
        channel: input.channel,
        reference: input.reference,
        recorded_by: actorName(ctx.actor),
        journal_entry_id: entryId,
      });
      await recordAudit(tx, ctx, {
        action: 'jkn.deposit',
        entityType: 'cadre',
        entityId: cadreId,
        officeId: cadre.office_id,
        after: { amount: input.amount, channel: input.channel, reference: input.reference },
      });
      return {
        id,
        amount: input.amount,
        depositedOn,
        channel: input.channel,
        reference: input.reference,
        heldAfter: (held - amount).toString(),
      };
    }),
  );
}

export async function recordVisit(
  ctx: Context,
  cadreId: string,
  input: {
    householdId: string;
    visitedOn?: string;
    kind: 'socialisation' | 'reminder' | 'complaint' | 'recruitment' | 'follow_up';
    outcome: string;
    notes?: string;
  },
  idempotencyKey?: string,
) {
  assertRole(ctx, COLLECTORS);
  const id = uuidv7(ctx.clock.now().getTime());
  const visitedOn = input.visitedOn ?? businessDate(ctx.clock);
  if (visitedOn > businessDate(ctx.clock)) throw invalid('contributions.visit_in_future', 'visitedOn');
  const view = { id, householdId: input.householdId, visitedOn, kind: input.kind, outcome: input.outcome, notes: input.notes ?? null };
  const record = async (tx: Tx) => {
    const cadre = await cadreFor(ctx, tx, cadreId);
    await familyOf(ctx, tx, cadreId, input.householdId);
    await insertVisit(tx, {
      id,
      cadre_id: cadreId,
      household_id: input.householdId,
      visited_on: visitedOn,
      kind: input.kind,
      outcome: input.outcome,
      notes: input.notes ?? null,
      recorded_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'jkn.visit',
      entityType: 'household',
      entityId: input.householdId,
      officeId: cadre.office_id,
      after: { kind: input.kind, visitedOn },
    });
    return view;
  };
  // A visit synced from the field app carries a key: a replay records nothing new.
  if (!idempotencyKey) return firstTime(await inTransaction(ctx, record));
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: `jkn.visit:${cadreId}`, body: input }, () => record(tx)),
  );
}

export async function listVisits(ctx: Context, cadreId: string, limit: number) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const rows = await visitsOf(ctx.db, cadreId, limit);
  return {
    items: rows.map((v) => ({
      id: v.id,
      householdId: v.household_id,
      visitedOn: v.visited_on,
      kind: v.kind,
      outcome: v.outcome,
      notes: v.notes,
    })),
  };
}

/**
 * A family's latest cadre visits and their outcomes, with the cadre's name: for the person and
 * household pages. Seen as the family's dues are (a cadre: only their own families).
 */
export async function householdVisits(ctx: Context, householdId: string, limit: number) {
  assertRole(ctx, READERS);
  await householdFor(ctx, ctx.db, householdId);
  const rows = await visitsOfHousehold(ctx.db, householdId, limit);
  const cadres = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.cadre_id))) cadres.set(id, (await cadreRecord(ctx.db, id))?.person_id ?? null);
  const names = await personsByIds(
    ctx.db,
    [...cadres.values()].filter((id): id is string => id !== null),
  );
  return {
    items: rows.map((v) => {
      const personId = cadres.get(v.cadre_id) ?? null;
      return {
        id: v.id,
        householdId: v.household_id,
        cadreId: v.cadre_id,
        cadreName: (personId && names.get(personId)?.fullName) || null,
        visitedOn: v.visited_on,
        kind: v.kind,
        outcome: v.outcome,
        notes: v.notes,
      };
    }),
  };
}

/** Today's worklist: families most in arrears first, then the longest unvisited. */
export async function worklist(ctx: Context, cadreId: string, asOf?: string) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const today = asOf ?? businessDate(ctx.clock);
  const families = await familiesOfCadre(ctx.db, cadreId);
  const items = families.map((f) => {
    const input =
      f.jkn_class && f.paid_through && f.persons > 0
        ? { jknClass: f.jkn_class as 'I' | 'II' | 'III', persons: f.persons, paidThrough: f.paid_through, asOf: today }
        : null;
    const quote = input ? quoteFamily(input) : null;
    const rehab = input && quote?.rehabEligible ? rehabPlanOfFamily(input) : null;
    return {
      householdId: f.household_id,
      kkNumber: f.kk_number,
      headName: f.head_name,
      address: f.address,
      rt: f.rt,
      rw: f.rw,
      phone: f.phone,
      jknClass: f.jkn_class,
      persons: f.persons,
      monthlyDue: quote ? String(quote.monthlyDue) : null,
      paidThrough: f.paid_through,
      arrearsMonths: quote?.arrearsMonths ?? null,
      reactivationTotal: quote ? String(quote.reactivationTotal) : null,
      lastVisitOn: f.last_visit,
      daysSinceVisit: f.last_visit ? daysBetween(f.last_visit, today) : null,
      ...(rehab ? { rehab } : {}),
    };
  });
  items.sort((a, b) => (b.arrearsMonths ?? -1) - (a.arrearsMonths ?? -1) || (a.lastVisitOn ?? '').localeCompare(b.lastVisitOn ?? ''));
  return { asOf: today, items };
}

/** A cadre's month: visits, recruits, collected against due, collectability, cash held, incentive. */
export async function performance(ctx: Context, cadreId: string, month: string) {
  assertRole(ctx, READERS);
  await cadreFor(ctx, ctx.db, cadreId);
  const [figures, recruited, families, payments, cash, collections, deposits, settings, archived] = await Promise.all([
    monthFigures(ctx.db, cadreId, month),
    recruitsInMonth(ctx.db, cadreId, month),
    familiesOfCadre(ctx.db, cadreId),
    paymentsInMonth(ctx.db, cadreId, month),
    cadreCash(ctx, cadreId),
    collectionsOf(ctx.db, cadreId),
    depositsOf(ctx.db, cadreId),
    collectionSettings(ctx.db),
    archivedOfMonth(ctx.db, month),
  ]);
  const timeliness = depositTimeliness(
    collections.map((c) => ({ paidOn: c.paid_on, amount: BigInt(c.amount) })),
    deposits.map((d) => ({ depositedOn: d.deposited_on, amount: BigInt(d.amount) })),
    settings.cashHoldingLimitDays,
    month,
  );
  let due = 0;
  for (const f of families) if (f.jkn_class && f.persons > 0) due += (jknRateOf(f.jkn_class as 'I' | 'II' | 'III', month) ?? 0) * f.persons;
  // Arrears collected: the share of each payment that covered months before the month it was paid in.
  let arrearsCollected = 0;
  for (const p of payments) {
    const arrearsMonths = Math.max(0, Math.min(p.months, monthsBetween(p.first_month, p.paid_on.slice(0, 7))));
    arrearsCollected += Math.floor((Number(p.amount) * arrearsMonths) / p.months);
  }
  const collected = Number(figures.collected);
  return {
    cadreId,
    month,
    familiesAssigned: families.length,
    familiesVisited: figures.visited,
    visits: figures.visits,
    recruited,
    payments: figures.payments,
    collected: String(collected),
    due: String(due),
    collectabilityPercent: due === 0 ? '0.00' : ((collected * 100) / due).toFixed(2),
    arrearsCollected: String(arrearsCollected),
    cashHeld: cash.held,
    cashHeldFlagged: cash.flagged,
    deposits: timeliness.deposits,
    depositsOnTime: timeliness.onTime,
    incentiveRule: settings.incentiveRule,
    incentive: String(incentive(settings.incentiveRule, { arrearsCollected, participantsPaid: figures.payments, recruits: recruited })),
    archivedMonths: archived,
  };
}

/** Whether a month's contributions or visits are archived (jaring partitions archive): the month's figures then leave them out. */
export async function archivedOfMonth(db: Queryable, month: string): Promise<string[]> {
  const day = `${month}-01`;
  const [payments, visits] = await Promise.all([
    archivedMonthsIn(db, 'jkn_contribution_payment', day, day),
    archivedMonthsIn(db, 'cadre_visit', day, day),
  ]);
  return [...new Set([...payments, ...visits])].sort();
}
