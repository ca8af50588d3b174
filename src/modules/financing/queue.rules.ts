/**
 * The revolving queue: approved applications wait, in order, for money in their fund. Cash
 * on hand finances the first ones now; each instalment due brings the next ones closer. An
 * overdue instalment is not counted as coming in; the members it would have financed are
 * the ones it is holding up.
 */
export type Inflow = { financingId: string; dueDate: string; amount: bigint };
export type Queued = { id: string; amount: bigint };
export type QueueProjection = { id: string; expectedOn: string | null; cumulativeNeed: bigint };

export function projectQueue(cash: bigint, inflows: Inflow[], queue: Queued[], today: string): QueueProjection[] {
  const coming = inflows.filter((i) => i.dueDate >= today).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  let available = cash;
  let need = 0n;
  let next = 0;
  const result: QueueProjection[] = [];
  const fund = (date: string) => {
    while (next < queue.length && available >= (queue[next] as Queued).amount) {
      const item = queue[next] as Queued;
      available -= item.amount;
      need += item.amount;
      result.push({ id: item.id, expectedOn: date, cumulativeNeed: need });
      next++;
    }
  };
  fund(today);
  for (const inflow of coming) {
    available += inflow.amount;
    fund(inflow.dueDate);
  }
  for (; next < queue.length; next++) {
    need += (queue[next] as Queued).amount;
    result.push({ id: (queue[next] as Queued).id, expectedOn: null, cumulativeNeed: need });
  }
  return result;
}

/**
 * For each overdue financing (oldest arrears first), the queued applications that its
 * overdue amount, had it been paid, would finance today on top of the cash on hand.
 */
export function heldUpBy(
  cash: bigint,
  inflows: Inflow[],
  queue: Queued[],
  today: string,
): { financingId: string; overdue: bigint; holdingUp: string[] }[] {
  const overdue = new Map<string, { amount: bigint; oldest: string }>();
  for (const i of inflows.filter((x) => x.dueDate < today)) {
    const seen = overdue.get(i.financingId);
    overdue.set(i.financingId, {
      amount: (seen?.amount ?? 0n) + i.amount,
      oldest: seen && seen.oldest < i.dueDate ? seen.oldest : i.dueDate,
    });
  }
  let available = cash;
  let next = 0;
  const skipAffordable = () => {
    const funded: string[] = [];
    while (next < queue.length && available >= (queue[next] as Queued).amount) {
      available -= (queue[next] as Queued).amount;
      funded.push((queue[next] as Queued).id);
      next++;
    }
    return funded;
  };
  skipAffordable();
  return [...overdue.entries()]
    .sort((a, b) => a[1].oldest.localeCompare(b[1].oldest) || a[0].localeCompare(b[0]))
    .map(([financingId, o]) => {
      available += o.amount;
      return { financingId, overdue: o.amount, holdingUp: skipAffordable() };
    });
}
