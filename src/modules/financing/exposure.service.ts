import type { z } from 'zod';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { sumRupiah } from '../../core/money.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { householdMembers, personById } from '../registry/index.ts';
import { FINANCING_READERS } from './financing.roles.ts';
import type { exposureViewSchema } from './financing.schema.ts';
import { listFinancingRows } from './financing.store.ts';
import { financingInScope, financingListItems } from './lifecycle.service.ts';

/** What a member or their family still owes or has asked for: open applications, running and written-off financings. */
const OWING = ['applied', 'approved', 'disbursed', 'written_off'] as const;
/** More than any family holds; the list is for a decision, not paged. */
const MOST = 200;

/**
 * Over-indebtedness, for the approval screen: the member's and their household's (same KK)
 * other financings still open or owed, with what each still owes and what is past due, and
 * the totals. Only financings in the actor's regions are listed (as everywhere, one outside
 * reads as none).
 */
export async function householdExposure(ctx: Context, id: string): Promise<z.infer<typeof exposureViewSchema>> {
  assertRole(ctx, FINANCING_READERS);
  const row = await financingInScope(ctx, ctx.db, id);
  const person = await personById(ctx.db, row.person_id);
  const members = person?.household_id ? await householdMembers(ctx.db, person.household_id) : [];
  const personIds = [...new Set([row.person_id, ...members.map((m) => m.id)])];
  const rows = (
    await listFinancingRows(ctx.db, {
      statuses: [...OWING],
      personIds,
      regionPatterns: regionLikePatterns(actorScope(ctx)),
      offset: 0,
      limit: MOST,
    })
  ).filter((r) => r.id !== row.id);
  const items = (await financingListItems(ctx, rows)).map((item, i) => {
    const personId = rows[i]?.person_id ?? '';
    return {
      id: item.id,
      number: item.number,
      status: item.status as (typeof OWING)[number],
      personId,
      personName: item.personName,
      whose: personId === row.person_id ? ('member' as const) : ('household' as const),
      productCode: item.productCode,
      principal: item.principal,
      outstanding: item.status === 'disbursed' || item.status === 'written_off' ? item.outstanding : '0',
      overdue: item.status === 'disbursed' ? item.overdue : '0',
      daysPastDue: item.status === 'disbursed' ? item.daysPastDue : 0,
      appliedOn: item.appliedOn,
    };
  });
  // The applicant's own first, then the household's; each most owed first.
  items.sort((a, b) =>
    a.whose === b.whose
      ? Number(BigInt(b.outstanding) - BigInt(a.outstanding)) || a.number.localeCompare(b.number)
      : a.whose === 'member'
        ? -1
        : 1,
  );
  const outstanding = sumRupiah(items.map((i) => i.outstanding));
  const pending = sumRupiah(items.filter((i) => i.status === 'applied' || i.status === 'approved').map((i) => i.principal));
  const own =
    row.status === 'applied' || row.status === 'approved'
      ? BigInt(row.principal)
      : sumRupiah([row.outstanding_principal, row.outstanding_profit, row.outstanding_penalty]);
  return {
    financingId: row.id,
    householdId: person?.household_id ?? null,
    members: members.length,
    items,
    totals: {
      financings: items.length,
      outstanding: outstanding.toString(),
      overdue: sumRupiah(items.map((i) => i.overdue)).toString(),
      pending: pending.toString(),
      withThis: (outstanding + pending + own).toString(),
    },
  };
}
