import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { maskName } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope } from '../../core/scope.ts';
import { getGroup } from '../groups/index.ts';
import { displayNames, staffNameById } from '../identity/index.ts';
import { getOrganisation, officesWithRegions } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { personById } from '../registry/index.ts';
import { renderAgreement, renderCollectionSheet, renderPassbook, renderReceipt } from './documents.pdf.ts';
import {
  buildAgreement,
  buildCollectionSheet,
  buildPassbook,
  buildReceipt,
  type Channel,
  type CollectionFinancing,
  type ReceiptFacts,
  remainingAfter,
} from './documents.rules.ts';
import { disbursedFinancingsOfGroup } from './documents.store.ts';
import { FINANCING_READERS } from './financing.roles.ts';
import { findFinancing, findProductByCode, installmentsOf } from './financing.store.ts';
import { getFinancing } from './lifecycle.service.ts';
import { amountOwed, instalmentOwed, instalmentsDue } from './repayment.rules.ts';

type FinancingView = Awaited<ReturnType<typeof getFinancing>>;

/** Supervisors and auditors read documents with names and NIK masked, as in the exports. */
const seesIdentifiers = (ctx: Context) =>
  ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role));
const shownName = (ctx: Context, name: string) => (seesIdentifiers(ctx) ? name : maskName(name));

async function letterhead(ctx: Context, officeId: string) {
  const [organisation, [office]] = await Promise.all([getOrganisation(ctx.db), officesWithRegions(ctx.db, [officeId])]);
  return {
    organisation: organisation?.name ?? 'Jaring',
    office: office ? `${office.name} (${office.code})` : '',
    place: office?.name ?? '',
  };
}

/** The financing as its reader may see it, with its row (office, capital share, approver). */
async function financingForPrint(ctx: Context, id: string) {
  assertRole(ctx, FINANCING_READERS);
  const view = await getFinancing(ctx, id);
  const row = await findFinancing(ctx.db, id);
  if (!row) throw notFound('financing', id);
  return { view, row, head: await letterhead(ctx, row.office_id) };
}

function assertPrintable(view: FinancingView, allowed: FinancingView['status'][]) {
  if (!allowed.includes(view.status))
    throw conflict('financing.wrong_status', 'status', { status: view.status, expected: allowed.join(', ') });
}

const repaymentFacts = (view: FinancingView) =>
  view.repayments.map((r) => ({ id: r.id, principal: r.principal, profit: r.profit, penalty: r.penalty, reversed: r.reversed }));

/** The kuitansi of one repayment; a reversed one is stamped DIBATALKAN. */
export async function repaymentReceiptPdf(ctx: Context, id: string, repaymentId: string): Promise<Buffer> {
  const { view, head } = await financingForPrint(ctx, id);
  const sequence = view.repayments.findIndex((r) => r.id === repaymentId) + 1;
  const repayment = view.repayments[sequence - 1];
  if (!repayment) throw notFound('repayment', repaymentId);
  // Documents are in Bahasa Indonesia: a system actor's words too.
  const names = await displayNames(ctx.db, [repayment.receivedBy], 'id');
  const facts: ReceiptFacts = {
    ...head,
    financingNumber: view.number,
    sequence,
    memberName: shownName(ctx, view.person.name),
    nik: view.person.nik,
    productName: view.product.name,
    kind: view.product.kind as ReceiptFacts['kind'],
    paidOn: repayment.paidOn,
    amount: repayment.amount,
    principal: repayment.principal,
    profit: repayment.profit,
    penalty: repayment.penalty,
    channel: repayment.channel as Channel,
    receivedBy: names.get(repayment.receivedBy) ?? repayment.receivedBy,
    remaining: remainingAfter(view.outstanding, repaymentFacts(view), repayment.id),
    reversed: repayment.reversed,
    reversalReason: repayment.reversalReason,
    fieldReceiptNumber: repayment.fieldReceiptNumber,
  };
  return renderReceipt(buildReceipt(facts));
}

/** Surat perjanjian (conventional) or akad (sharia), with the disclosed cost and margin or nisbah. */
export async function financingAgreementPdf(ctx: Context, id: string): Promise<Buffer> {
  const { view, row, head } = await financingForPrint(ctx, id);
  assertPrintable(view, ['approved', 'disbursed', 'closed', 'written_off']);
  const [product, signatory, villages] = await Promise.all([
    findProductByCode(ctx.db, view.product.code),
    row.decided_by ? staffNameById(ctx.db, row.decided_by) : null,
    findRegionsByCodes(ctx.db, [row.region_code]),
  ]);
  if (!product) throw notFound('product', view.product.code);
  return renderAgreement(
    buildAgreement({
      ...head,
      financingNumber: view.number,
      memberName: shownName(ctx, view.person.name),
      nik: view.person.nik,
      village: `Desa/Kel. ${villages[0]?.name ?? row.region_code}`,
      productName: product.name,
      kind: product.kind,
      ratePercent: product.rate_percent,
      memberNisbahPercent: product.member_nisbah_percent,
      lkmCapitalPercent: row.lkm_capital_percent,
      frequency: product.frequency,
      penaltyPerMilleDaily: product.penalty_per_mille_daily,
      penaltyCapPercent: product.penalty_cap_percent,
      allocationOrder: product.allocation_order,
      principal: view.principal,
      installments: view.installments,
      purpose: view.purpose,
      disbursedOn: view.disbursedOn,
      disbursementMethod: row.disbursement_method,
      signedOn: view.disbursedOn ?? businessDate(ctx.clock),
      lkmSignatory: signatory,
      totals: view.totals,
      schedule: view.schedule,
    }),
  );
}

/** The member's kartu angsuran: schedule, what is paid, and every repayment. */
export async function financingPassbookPdf(ctx: Context, id: string): Promise<Buffer> {
  const { view, head } = await financingForPrint(ctx, id);
  assertPrintable(view, ['disbursed', 'closed', 'written_off']);
  const product = await findProductByCode(ctx.db, view.product.code);
  if (!product) throw notFound('product', view.product.code);
  const names = await displayNames(
    ctx.db,
    view.repayments.map((r) => r.receivedBy),
    'id',
  );
  return renderPassbook(
    buildPassbook({
      organisation: head.organisation,
      office: head.office,
      financingNumber: view.number,
      memberName: shownName(ctx, view.person.name),
      nik: view.person.nik,
      productName: product.name,
      kind: product.kind,
      frequency: product.frequency,
      principal: view.principal,
      installments: view.installments,
      disbursedOn: view.disbursedOn,
      status: view.status,
      totals: view.totals,
      owed: view.outstanding,
      schedule: view.schedule,
      repayments: view.repayments.map((r) => ({
        id: r.id,
        paidOn: r.paidOn,
        amount: r.amount,
        principal: r.principal,
        profit: r.profit,
        penalty: r.penalty,
        reversed: r.reversed,
        receivedBy: names.get(r.receivedBy) ?? r.receivedBy,
      })),
      printedOn: businessDate(ctx.clock),
    }),
  );
}

/** One sheet for a group meeting: every running financing of the group and what is due by `date`. */
export async function groupCollectionSheetPdf(ctx: Context, groupId: string, date: string | undefined): Promise<Buffer> {
  assertRole(ctx, FINANCING_READERS);
  const group = await getGroup(ctx, groupId);
  const on = date ?? businessDate(ctx.clock);
  const scope = actorScope(ctx);
  const rows = (await disbursedFinancingsOfGroup(ctx.db, groupId)).filter((r) => regionInScope(scope, r.region_code));
  const financings: CollectionFinancing[] = [];
  for (const row of rows) {
    const [person, instalments] = await Promise.all([personById(ctx.db, row.person_id), installmentsOf(ctx.db, row.id)]);
    const dues = instalmentsDue(instalments);
    financings.push({
      memberName: shownName(ctx, person?.full_name ?? ''),
      number: row.number,
      outstanding: amountOwed(dues).total.toString(),
      instalments: dues.map((i) => ({ n: i.n, dueDate: i.dueDate, owed: instalmentOwed(i).toString() })),
    });
  }
  const head = await letterhead(ctx, group.officeId);
  const officer = (role: string) => {
    const name = group.officers.find((o) => o.role === role)?.fullName;
    return name ? shownName(ctx, name) : null;
  };
  return renderCollectionSheet(
    buildCollectionSheet({
      organisation: head.organisation,
      office: head.office,
      groupName: group.name,
      groupKind: group.kind.name,
      date: on,
      facilitator: group.facilitator?.fullName ?? null,
      chair: officer('ketua'),
      treasurer: officer('bendahara'),
      financings,
    }),
  );
}
