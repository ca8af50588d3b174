/**
 * A financing's monthly facts for the repayment comparison: how it stood at a month's end (or
 * the business date in the month not yet over) and how its instalments due that month were
 * paid. Pure; rebuilt from the whole schedule and the standing repayments, so a reversal or a
 * backdated repayment changes them the next time they are computed.
 */
import { daysBetween } from '../../core/dates.ts';

export type FactInput = {
  id: string;
  personId: string;
  officeId: string;
  disbursedOn: string;
  /** The day it left the portfolio (repaid in full or written off), null while running. */
  closedOn: string | null;
  instalments: readonly { n: number; dueDate: string; principal: bigint; profit: bigint }[];
  /** Standing repayments (reversed ones left out): principal and profit, late charges aside. */
  repayments: readonly { paidOn: string; principal: bigint; profit: bigint }[];
};

export type MonthFact = {
  month: string;
  financingId: string;
  personId: string;
  officeId: string;
  /** The month it left the portfolio when that was before this month began, else null. */
  closedMonth: string | null;
  inPortfolio: boolean;
  /** Schedule principal less principal repaid by the end day; 0 outside the portfolio. */
  outstandingPrincipal: bigint;
  /** From the oldest instalment due before the end day not paid in full (as close of day counts); 0 outside the portfolio. */
  daysPastDue: number;
  /** Instalments due from the month's first day to the end day. */
  due: number;
  /** Of those, paid in full (principal and profit) by their due date. */
  onTime: number;
};

/** A month (`YYYY-MM`) and the day its facts stand at: its last day, or the business date in the month not yet over. */
export type FactMonth = { month: string; end: string };

/**
 * The financing's facts for each month, null where it has nothing to count (not disbursed by
 * the end day, or out of the portfolio with no instalment due in the month). Repayments settle
 * the oldest instalment first, so instalment n is paid by a day when the principal and profit
 * repaid by then cover instalments 1…n.
 */
export function monthFacts(f: FactInput, months: readonly FactMonth[]): (MonthFact | null)[] {
  let cumulative = 0n;
  let totalPrincipal = 0n;
  const instalments = [...f.instalments]
    .sort((a, b) => a.n - b.n)
    .map((i) => {
      cumulative += i.principal + i.profit;
      totalPrincipal += i.principal;
      return { dueDate: i.dueDate, cumulative };
    });
  const repayments = [...f.repayments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const paidBy = (day: string) => {
    let principal = 0n;
    let both = 0n;
    for (const r of repayments) {
      if (r.paidOn > day) break;
      principal += r.principal;
      both += r.principal + r.profit;
    }
    return { principal, both };
  };
  // Whether each instalment was paid in full by its due date does not depend on the month.
  const onTimeAt = instalments.map((i) => paidBy(i.dueDate).both >= i.cumulative);
  return months.map(({ month, end }) => {
    if (f.disbursedOn > end) return null;
    const first = `${month}-01`;
    const inPortfolio = f.closedOn === null || f.closedOn > end;
    let due = 0;
    let onTime = 0;
    instalments.forEach((i, k) => {
      if (i.dueDate < first || i.dueDate > end) return;
      due += 1;
      if (onTimeAt[k]) onTime += 1;
    });
    if (!inPortfolio && due === 0) return null;
    let outstandingPrincipal = 0n;
    let daysPastDue = 0;
    if (inPortfolio) {
      const paid = paidBy(end);
      outstandingPrincipal = totalPrincipal - paid.principal;
      const oldest = instalments.find((i) => i.cumulative > paid.both);
      daysPastDue = oldest && oldest.dueDate < end ? daysBetween(oldest.dueDate, end) : 0;
    }
    return {
      month,
      financingId: f.id,
      personId: f.personId,
      officeId: f.officeId,
      closedMonth: f.closedOn !== null && f.closedOn < first ? f.closedOn.slice(0, 7) : null,
      inPortfolio,
      outstandingPrincipal,
      daysPastDue,
      due,
      onTime,
    };
  });
}
