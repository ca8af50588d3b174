/** JKN-KIS collection by cadres: pure rules over months (YYYY-MM) and whole rupiah. */

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
export const addMonths = (month: string, count: number) => monthOf(monthIndex(month) + count);
export const monthsBetween = (from: string, to: string) => monthIndex(to) - monthIndex(from);

/** What `months` months from `firstMonth` cost, each month at its own rate; null when a rate is missing. */
export function amountForMonths(
  rateOf: (month: string) => number | null,
  persons: number,
  firstMonth: string,
  months: number,
): number | null {
  let total = 0;
  for (let k = 0; k < months; k++) {
    const rate = rateOf(addMonths(firstMonth, k));
    if (rate === null) return null;
    total += rate * persons;
  }
  return total;
}

/**
 * Since when a cadre has held cash: deposits settle the oldest collections first, so the
 * cash still held dates from the first collection that deposits have not covered.
 */
export function cashHeldSince(
  collections: { paidOn: string; amount: bigint }[],
  deposited: bigint,
): { held: bigint; since: string | null } {
  let covered = deposited;
  let held = 0n;
  let since: string | null = null;
  for (const c of [...collections].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    if (covered >= c.amount) {
      covered -= c.amount;
      continue;
    }
    held += c.amount - covered;
    covered = 0n;
    since ??= c.paidOn;
  }
  return { held, since };
}

export type IncentiveRule = { kind: 'share_of_arrears'; percent: number } | { kind: 'fees'; perParticipant: number; perRecruit: number };
export const DEFAULT_INCENTIVE: IncentiveRule = { kind: 'share_of_arrears', percent: 25 };

/** A cadre's incentive for a month, rounded down to the rupiah. */
export function incentive(rule: IncentiveRule, month: { arrearsCollected: number; participantsPaid: number; recruits: number }): number {
  if (rule.kind === 'share_of_arrears') return Math.floor((month.arrearsCollected * rule.percent) / 100);
  return month.participantsPaid * rule.perParticipant + month.recruits * rule.perRecruit;
}
