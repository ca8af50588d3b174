import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, invalid, notFound, refuseFutureDate } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskNik } from '../../core/mask.ts';
import { sumRupiah } from '../../core/money.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { groupsOfFacilitator, householdIsActiveMember, personIsActiveMember } from '../groups/index.ts';
import { displayNames } from '../identity/index.ts';
import {
  ACCOUNTS,
  availableCash,
  findFundForActor,
  fundByCode,
  fundById,
  fundCodesByIds,
  lockFundForLending,
  openDrawerOf,
  postEntry,
} from '../ledger/index.ts';
import { officesWithRegions } from '../organisation/index.ts';
import { businessWithHousehold, findPersonForActor, personById, personsByIds } from '../registry/index.ts';
import { findInstalmentsOf } from './field.store.ts';
import { APPROVERS, DISBURSERS, FINANCING_READERS, MAKERS, PRODUCT_KEEPERS } from './financing.roles.ts';
import type {
  applicationInputSchema,
  disbursementInputSchema,
  financingListSchema,
  financingsQuerySchema,
  financingViewSchema,
  productInputSchema,
  productViewSchema,
} from './financing.schema.ts';
import {
  committedPrincipal,
  financingFactsByIds,
  findFinancing,
  findProductByCode,
  findProductById,
  insertFinancing,
  insertInstallments,
  insertProduct,
  installmentsOf,
  listFinancingRows,
  listProductRows,
  lockFinancing,
  repaymentsOf,
  searchFinancingRowsByNumber,
  updateFinancing,
} from './financing.store.ts';
import type { FinancingProductTable, FinancingTable } from './financing.tables.ts';
import { type ProductKind, type ProductTerms, productSchedule, SHARIA_KINDS } from './products.rules.ts';
import { amountOwed, arrearsOn, daysPastDue, instalmentsDue } from './repayment.rules.ts';
import { responsibleOfficers } from './responsible-officer.service.ts';

export type ProductRow = Selectable<FinancingProductTable>;
export type FinancingRow = Selectable<FinancingTable>;

const schemeOf = (kind: ProductKind) => (SHARIA_KINDS.includes(kind) ? 'sharia' : 'conventional');

export const termsOf = (product: ProductRow): ProductTerms => ({
  kind: product.kind,
  ratePercent: product.rate_percent,
  frequency: product.frequency,
  graceOnPrincipal: product.grace_on_principal,
  graceOnProfit: product.grace_on_profit,
  rounding: product.rounding,
  inMultiplesOf: product.in_multiples_of === null ? null : BigInt(product.in_multiples_of),
});

function productView(row: ProductRow): z.infer<typeof productViewSchema> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    scheme: schemeOf(row.kind),
    ratePercent: row.rate_percent,
    memberNisbahPercent: row.member_nisbah_percent,
    frequency: row.frequency,
    minAmount: row.min_amount,
    maxAmount: row.max_amount,
    minInstallments: row.min_installments,
    maxInstallments: row.max_installments,
    graceOnPrincipal: row.grace_on_principal,
    graceOnProfit: row.grace_on_profit,
    rounding: row.rounding,
    inMultiplesOf: row.in_multiples_of,
    penaltyPerMilleDaily: row.penalty_per_mille_daily,
    penaltyCapPercent: row.penalty_cap_percent,
    allocationOrder: row.allocation_order,
    active: row.active,
  };
}

export async function defineProduct(ctx: Context, input: z.infer<typeof productInputSchema>) {
  assertRole(ctx, PRODUCT_KEEPERS);
  const errors = [];
  if (BigInt(input.maxAmount) < BigInt(input.minAmount)) errors.push({ field: 'maxAmount', code: 'financing.max_below_min' });
  if (input.maxInstallments < input.minInstallments) errors.push({ field: 'maxInstallments', code: 'financing.max_below_min' });
  const sharesProfit = input.kind === 'mudharabah' || input.kind === 'musyarakah';
  if (sharesProfit !== (input.memberNisbahPercent !== undefined))
    errors.push({ field: 'memberNisbahPercent', code: 'financing.nisbah_for_sharing_only' });
  if (['murabahah', 'mudharabah', 'musyarakah', 'qardh'].includes(input.kind) && input.ratePercent !== '0' && input.kind !== 'murabahah')
    errors.push({ field: 'ratePercent', code: 'financing.no_interest_in_sharia' });
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
  const id = uuidv7(ctx.clock.now().getTime());
  await inTransaction(ctx, async (tx) => {
    if (await findProductByCode(tx, input.code)) throw conflict('financing.product_code_taken', 'code', { code: input.code });
    await insertProduct(tx, {
      id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      rate_percent: input.ratePercent,
      member_nisbah_percent: input.memberNisbahPercent ?? null,
      frequency: input.frequency,
      min_amount: input.minAmount,
      max_amount: input.maxAmount,
      min_installments: input.minInstallments,
      max_installments: input.maxInstallments,
      grace_on_principal: input.graceOnPrincipal,
      grace_on_profit: input.graceOnProfit,
      rounding: input.rounding,
      in_multiples_of: input.inMultiplesOf ?? null,
      penalty_per_mille_daily: input.penaltyPerMilleDaily,
      penalty_cap_percent: input.penaltyCapPercent,
      allocation_order: input.allocationOrder,
    });
    await recordAudit(tx, ctx, { action: 'financing.product_define', entityType: 'financing_product', entityId: id, after: input });
  });
  return productView(await findProductById(ctx.db, id));
}

export async function listProducts(ctx: Context) {
  assertRole(ctx, FINANCING_READERS);
  return { items: (await listProductRows(ctx.db)).map(productView) };
}

/** Application for a member: validated against the product, the fund and the caller's scope. */
export async function applyForFinancing(ctx: Context, input: z.infer<typeof applicationInputSchema>) {
  assertRole(ctx, MAKERS);
  const id = await inTransaction(ctx, (tx) => openApplication(ctx, tx, input));
  return getFinancing(ctx, id);
}

/**
 * The application written inside the caller's transaction (a musyawarah passing on the group's
 * revolving money opens several at once, all or none); returns its id. The caller checks the role.
 */
export async function openApplication(ctx: Context, tx: Tx, input: z.infer<typeof applicationInputSchema>): Promise<string> {
  refuseFutureDate(input.appliedOn, businessDate(ctx.clock), 'appliedOn');
  const [person, product, fund] = await Promise.all([
    findPersonForActor(ctx, tx, input.personId),
    findProductByCode(tx, input.productCode),
    findFundForActor(ctx, tx, { code: input.fundCode }),
  ]);
  if (!person || person.merged_into) throw invalid('financing.person_unknown', 'personId');
  if (person.died_on) throw invalid('financing.person_deceased', 'personId');
  if (!product?.active) throw invalid('financing.product_unknown', 'productCode', { code: input.productCode });
  if (!fund?.active) throw invalid('ledger.unknown_fund', 'fundCode', { code: input.fundCode });
  // A group's revolving fund is the members' own money: it lends to them and no one else.
  if (fund.group_id && !(await personIsActiveMember(tx, fund.group_id, person)))
    throw conflict('financing.fund_members_only', 'personId', { fund: fund.code });
  const principal = BigInt(input.principal);
  const errors = [];
  if (principal < BigInt(product.min_amount) || principal > BigInt(product.max_amount))
    errors.push({
      field: 'principal',
      code: 'financing.amount_outside_product',
      params: { min: product.min_amount, max: product.max_amount },
    });
  if (input.installments < product.min_installments || input.installments > product.max_installments)
    errors.push({
      field: 'installments',
      code: 'financing.term_outside_product',
      params: { min: product.min_installments, max: product.max_installments },
    });
  if (product.kind === 'musyarakah' && input.lkmCapitalPercent === undefined)
    errors.push({ field: 'lkmCapitalPercent', code: 'financing.capital_share_required' });
  // The business financed is the member's family's own; the group recommending is theirs.
  if (input.businessId) {
    const business = await businessWithHousehold(tx, input.businessId);
    if (!business?.active || business.household_id !== person.household_id)
      errors.push({ field: 'businessId', code: 'financing.business_not_members' });
  }
  if (input.groupId && !(await householdIsActiveMember(tx, input.groupId, person.household_id)))
    errors.push({ field: 'groupId', code: 'financing.group_not_members' });
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const [office] = await officesWithRegions(tx, [fund.office_id]);
  const number = `${office?.code ?? 'PB'}-${businessDate(ctx.clock).slice(0, 4)}-${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
  await insertFinancing(tx, {
    id,
    number,
    person_id: person.id,
    office_id: fund.office_id,
    region_code: person.village_code,
    fund_id: fund.id,
    product_id: product.id,
    group_id: input.groupId ?? null,
    business_id: input.businessId ?? null,
    // The facilitator who applies is responsible; a group member's financing follows the group's facilitator until a manager assigns one.
    facilitator_id: ctx.actor.kind === 'user' && ctx.actor.role === 'facilitator' && !input.groupId ? ctx.actor.id : null,
    status: 'applied',
    principal,
    installments: input.installments,
    lkm_capital_percent: input.lkmCapitalPercent ?? null,
    purpose: input.purpose,
    group_recommendation: input.groupRecommendation ?? null,
    health_notes: input.healthNotes ?? null,
    applied_on: input.appliedOn ?? businessDate(ctx.clock),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    created_by_name: actorName(ctx.actor),
    decided_by: null,
    decided_at: null,
    decision_note: null,
    disbursed_on: null,
    disbursement_method: null,
    first_due_date: null,
    closed_on: null,
  });
  await recordAudit(tx, ctx, {
    action: 'financing.apply',
    entityType: 'financing',
    entityId: id,
    officeId: fund.office_id,
    regionCode: person.village_code,
    after: { number, product: product.code, fund: fund.code, principal: input.principal, installments: input.installments },
  });
  return id;
}

/** Status, principal left and arrears of financings, for another module's lists (the USEP chain). */
export const financingFacts = (db: Queryable, ids: string[]) => financingFactsByIds(db, [...new Set(ids)]);
/** Principal promised from a fund and not yet paid out: applications waiting for a decision or for money. */
export const promisedFromFund = (db: Queryable, fundId: string) => committedPrincipal(db, fundId);

export async function financingInScope(ctx: Context, db: Queryable, id: string, lock = false) {
  const row = lock ? await lockFinancing(db, id) : await findFinancing(db, id);
  if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
  return row;
}

function assertStatus(row: FinancingRow, allowed: FinancingRow['status'][]) {
  if (!allowed.includes(row.status))
    throw conflict('financing.wrong_status', 'status', { status: row.status, expected: allowed.join(', ') });
}

/** Maker-checker: whoever created the application cannot decide on it. */
export async function decideApplication(ctx: Context, id: string, decision: 'approve' | 'reject', note?: string) {
  assertRole(ctx, APPROVERS);
  await inTransaction(ctx, async (tx) => {
    const row = await financingInScope(ctx, tx, id, true);
    assertStatus(row, ['applied']);
    if (ctx.actor.kind === 'user' && row.created_by === ctx.actor.id)
      throw new AppError('financing.maker_checker', 'forbidden', { errors: [{ field: 'id', code: 'financing.maker_checker' }] });
    if (decision === 'reject' && !note) throw invalid('financing.reason_required', 'note');
    await updateFinancing(tx, id, {
      status: decision === 'approve' ? 'approved' : 'rejected',
      decided_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      decided_at: ctx.clock.now(),
      decision_note: note ?? null,
    });
    await recordAudit(tx, ctx, {
      action: `financing.${decision}`,
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      after: { note: note ?? null },
    });
  });
  return getFinancing(ctx, id);
}

const RECEIVABLE: Record<ProductKind, string> = {
  flat: ACCOUNTS.loansReceivable,
  annuity: ACCOUNTS.loansReceivable,
  equal_principal: ACCOUNTS.loansReceivable,
  murabahah: ACCOUNTS.murabahahReceivable,
  mudharabah: ACCOUNTS.mudharabahFinancing,
  musyarakah: ACCOUNTS.musyarakahFinancing,
  qardh: ACCOUNTS.qardhLoans,
};
export const receivableAccount = (kind: ProductKind) => RECEIVABLE[kind];
export const cashAccount = (method: 'cash' | 'transfer') => (method === 'cash' ? ACCOUNTS.tellerCash : ACCOUNTS.bankCash);

/**
 * Disbursement from the fund: the fund row is locked so that two disbursements cannot
 * together overdraw it; without enough cash the application stays approved, in the queue.
 */
export async function disburse(ctx: Context, id: string, input: z.infer<typeof disbursementInputSchema>) {
  assertRole(ctx, DISBURSERS);
  refuseFutureDate(input.disbursedOn, businessDate(ctx.clock), 'disbursedOn');
  await inTransaction(ctx, async (tx) => {
    const row = await financingInScope(ctx, tx, id, true);
    assertStatus(row, ['approved']);
    if (input.disbursedOn < row.applied_on) throw invalid('financing.disbursed_before_application', 'disbursedOn');
    if (input.firstDueDate && input.firstDueDate <= input.disbursedOn)
      throw invalid('financing.first_due_before_disbursement', 'firstDueDate');
    await lockFundForLending(tx, row.fund_id);
    const fund = await fundById(tx, row.fund_id);
    // The member may have left the group since applying: its fund no longer lends to them.
    if (fund?.group_id) {
      const person = await personById(tx, row.person_id);
      if (!person || !(await personIsActiveMember(tx, fund.group_id, person)))
        throw conflict('financing.fund_members_only', 'personId', { fund: fund.code });
    }
    const principal = BigInt(row.principal);
    const cash = await availableCash(tx, row.fund_id);
    if (cash < principal)
      throw new AppError('financing.fund_insufficient', 'conflict', {
        params: { available: cash.toString(), needed: principal.toString() },
        errors: [
          { field: 'fundCode', code: 'financing.fund_insufficient', params: { available: cash.toString(), needed: principal.toString() } },
        ],
      });
    const product = await findProductById(tx, row.product_id);
    const schedule = productSchedule(termsOf(product), {
      principal,
      installments: row.installments,
      disbursementDate: input.disbursedOn,
      firstDueDate: input.firstDueDate ?? null,
    });
    await insertInstallments(
      tx,
      schedule.map((s) => ({
        financing_id: id,
        n: s.n,
        due_date: s.dueDate,
        principal: s.principal,
        profit: s.profit,
        reported_profit: null,
      })),
    );
    const totalProfit = schedule.reduce((sum, s) => sum + s.profit, 0n);
    const party = { type: 'financing', id };
    const fundId = row.fund_id;
    // Cash handed over at the counter leaves the disburser's open drawer at this office, if
    // any, so that the drawer's count expects it gone (as repayments and savings do).
    const drawer = input.method === 'cash' && ctx.actor.kind === 'user' ? await openDrawerOf(tx, ctx.actor.id, { forUpdate: true }) : null;
    const paidFrom = {
      accountCode: cashAccount(input.method),
      credit: principal,
      fundId,
      ...(drawer && drawer.officeId === row.office_id ? { party: drawer.party } : {}),
    };
    const lines =
      product.kind === 'murabahah'
        ? [
            { accountCode: ACCOUNTS.murabahahReceivable, debit: principal + totalProfit, fundId, party },
            { accountCode: ACCOUNTS.deferredMurabahahMargin, credit: totalProfit, fundId, party },
            paidFrom,
          ]
        : [{ accountCode: receivableAccount(product.kind), debit: principal, fundId, party }, paidFrom];
    await postEntry(tx, ctx, {
      officeId: row.office_id,
      entryDate: input.disbursedOn,
      memo: `Pencairan ${row.number}`,
      source: { type: 'financing.disbursement', id },
      lines,
    });
    await updateFinancing(tx, id, {
      status: 'disbursed',
      disbursed_on: input.disbursedOn,
      disbursement_method: input.method,
      first_due_date: schedule[0]?.dueDate ?? null,
      outstanding_principal: principal,
      outstanding_profit: totalProfit,
    });
    await recordAudit(tx, ctx, {
      action: 'financing.disburse',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      after: { principal: principal.toString(), method: input.method, disbursedOn: input.disbursedOn },
    });
  });
  return getFinancing(ctx, id);
}

export async function getFinancing(ctx: Context, id: string): Promise<z.infer<typeof financingViewSchema>> {
  assertRole(ctx, FINANCING_READERS);
  return financingView(ctx, ctx.db, await financingInScope(ctx, ctx.db, id));
}

export async function financingView(ctx: Context, db: Queryable, row: FinancingRow): Promise<z.infer<typeof financingViewSchema>> {
  const [person, product, fund, [office], installments, repayments, officers] = await Promise.all([
    personById(db, row.person_id),
    findProductById(db, row.product_id),
    fundById(db, row.fund_id),
    officesWithRegions(db, [row.office_id]),
    installmentsOf(db, row.id),
    repaymentsOf(db, row.id),
    responsibleOfficers(db, [row]),
  ]);
  const names = await displayNames(db, [row.created_by_name, ...repayments.map((r) => r.received_by)], ctx.locale);
  const today = businessDate(ctx.clock);
  const seesIdentifiers = ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role));
  const projected =
    installments.length > 0
      ? null
      : productSchedule(termsOf(product), {
          principal: BigInt(row.principal),
          installments: row.installments,
          disbursementDate: row.applied_on,
          firstDueDate: null,
        });
  const schedule = projected
    ? projected.map((s) => ({
        n: s.n,
        dueDate: s.dueDate,
        principal: s.principal.toString(),
        profit: s.profit.toString(),
        penalty: '0',
        total: (s.principal + s.profit).toString(),
        paid: '0',
        status: 'projected' as const,
      }))
    : installments.map((i) => {
        const total = sumRupiah([i.principal, i.profit, i.penalty]);
        const paid = sumRupiah([i.principal_paid, i.profit_paid, i.penalty_paid]);
        const status = paid >= total ? 'paid' : i.due_date < today ? 'overdue' : paid > 0n ? 'partial' : 'due';
        return {
          n: i.n,
          dueDate: i.due_date,
          principal: i.principal,
          profit: i.profit,
          penalty: String(i.penalty),
          total: total.toString(),
          paid: paid.toString(),
          status: status as 'paid' | 'overdue' | 'partial' | 'due',
        };
      });
  const totalPrincipal = sumRupiah(schedule.map((i) => i.principal));
  const totalProfit = sumRupiah(schedule.map((i) => i.profit));
  const dues = instalmentsDue(installments);
  const owed = amountOwed(dues);
  const arrears = arrearsOn(dues, today);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    person: {
      id: row.person_id,
      name: person?.full_name ?? '',
      nik: person ? (seesIdentifiers ? person.nik : maskNik(person.nik)) : '',
      villageCode: row.region_code,
    },
    officeCode: office?.code ?? '',
    fundCode: fund?.code ?? '',
    product: { code: product.code, name: product.name, kind: product.kind, scheme: schemeOf(product.kind) },
    groupId: row.group_id,
    businessId: row.business_id,
    principal: row.principal,
    installments: row.installments,
    purpose: row.purpose,
    groupRecommendation: row.group_recommendation,
    healthNotes: row.health_notes,
    appliedOn: row.applied_on,
    createdBy: row.created_by_name,
    createdByName: names.get(row.created_by_name) ?? row.created_by_name,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
    disbursedOn: row.disbursed_on,
    disbursementMethod: row.disbursement_method,
    facilitator: officers.get(row.id) ?? null,
    outstanding: {
      principal: owed.principal.toString(),
      profit: owed.profit.toString(),
      penalty: owed.penalty.toString(),
      total: owed.total.toString(),
    },
    arrears: {
      overdue: arrears.overdue.toString(),
      dueToday: arrears.dueToday.toString(),
      payableToday: arrears.payableToday.toString(),
    },
    daysPastDue: row.status === 'disbursed' ? daysPastDue(dues, today) : 0,
    qualityClass: row.quality_class,
    totals: { principal: totalPrincipal.toString(), profit: totalProfit.toString(), total: (totalPrincipal + totalProfit).toString() },
    schedule,
    repayments: repayments.map((r) => ({
      id: r.id,
      financingId: r.financing_id,
      paidOn: r.paid_on,
      amount: r.amount,
      principal: r.principal,
      profit: r.profit,
      penalty: r.penalty,
      channel: r.channel,
      receivedBy: r.received_by,
      receivedByName: names.get(r.received_by) ?? r.received_by,
      journalEntryId: r.journal_entry_id,
      reversed: r.reversal_entry_id !== null,
      reversalReason: r.reversal_reason,
      fieldReceiptNumber: r.field_receipt_number,
    })),
  };
}

export async function listFinancings(
  ctx: Context,
  query: z.infer<typeof financingsQuerySchema>,
): Promise<z.infer<typeof financingListSchema>> {
  assertRole(ctx, FINANCING_READERS);
  const offset = query.cursor ? decodeCursor(query.cursor, ['offset'])[0] : 0;
  const fund = query.fund ? await fundByCode(ctx.db, query.fund) : undefined;
  if (query.fund && !fund) return { items: [], nextCursor: null };
  // `me` for a system actor (the CLI) names no one: the nil id matches no financing.
  const facilitatorId =
    query.facilitator === 'me' ? (ctx.actor.kind === 'user' ? ctx.actor.id : '00000000-0000-0000-0000-000000000000') : query.facilitator;
  const rows = await listFinancingRows(ctx.db, {
    status: query.status,
    fundId: fund?.id,
    personId: query.person,
    groupId: query.group,
    due: query.dueFrom || query.dueTo ? { from: query.dueFrom ?? '0001-01-01', to: query.dueTo ?? '9999-12-31' } : undefined,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    facilitator: facilitatorId ? { id: facilitatorId, groupIds: await groupsOfFacilitator(ctx.db, facilitatorId) } : undefined,
    paidOn: query.paidOn,
    closedFrom: query.closedFrom,
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    offset,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await financingListItems(ctx, page),
    nextCursor: rows.length > query.limit ? encodeCursor(['offset'], [offset + query.limit]) : null,
  };
}

type ListRow = Awaited<ReturnType<typeof listFinancingRows>>[number];

/** A page of financing rows as the list shows them: member, fund, live arrears and the responsible officer. */
export async function financingListItems(ctx: Context, page: ListRow[]): Promise<z.infer<typeof financingListSchema>['items']> {
  const [persons, funds, instalments, officers] = await Promise.all([
    personsByIds(
      ctx.db,
      page.map((r) => r.person_id),
    ),
    fundCodesByIds(
      ctx.db,
      page.map((r) => r.fund_id),
    ),
    findInstalmentsOf(
      ctx.db,
      page.filter((r) => r.status === 'disbursed').map((r) => r.id),
    ),
    responsibleOfficers(ctx.db, page),
  ]);
  const today = businessDate(ctx.clock);
  const byFinancing = new Map<string, typeof instalments>();
  for (const i of instalments) byFinancing.set(i.financing_id, [...(byFinancing.get(i.financing_id) ?? []), i]);
  const overdue = (id: string) => arrearsOn(instalmentsDue(byFinancing.get(id) ?? []), today).overdue;
  // Live, like the overdue amount beside it (the stored figure is only as fresh as the last close of day).
  const daysLate = (r: ListRow) =>
    r.status === 'disbursed' ? daysPastDue(instalmentsDue(byFinancing.get(r.id) ?? []), today) : r.days_past_due;
  return page.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    personName: persons.get(r.person_id)?.fullName ?? '',
    productCode: r.product_code,
    fundCode: funds.get(r.fund_id) ?? '',
    principal: r.principal,
    outstanding: sumRupiah([r.outstanding_principal, r.outstanding_profit, r.outstanding_penalty]).toString(),
    overdue: overdue(r.id).toString(),
    daysPastDue: daysLate(r),
    qualityClass: r.quality_class,
    appliedOn: r.applied_on,
    facilitatorName: officers.get(r.id)?.name ?? null,
  }));
}

/**
 * Financings whose number starts with what was typed, in the actor's regions, for the search
 * box; empty for a role that does not read financings (the search box is for every staff role).
 */
export async function searchFinancingsByNumber(ctx: Context, prefix: string, limit: number) {
  if (ctx.actor.kind === 'user' && !(FINANCING_READERS as readonly string[]).includes(ctx.actor.role)) return [];
  const rows = await searchFinancingRowsByNumber(ctx.db, prefix, regionLikePatterns(actorScope(ctx)), limit);
  const persons = await personsByIds(
    ctx.db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    personName: persons.get(r.person_id)?.fullName ?? '',
    daysPastDue: r.days_past_due,
  }));
}
