import { assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { availableCash, findFundForActor } from '../ledger/index.ts';
import { personsByIds } from '../registry/index.ts';
import { FINANCING_READERS } from './financing.roles.ts';
import { fundInflows, queuedApplications } from './financing.store.ts';
import { heldUpBy, projectQueue } from './queue.rules.ts';

/** The fund's waiting line with expected financing dates, and who each overdue financing holds up. */
export async function revolvingQueue(ctx: Context, fundCode: string) {
  assertRole(ctx, FINANCING_READERS);
  const fund = await findFundForActor(ctx, ctx.db, { code: fundCode });
  if (!fund) throw notFound('fund', fundCode);
  const today = businessDate(ctx.clock);
  const [cash, waiting, due] = await Promise.all([
    availableCash(ctx.db, fund.id),
    queuedApplications(ctx.db, fund.id),
    fundInflows(ctx.db, fund.id),
  ]);
  // Names after the rows: one read for every member in the line and behind an instalment.
  const persons = await personsByIds(ctx.db, [...waiting.map((w) => w.person_id), ...due.map((d) => d.person_id)]);
  const nameOf = (personId: string) => persons.get(personId)?.fullName ?? '';
  const queue = waiting.map((w) => ({ id: w.id, amount: BigInt(w.principal) }));
  const inflows = due.map((d) => ({ financingId: d.financing_id, dueDate: d.due_date, amount: BigInt(d.amount) }));
  const projection = new Map(projectQueue(cash, inflows, queue, today).map((p) => [p.id, p]));
  const byId = new Map(waiting.map((w) => [w.id, w]));
  const names = new Map(due.map((d) => [d.financing_id, { number: d.number, name: nameOf(d.person_id), personId: d.person_id }]));
  return {
    fundCode: fund.code,
    asOf: today,
    cash: cash.toString(),
    waiting: waiting.map((w, index) => ({
      position: index + 1,
      financingId: w.id,
      number: w.number,
      memberName: nameOf(w.person_id),
      personId: w.person_id,
      amount: w.principal,
      approvedAt: w.decided_at ? new Date(w.decided_at).toISOString() : null,
      cumulativeNeed: (projection.get(w.id)?.cumulativeNeed ?? 0n).toString(),
      expectedOn: projection.get(w.id)?.expectedOn ?? null,
    })),
    overdue: heldUpBy(cash, inflows, queue, today).map((h) => ({
      financingId: h.financingId,
      number: names.get(h.financingId)?.number ?? '',
      memberName: names.get(h.financingId)?.name ?? '',
      personId: names.get(h.financingId)?.personId ?? '',
      overdueAmount: h.overdue.toString(),
      holdingUp: h.holdingUp.map((id) => ({
        financingId: id,
        number: byId.get(id)?.number ?? '',
        memberName: nameOf(byId.get(id)?.person_id ?? ''),
        personId: byId.get(id)?.person_id ?? '',
      })),
    })),
  };
}
