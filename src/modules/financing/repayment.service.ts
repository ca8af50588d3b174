import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { conflict, invalid, notFound, refuseFutureDate } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Tx } from '../../db/database.ts';
import { known } from '../../db/read-together.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { ACCOUNTS, counterCashParty, lockOpenDrawer, type PostingLine, postEntry, reverseEntry } from '../ledger/index.ts';
import { COLLECTORS, CORRECTORS } from './financing.roles.ts';
import type { repaymentInputSchema, repaymentViewSchema } from './financing.schema.ts';
import {
  addToInstallmentPaid,
  findProductById,
  findRepayment,
  lockFinancing,
  lockFinancingWithProduct,
  markRepaymentReversed,
  readInstallments,
  updateFinancing,
  writeRepayment,
} from './financing.store.ts';
import { type FinancingRow, receivableAccount } from './lifecycle.service.ts';
import type { ProductKind } from './products.rules.ts';
import { type Allocation, allocateRepayment, type Component, instalmentsDue, sumAllocation, totalOwed } from './repayment.rules.ts';

type RepaymentView = z.infer<typeof repaymentViewSchema>;

const INCOME: Record<ProductKind, string | null> = {
  flat: ACCOUNTS.interestIncome,
  annuity: ACCOUNTS.interestIncome,
  equal_principal: ACCOUNTS.interestIncome,
  murabahah: ACCOUNTS.murabahahMarginIncome,
  mudharabah: ACCOUNTS.mudharabahProfitShare,
  musyarakah: ACCOUNTS.musyarakahProfitShare,
  qardh: null,
};
// Late charges of sharia products are not income: they go to the benevolence fund.
const penaltyAccount = (kind: ProductKind) =>
  kind === 'flat' || kind === 'annuity' || kind === 'equal_principal' ? ACCOUNTS.penaltyIncome : ACCOUNTS.benevolenceFund;
const collectionCash = (channel: 'counter' | 'group_meeting' | 'field') =>
  channel === 'counter' ? ACCOUNTS.tellerCash : ACCOUNTS.cashInTransit;

/** The journal lines of a repayment split into principal, profit and penalty. */
export function repaymentLines(
  kind: ProductKind,
  row: Pick<FinancingRow, 'id' | 'fund_id'>,
  cashAccount: string,
  paid: { principal: bigint; profit: bigint; penalty: bigint },
  cashParty: { type: string; id: string } | null = null,
): PostingLine[] {
  const fundId = row.fund_id;
  const party = { type: 'financing', id: row.id };
  const total = paid.principal + paid.profit + paid.penalty;
  const income = INCOME[kind];
  const lines: PostingLine[] = [{ accountCode: cashAccount, debit: total, fundId, party: cashParty }];
  if (kind === 'murabahah') {
    // The receivable holds cost + margin; paying margin also earns it out of the deferred account.
    lines.push({ accountCode: ACCOUNTS.murabahahReceivable, credit: paid.principal + paid.profit, fundId, party });
    lines.push({ accountCode: ACCOUNTS.deferredMurabahahMargin, debit: paid.profit, fundId, party });
    lines.push({ accountCode: ACCOUNTS.murabahahMarginIncome, credit: paid.profit, fundId });
  } else {
    lines.push({ accountCode: receivableAccount(kind), credit: paid.principal, fundId, party });
    if (income) lines.push({ accountCode: income, credit: paid.profit, fundId });
    else if (paid.profit > 0n) throw new Error(`a ${kind} instalment carries no profit`);
  }
  lines.push({ accountCode: penaltyAccount(kind), credit: paid.penalty, fundId });
  return lines;
}

async function lockedFinancing(ctx: Context, tx: Tx, id: string) {
  const row = await lockFinancing(tx, id);
  if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
  return row;
}

/**
 * A repayment at the counter or collected in the field: at most once per idempotency key,
 * with the financing row locked, allocated oldest instalment first in the product's order,
 * posted on the ledger into the fund, in one transaction.
 */
export async function repay(
  ctx: Context,
  id: string,
  input: z.infer<typeof repaymentInputSchema>,
  idempotencyKey: string,
  /** A payment taken in the field: the number of the receipt the phone gave (docs/field.md). */
  field: { fieldReceiptNumber?: string } = {},
): Promise<{ replayed: boolean; response: RepaymentView }> {
  assertRole(ctx, COLLECTORS);
  return inTransaction(ctx, (tx) =>
    once(
      tx,
      ctx,
      { key: idempotencyKey, operation: `financing.repayment:${id}`, body: input },
      async ([row, installments, drawer]) => {
        if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
        if (row.status !== 'disbursed') throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'disbursed' });
        const paidOn = input.paidOn ?? businessDate(ctx.clock);
        refuseFutureDate(paidOn, businessDate(ctx.clock), 'paidOn');
        if (row.disbursed_on && paidOn < row.disbursed_on) throw invalid('financing.paid_before_disbursement', 'paidOn');
        const dues = instalmentsDue(installments);
        const amount = BigInt(input.amount);
        const { allocation, left } = allocateRepayment(amount, dues, row.product_allocation_order as Component[]);
        if (left > 0n) throw invalid('financing.overpayment', 'amount', { owed: totalOwed(dues).toString() });
        const paid = sumAllocation(allocation);
        const cashParty = input.channel === 'counter' ? await counterCashParty(ctx, tx, row.office_id, drawer) : null;
        const repaymentId = uuidv7(ctx.clock.now().getTime());
        const entryId = await postEntry(tx, ctx, {
          officeId: row.office_id,
          entryDate: paidOn,
          memo: `Angsuran ${row.number}`,
          source: { type: 'financing.repayment', id: repaymentId },
          later: true,
          lines: repaymentLines(row.product_kind, row, collectionCash(input.channel), paid, cashParty),
        });
        const outstanding = {
          principal: BigInt(row.outstanding_principal) - paid.principal,
          profit: BigInt(row.outstanding_profit) - paid.profit,
          penalty: BigInt(row.outstanding_penalty) - paid.penalty,
        };
        const settled = totalOwed(dues) === amount;
        // The entry, the instalments, the financing and the repayment row go with the audit record
        // and the stored response, in one statement sent with the commit.
        await writeRepayment(
          tx,
          id,
          allocation,
          {
            outstanding_principal: outstanding.principal,
            outstanding_profit: outstanding.profit,
            outstanding_penalty: outstanding.penalty < 0n ? 0n : outstanding.penalty,
            ...(settled ? { status: 'closed', closed_on: paidOn, days_past_due: 0, overdue_amount: 0n } : {}),
          },
          {
            id: repaymentId,
            financing_id: id,
            paid_on: paidOn,
            amount,
            principal: paid.principal,
            profit: paid.profit,
            penalty: paid.penalty,
            allocation: JSON.stringify(
              allocation.map((a) => ({
                n: a.n,
                principal: a.principal.toString(),
                profit: a.profit.toString(),
                penalty: a.penalty.toString(),
              })),
            ),
            channel: input.channel,
            received_by: actorName(ctx.actor),
            journal_entry_id: entryId,
            reversal_entry_id: null,
            reversal_reason: null,
            field_receipt_number: field.fieldReceiptNumber ?? null,
          },
        );
        await recordAudit(tx, ctx, {
          action: 'financing.repay',
          entityType: 'financing',
          entityId: id,
          officeId: row.office_id,
          after: {
            repaymentId,
            amount: input.amount,
            paidOn,
            channel: input.channel,
            ...(field.fieldReceiptNumber ? { fieldReceiptNumber: field.fieldReceiptNumber } : {}),
          },
        });
        const view: RepaymentView = {
          id: repaymentId,
          financingId: id,
          paidOn,
          amount: amount.toString(),
          principal: paid.principal.toString(),
          profit: paid.profit.toString(),
          penalty: paid.penalty.toString(),
          channel: input.channel,
          receivedBy: actorName(ctx.actor),
          journalEntryId: entryId,
          reversed: false,
          reversalReason: null,
          fieldReceiptNumber: field.fieldReceiptNumber ?? null,
          outstandingAfter: (outstanding.principal + outstanding.profit).toString(),
        };
        return view;
      },
      // Read in the round trip that claims the key, the financing locked first: the instalments as
      // the last repayment on it left them, and the cashier's open drawer (if any; locked so that it
      // stays open), through which cash at the counter goes so that its count includes it.
      [
        lockFinancingWithProduct(tx, id),
        readInstallments(tx, id),
        input.channel === 'counter' && ctx.actor.kind === 'user' ? lockOpenDrawer(tx, ctx.actor.id) : known(null),
      ] as const,
    ),
  );
}

/** A wrong repayment is undone by a counter-entry; the instalments get back what it paid. */
export async function reverseRepayment(ctx: Context, id: string, repaymentId: string, reason: string) {
  assertRole(ctx, CORRECTORS);
  await inTransaction(ctx, async (tx) => {
    const row = await lockedFinancing(ctx, tx, id);
    const repayment = await findRepayment(tx, repaymentId);
    if (!repayment || repayment.financing_id !== id) throw notFound('repayment', repaymentId);
    if (repayment.reversal_entry_id) throw conflict('ledger.already_reversed', 'repaymentId');
    if (row.status !== 'disbursed' && row.status !== 'closed')
      throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'disbursed, closed' });
    const entryId = await reverseEntry(tx, ctx, repayment.journal_entry_id, {
      memo: `Koreksi angsuran ${row.number}: ${reason}`,
      entryDate: businessDate(ctx.clock),
      source: { type: 'financing.repayment_reversal', id: repaymentId },
    });
    const allocation = repayment.allocation as { n: number; principal: string; profit: string; penalty: string }[];
    for (const part of allocation)
      await addToInstallmentPaid(tx, id, part.n, {
        principal: -BigInt(part.principal),
        profit: -BigInt(part.profit),
        penalty: -BigInt(part.penalty),
      });
    await markRepaymentReversed(tx, repaymentId, entryId, reason);
    await updateFinancing(tx, id, {
      outstanding_principal: BigInt(row.outstanding_principal) + BigInt(repayment.principal),
      outstanding_profit: BigInt(row.outstanding_profit) + BigInt(repayment.profit),
      outstanding_penalty: BigInt(row.outstanding_penalty) + BigInt(repayment.penalty),
      ...(row.status === 'closed' ? { status: 'disbursed', closed_on: null } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'financing.repayment_reverse',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      after: { repaymentId, reason },
    });
  });
}

/** Write-off: the outstanding principal leaves the books as an expense; the member's debt stays on record. */
export async function writeOff(ctx: Context, id: string, reason: string) {
  assertRole(ctx, CORRECTORS);
  await inTransaction(ctx, async (tx) => {
    const row = await lockedFinancing(ctx, tx, id);
    if (row.status !== 'disbursed') throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'disbursed' });
    const product = await findProductById(tx, row.product_id);
    const principal = BigInt(row.outstanding_principal);
    const profit = BigInt(row.outstanding_profit);
    const party = { type: 'financing', id };
    const fundId = row.fund_id;
    const lines: PostingLine[] =
      product.kind === 'murabahah'
        ? [
            { accountCode: ACCOUNTS.provisionExpense, debit: principal, fundId },
            { accountCode: ACCOUNTS.deferredMurabahahMargin, debit: profit, fundId, party },
            { accountCode: ACCOUNTS.murabahahReceivable, credit: principal + profit, fundId, party },
          ]
        : [
            { accountCode: ACCOUNTS.provisionExpense, debit: principal, fundId },
            { accountCode: receivableAccount(product.kind), credit: principal, fundId, party },
          ];
    if (principal > 0n)
      await postEntry(tx, ctx, {
        officeId: row.office_id,
        entryDate: businessDate(ctx.clock),
        memo: `Hapus buku ${row.number}: ${reason}`,
        source: { type: 'financing.write_off', id },
        lines,
      });
    await updateFinancing(tx, id, { status: 'written_off', closed_on: businessDate(ctx.clock), decision_note: reason });
    await recordAudit(tx, ctx, {
      action: 'financing.write_off',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      after: { reason, principal: principal.toString() },
    });
  });
}

export type { Allocation };
