import type { z } from 'zod';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { minRupiah } from '../../core/money.ts';
import { regionInScope } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { ACCOUNTS, postEntry } from '../ledger/index.ts';
import { COLLECTORS, FINANCING_READERS } from './financing.roles.ts';
import type { businessResultsViewSchema } from './financing.schema.ts';
import { findFinancing, findProductById, installmentsOf, lockFinancing, setInstallmentTerms, updateFinancing } from './financing.store.ts';
import { getFinancing, receivableAccount } from './lifecycle.service.ts';
import { lossShare, profitShare } from './products.rules.ts';

/**
 * Mudharabah / musyarakah: the member reports the business's result for an instalment's
 * period. A profit is shared by nisbah and the LKM's share becomes that instalment's
 * profit due. A loss is borne by the fund (mudharabah, unless the member was negligent) or
 * by capital shares (musyarakah): the fund's part is written off the principal still owed,
 * from the last instalments back.
 */
export async function reportBusinessResult(ctx: Context, id: string, input: { n: number; result: string; negligent?: boolean }) {
  assertRole(ctx, COLLECTORS);
  await inTransaction(ctx, async (tx) => {
    const row = await lockFinancing(tx, id);
    if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
    const product = await findProductById(tx, row.product_id);
    if (product.kind !== 'mudharabah' && product.kind !== 'musyarakah') throw conflict('financing.not_profit_sharing', 'id');
    if (row.status !== 'disbursed') throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'disbursed' });
    const instalments = await installmentsOf(tx, id);
    const target = instalments.find((i) => i.n === input.n);
    if (!target) throw invalid('financing.no_such_instalment', 'n', { n: input.n });
    if (target.reported_profit !== null) throw conflict('financing.result_already_reported', 'n', { n: input.n });
    const result = BigInt(input.result);
    if (result >= 0n) {
      const share = profitShare(result, product.member_nisbah_percent ?? '0', product.rounding);
      await setInstallmentTerms(tx, id, input.n, { profit: share.lkm, reported_profit: result });
      await updateFinancing(tx, id, { outstanding_profit: BigInt(row.outstanding_profit) + share.lkm });
    } else {
      const loss = lossShare(
        product.kind,
        -result,
        { negligent: input.negligent, lkmCapitalPercent: row.lkm_capital_percent ?? undefined },
        product.rounding,
      );
      const outstanding = BigInt(row.outstanding_principal);
      let absorbed = loss.lkm < outstanding ? loss.lkm : outstanding;
      await setInstallmentTerms(tx, id, input.n, { reported_profit: result, reported_negligent: input.negligent === true });
      for (const instalment of [...instalments].reverse()) {
        if (absorbed === 0n) break;
        const unpaid = BigInt(instalment.principal) - BigInt(instalment.principal_paid);
        const cut = minRupiah(unpaid, absorbed);
        if (cut === 0n) continue;
        await setInstallmentTerms(tx, id, instalment.n, { principal: BigInt(instalment.principal) - cut });
        absorbed -= cut;
      }
      const borne = (loss.lkm < outstanding ? loss.lkm : outstanding) - absorbed;
      if (borne > 0n) {
        await postEntry(tx, ctx, {
          officeId: row.office_id,
          entryDate: businessDate(ctx.clock),
          memo: `Kerugian usaha ${row.number} angsuran ${input.n} ditanggung dana`,
          source: { type: 'financing.loss', id },
          lines: [
            { accountCode: ACCOUNTS.profitSharingLoss, debit: borne, fundId: row.fund_id },
            { accountCode: receivableAccount(product.kind), credit: borne, fundId: row.fund_id, party: { type: 'financing', id } },
          ],
        });
        await updateFinancing(tx, id, { outstanding_principal: outstanding - borne });
      }
    }
    await recordAudit(tx, ctx, {
      action: 'financing.business_result',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
  });
  return getFinancing(ctx, id);
}

/**
 * The reported periods with each side's share, recomputed by the same rules from the result,
 * the product's nisbah, the LKM's capital share and the negligence flag kept with a loss.
 */
export async function listBusinessResults(ctx: Context, id: string): Promise<z.infer<typeof businessResultsViewSchema>> {
  assertRole(ctx, FINANCING_READERS);
  const row = await findFinancing(ctx.db, id);
  if (!row || !regionInScope(actorScope(ctx), row.region_code)) throw notFound('financing', id);
  const product = await findProductById(ctx.db, row.product_id);
  if (product.kind !== 'mudharabah' && product.kind !== 'musyarakah') throw conflict('financing.not_profit_sharing', 'id');
  const kind = product.kind;
  const items = (await installmentsOf(ctx.db, id)).flatMap((i) => {
    if (i.reported_profit === null) return [];
    const result = BigInt(i.reported_profit);
    const share =
      result >= 0n
        ? profitShare(result, product.member_nisbah_percent ?? '0', product.rounding)
        : lossShare(
            kind,
            -result,
            { negligent: i.reported_negligent, lkmCapitalPercent: row.lkm_capital_percent ?? undefined },
            product.rounding,
          );
    const sign = result >= 0n ? 1n : -1n;
    return [
      {
        n: i.n,
        dueDate: i.due_date,
        result: result.toString(),
        negligent: i.reported_negligent,
        memberShare: (sign * share.member).toString(),
        fundShare: (sign * share.lkm).toString(),
      },
    ];
  });
  return { kind, memberNisbahPercent: product.member_nisbah_percent ?? '0', lkmCapitalPercent: row.lkm_capital_percent, items };
}
