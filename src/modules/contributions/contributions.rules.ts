/** JKN-KIS collection by cadres: pure rules over months (YYYY-MM) and whole rupiah. */
import { addMonths, daysBetween } from '../../core/dates.ts';
import { formatMonth } from '../../core/format.ts';
import type { Locale } from '../../core/locale.ts';
import { minRupiah } from '../../core/money.ts';

/** "September 2025" for one month, "September 2025 s.d. November 2025" / "… to …" for more. */
export const monthSpan = (first: string, last: string, locale: Locale) =>
  first === last
    ? formatMonth(first, locale)
    : `${formatMonth(first, locale)} ${locale === 'id' ? 's.d.' : 'to'} ${formatMonth(last, locale)}`;

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

/**
 * The deposits made in a month and how many of them were on time: a deposit settles the
 * oldest cash first (as `cashHeldSince`), and is on time when that cash had been held no
 * longer than `limitDays`.
 */
export function depositTimeliness(
  collections: { paidOn: string; amount: bigint }[],
  deposits: { depositedOn: string; amount: bigint }[],
  limitDays: number,
  month: string,
): { deposits: number; onTime: number } {
  const open = [...collections].sort((a, b) => a.paidOn.localeCompare(b.paidOn)).map((c) => ({ ...c }));
  let next = 0;
  let counted = 0;
  let onTime = 0;
  for (const deposit of [...deposits].sort((a, b) => a.depositedOn.localeCompare(b.depositedOn))) {
    const oldest = open[next];
    if (deposit.depositedOn.slice(0, 7) === month) {
      counted++;
      if (!oldest || daysBetween(oldest.paidOn, deposit.depositedOn) <= limitDays) onTime++;
    }
    let left = deposit.amount;
    while (left > 0n && next < open.length) {
      const c = open[next] as { amount: bigint };
      const used = minRupiah(left, c.amount);
      c.amount -= used;
      left -= used;
      if (c.amount === 0n) next++;
    }
  }
  return { deposits: counted, onTime };
}

export type IncentiveRule = { kind: 'share_of_arrears'; percent: number } | { kind: 'fees'; perParticipant: number; perRecruit: number };
export const DEFAULT_INCENTIVE: IncentiveRule = { kind: 'share_of_arrears', percent: 25 };

/** A cadre's incentive for a month, rounded down to the rupiah. */
export function incentive(rule: IncentiveRule, month: { arrearsCollected: number; participantsPaid: number; recruits: number }): number {
  if (rule.kind === 'share_of_arrears') return Math.floor((month.arrearsCollected * rule.percent) / 100);
  return month.participantsPaid * rule.perParticipant + month.recruits * rule.perRecruit;
}
