import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { sumRupiah } from '../../core/money.ts';
import { regionInScope } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { CORRECTORS } from './financing.roles.ts';
import {
  findProductById,
  insertInstallments,
  installmentsOf,
  lockFinancing,
  setInstallmentTerms,
  updateFinancing,
} from './financing.store.ts';
import { getFinancing, termsOf } from './lifecycle.service.ts';
import { flatSplit, productSchedule } from './products.rules.ts';

/**
 * Reschedule (restrukturisasi): what is already paid stays as it was; every instalment not
 * fully paid is closed at what it has received, and the principal still owed is spread over
 * new instalments from the reschedule date. Conventional products charge the product's
 * interest on it afresh; murabahah keeps the margin not yet paid (no new margin, by the akad)
 * spread evenly; mudharabah and musyarakah keep each reported profit share not yet paid on
 * its own period (it is the fund's, earned already), and new periods await their reports.
 * Nothing moves on the ledger: the receivable is unchanged.
 */
export async function reschedule(ctx: Context, id: string, input: { installments: number; firstDueDate?: string; reason: string }) {
  assertRole(ctx, CORRECTORS);
  await inTransaction(ctx, async (tx) => {
    const row = await lockFinancing(tx, id);
    if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
    if (row.status !== 'disbursed') throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'disbursed' });
    const today = businessDate(ctx.clock);
    if (input.firstDueDate && input.firstDueDate <= today) throw invalid('financing.first_due_before_disbursement', 'firstDueDate');
    const product = await findProductById(tx, row.product_id);
    // Fewer instalments than the product's least may settle a debt sooner; more than its most is a new loan.
    if (input.installments > product.max_installments)
      throw invalid('financing.reschedule_too_long', 'installments', { max: product.max_installments });
    const before = await installmentsOf(tx, id);
    const principal = BigInt(row.outstanding_principal);
    const unpaidProfit = sumRupiah(before.map((i) => i.profit)) - sumRupiah(before.map((i) => i.profit_paid));
    if (principal <= 0n) throw conflict('financing.nothing_to_reschedule', 'id');
    const sharing = product.kind === 'mudharabah' || product.kind === 'musyarakah';
    for (const i of before) {
      const profit = sharing ? BigInt(i.profit) : BigInt(i.profit_paid);
      if (BigInt(i.principal_paid) < BigInt(i.principal) || profit < BigInt(i.profit))
        await setInstallmentTerms(tx, id, i.n, { principal: BigInt(i.principal_paid), profit });
    }
    const conventional = product.kind === 'flat' || product.kind === 'annuity' || product.kind === 'equal_principal';
    const plan = productSchedule(termsOf(product), {
      principal,
      installments: input.installments,
      disbursementDate: today,
      firstDueDate: input.firstDueDate ?? null,
    });
    const profits = conventional
      ? plan.map((p) => p.profit)
      : flatSplit(0n, product.kind === 'murabahah' ? unpaidProfit : 0n, input.installments, product.rounding).map((p) => p.profit);
    const last = before.at(-1)?.n ?? 0;
    await insertInstallments(
      tx,
      plan.map((p, k) => ({
        financing_id: id,
        n: last + k + 1,
        due_date: p.dueDate,
        principal: p.principal,
        profit: profits[k] as bigint,
        reported_profit: null,
      })),
    );
    const newProfit = profits.reduce((sum, p) => sum + p, 0n) + (sharing ? unpaidProfit : 0n);
    await updateFinancing(tx, id, { outstanding_profit: newProfit, installments: last + input.installments });
    await recordAudit(tx, ctx, {
      action: 'financing.reschedule',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      before: { outstandingPrincipal: principal.toString(), outstandingProfit: row.outstanding_profit, installments: row.installments },
      after: {
        installments: input.installments,
        firstDueDate: plan[0]?.dueDate,
        outstandingProfit: newProfit.toString(),
        reason: input.reason,
      },
    });
  });
  return getFinancing(ctx, id);
}
