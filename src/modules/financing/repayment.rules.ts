/** Allocating a repayment over instalments, arrears and quality classes: pure, integer rupiah. */
import { daysBetween } from '../../core/dates.ts';
import { minRupiah } from '../../core/money.ts';

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

/** What one instalment still asks for: its principal, profit and late charge less what was paid. */
export const instalmentOwed = (i: InstalmentDue) => owed(i, 'principal') + owed(i, 'profit') + owed(i, 'penalty');

export type Owed = { principal: bigint; profit: bigint; penalty: bigint; total: bigint };

/**
 * What a member owes on a financing: every instalment's principal, profit or margin and late
 * charge, less what was paid. The one definition of the balance: the financing's screen, its
 * receipts and kartu angsuran, the collection sheet and the field bundle all show this.
 */
export function amountOwed(instalments: InstalmentDue[]): Owed {
  let principal = 0n;
  let profit = 0n;
  let penalty = 0n;
  for (const i of instalments) {
    principal += owed(i, 'principal');
    profit += owed(i, 'profit');
    penalty += owed(i, 'penalty');
  }
  return { principal, profit, penalty, total: principal + profit + penalty };
}

/** What is still owed in total. */
export const totalOwed = (instalments: InstalmentDue[]): bigint => amountOwed(instalments).total;

export type PaidParts = { id: string; principal: bigint; profit: bigint; penalty: bigint; reversed: boolean };

/**
 * What was owed right after a repayment: what is owed now plus what the standing repayments
 * after it paid. A reversed repayment's own receipt shows the balance it left when received.
 * Late charges levied since are included (no history of them is kept), so for the latest
 * repayment this is exactly what the screen shows.
 */
export function owedAfterRepayment(now: Owed, repayments: PaidParts[], repaymentId: string): Owed {
  const at = repayments.findIndex((r) => r.id === repaymentId);
  if (at < 0) throw new Error(`repayment ${repaymentId} is not among the financing's repayments`);
  const back = repayments.slice(at + 1).filter((r) => !r.reversed);
  const own = repayments[at];
  if (own?.reversed) back.push({ ...own, principal: -own.principal, profit: -own.profit, penalty: -own.penalty });
  const owedThen = back.reduce(
    (o, r) => ({ principal: o.principal + r.principal, profit: o.profit + r.profit, penalty: o.penalty + r.penalty }),
    { principal: now.principal, profit: now.profit, penalty: now.penalty },
  );
  return { ...owedThen, total: owedThen.principal + owedThen.profit + owedThen.penalty };
}

/** The instalment rows as stored (exact strings) in the form the rules take. */
export const instalmentsDue = (
  rows: {
    n: number;
    due_date: string;
    principal: string | bigint;
    profit: string | bigint;
    penalty: string | bigint;
    principal_paid: string | bigint;
    profit_paid: string | bigint;
    penalty_paid: string | bigint;
  }[],
): InstalmentDue[] =>
  rows.map((i) => ({
    n: i.n,
    dueDate: i.due_date,
    principal: BigInt(i.principal),
    profit: BigInt(i.profit),
    penalty: BigInt(i.penalty),
    principalPaid: BigInt(i.principal_paid),
    profitPaid: BigInt(i.profit_paid),
    penaltyPaid: BigInt(i.penalty_paid),
  }));

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
      const take = minRupiah(owed(instalment, component), left);
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

/** Days past due: since the oldest instalment due before today that is not fully paid. */
export function daysPastDue(instalments: InstalmentDue[], asOf: string): number {
  const oldest = instalments
    .filter((i) => i.dueDate < asOf && (owed(i, 'principal') > 0n || owed(i, 'profit') > 0n))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return oldest ? daysBetween(oldest.dueDate, asOf) : 0;
}

export type Arrears = { overdue: bigint; dueToday: bigint; payableToday: bigint };

/**
 * What a member must pay to be up to date: `overdue` is what instalments that fell due before
 * `asOf` still ask for (late charges included), `dueToday` what the instalment(s) falling due
 * on `asOf` ask for, and `payableToday` both together. The counter offers these rather than
 * only the oldest instalment, so a member three instalments behind is not sent home current.
 */
export function arrearsOn(instalments: InstalmentDue[], asOf: string): Arrears {
  let overdue = 0n;
  let dueToday = 0n;
  for (const i of instalments) {
    if (i.dueDate < asOf) overdue += instalmentOwed(i);
    else if (i.dueDate === asOf) dueToday += instalmentOwed(i);
  }
  return { overdue, dueToday, payableToday: overdue + dueToday };
}
