/** Allocating a repayment over instalments, arrears and quality classes: pure, integer rupiah. */

export type Component = 'penalty' | 'profit' | 'principal';
export const DEFAULT_ALLOCATION: readonly Component[] = ['penalty', 'profit', 'principal'];

export type InstalmentDue = {
  n: number;
  dueDate: string;
  principal: bigint;
  profit: bigint;
  penalty: bigint;
  principalPaid: bigint;
  profitPaid: bigint;
  penaltyPaid: bigint;
};
export type Allocation = { n: number; principal: bigint; profit: bigint; penalty: bigint };

const owed = (i: InstalmentDue, c: Component) =>
  c === 'principal' ? i.principal - i.principalPaid : c === 'profit' ? i.profit - i.profitPaid : i.penalty - i.penaltyPaid;

/** What is still owed in total. */
export function totalOwed(instalments: InstalmentDue[]): bigint {
  return instalments.reduce((sum, i) => sum + owed(i, 'principal') + owed(i, 'profit') + owed(i, 'penalty'), 0n);
}

/**
 * Oldest instalment first; within each, the components in the product's order (default
 * penalty → profit → principal). Returns the allocation and what was left over (which the
 * caller refuses: an overpayment is not silently kept).
 */
export function allocateRepayment(amount: bigint, instalments: InstalmentDue[], order: readonly Component[] = DEFAULT_ALLOCATION) {
  let left = amount;
  const allocation: Allocation[] = [];
  for (const instalment of [...instalments].sort((a, b) => a.n - b.n)) {
    if (left === 0n) break;
    const part: Allocation = { n: instalment.n, principal: 0n, profit: 0n, penalty: 0n };
    for (const component of order) {
      const take = owed(instalment, component) < left ? owed(instalment, component) : left;
      if (take > 0n) {
        part[component] += take;
        left -= take;
      }
    }
    if (part.principal + part.profit + part.penalty > 0n) allocation.push(part);
  }
  return { allocation, left };
}

export const sumAllocation = (allocation: Allocation[]) =>
  allocation.reduce((s, a) => ({ principal: s.principal + a.principal, profit: s.profit + a.profit, penalty: s.penalty + a.penalty }), {
    principal: 0n,
    profit: 0n,
    penalty: 0n,
  });

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Days past due: since the oldest instalment due before today that is not fully paid. */
export function daysPastDue(instalments: InstalmentDue[], asOf: string): number {
  const oldest = instalments
    .filter((i) => i.dueDate < asOf && (owed(i, 'principal') > 0n || owed(i, 'profit') > 0n))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return oldest ? daysBetween(oldest.dueDate, asOf) : 0;
}
