/**
 * REHAB (Rencana Pembayaran Bertahap, BPJS Kesehatan): a PBPU family 4–24 months in arrears
 * pays the billed arrears in at most 12 monthly instalments, and meanwhile pays each month's
 * own contribution with the instalment; the card is active again once the last one is paid.
 * Pure: months as YYYY-MM, whole rupiah.
 */
import { MAX_BILLED_ARREARS_MONTHS, REHAB_MIN_MONTHS } from './jkn.rules.ts';

export const REHAB_MAX_INSTALMENTS = 12;

export type ArrearsMonth = { month: string; amount: number };
export type RehabInstalment = { n: number; firstMonth: string; lastMonth: string; months: number; amount: number };
export type RehabPlan = { instalments: RehabInstalment[]; total: number };
/** Runs of equal instalments, in the order they are paid: "2 × 3 months, then 2 × 2 months". */
export type RehabPart = { count: number; months: number; amount: number };

/**
 * The plan for the billed arrears (oldest month first, each at its own rate), in `instalments`
 * instalments (default: as many as allowed, the lightest). Each instalment is whole months,
 * oldest first, so a cadre collects it as an ordinary payment of that many months (the amount
 * the collection checks); the larger instalments come first. Null outside 4–24 months, or for
 * a count outside 1…min(12, months).
 */
export function planRehab(arrears: ArrearsMonth[], instalments?: number): RehabPlan | null {
  const months = arrears.length;
  if (months < REHAB_MIN_MONTHS || months > MAX_BILLED_ARREARS_MONTHS) return null;
  const most = Math.min(REHAB_MAX_INSTALMENTS, months);
  const count = instalments ?? most;
  if (!Number.isInteger(count) || count < 1 || count > most) return null;
  const base = Math.floor(months / count);
  const longer = months % count;
  const plan: RehabInstalment[] = [];
  let next = 0;
  for (let n = 1; n <= count; n++) {
    const size = base + (n <= longer ? 1 : 0);
    const covered = arrears.slice(next, next + size);
    next += size;
    plan.push({
      n,
      firstMonth: (covered[0] as ArrearsMonth).month,
      lastMonth: (covered[size - 1] as ArrearsMonth).month,
      months: size,
      amount: covered.reduce((sum, m) => sum + m.amount, 0),
    });
  }
  return { instalments: plan, total: arrears.reduce((sum, m) => sum + m.amount, 0) };
}

/** The plan's instalments grouped into runs of the same months and amount, in order. */
export function rehabParts(plan: RehabPlan): RehabPart[] {
  const parts: RehabPart[] = [];
  for (const i of plan.instalments) {
    const last = parts.at(-1);
    if (last && last.months === i.months && last.amount === i.amount) last.count++;
    else parts.push({ count: 1, months: i.months, amount: i.amount });
  }
  return parts;
}
