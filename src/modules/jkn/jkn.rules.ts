import { daysBetween, monthIndex, monthOfIndex } from '../../core/dates.ts';

export type JknClass = 'I' | 'II' | 'III';
export type RatePeriod = { from: string; participantShare: Record<JknClass, number> };

export function rateFor(table: RatePeriod[], jknClass: JknClass, month: string): number | null {
  let rate: number | null = null;
  for (const period of table) if (period.from <= month) rate = period.participantShare[jknClass];
  return rate;
}

export type Quote = {
  status: 'active' | 'inactive';
  monthlyDue: number;
  arrearsMonths: number;
  billedArrearsMonths: number;
  arrearsAmount: number;
  currentMonthAmount: number;
  reactivationTotal: number;
  rehabEligible: boolean;
};

export const MAX_BILLED_ARREARS_MONTHS = 24;
export const REHAB_MIN_MONTHS = 4;

/**
 * What a family owes as of a day. Months after `paidThrough` and before the current month are
 * arrears; a month unpaid at its end makes the card inactive from the 1st of the next month.
 * Reactivation needs the arrears (at most the latest 24 months) plus the current month, each
 * month at its own rate. REHAB instalments apply to 4–24 billed months of arrears.
 */
export function quoteContributions(
  table: RatePeriod[],
  input: { jknClass: JknClass; persons: number; paidThrough: string; asOf: string },
): { ok: true; quote: Quote } | { ok: false; month: string } {
  const current = monthIndex(input.asOf.slice(0, 7));
  const paid = monthIndex(input.paidThrough);
  const arrearsMonths = Math.max(0, current - paid - 1);
  const billed = Math.min(arrearsMonths, MAX_BILLED_ARREARS_MONTHS);
  let arrearsAmount = 0;
  for (let m = current - billed; m < current; m++) {
    const rate = rateFor(table, input.jknClass, monthOfIndex(m));
    if (rate === null) return { ok: false, month: monthOfIndex(m) };
    arrearsAmount += rate * input.persons;
  }
  const currentRate = rateFor(table, input.jknClass, monthOfIndex(current));
  if (currentRate === null) return { ok: false, month: monthOfIndex(current) };
  const currentMonthAmount = paid >= current ? 0 : currentRate * input.persons;
  return {
    ok: true,
    quote: {
      status: arrearsMonths > 0 ? 'inactive' : 'active',
      monthlyDue: currentRate * input.persons,
      arrearsMonths,
      billedArrearsMonths: billed,
      arrearsAmount,
      currentMonthAmount,
      reactivationTotal: arrearsAmount + currentMonthAmount,
      rehabEligible: billed >= REHAB_MIN_MONTHS && billed <= MAX_BILLED_ARREARS_MONTHS,
    },
  };
}

/**
 * The billed months in arrears as of a day (at most the latest 24 before the current month),
 * oldest first, each with what it costs the family at its own rate; null when a rate is missing.
 */
export function billedArrears(
  table: RatePeriod[],
  input: { jknClass: JknClass; persons: number; paidThrough: string; asOf: string },
): { month: string; amount: number }[] | null {
  const current = monthIndex(input.asOf.slice(0, 7));
  const billed = Math.min(Math.max(0, current - monthIndex(input.paidThrough) - 1), MAX_BILLED_ARREARS_MONTHS);
  const months = [];
  for (let m = current - billed; m < current; m++) {
    const rate = rateFor(table, input.jknClass, monthOfIndex(m));
    if (rate === null) return null;
    months.push({ month: monthOfIndex(m), amount: rate * input.persons });
  }
  return months;
}

/**
 * The first month a payment made in `month` covers: the month after the paid-through one, but
 * never more than 24 months back — older arrears are no longer billed, so paying the latest 24
 * and the current month reactivates the card (the quote's reactivation total).
 */
export function firstBilledMonth(paidThrough: string, month: string): string {
  return monthOfIndex(Math.max(monthIndex(paidThrough) + 1, monthIndex(month) - MAX_BILLED_ARREARS_MONTHS));
}

export const PENALTY_WINDOW_DAYS = 45;
export const PENALTY_MAX_MONTHS = 12;
export const PENALTY_CAP = 30_000_000;

/**
 * Denda pelayanan: inpatient care within 45 days after reactivation costs rate × INA-CBG
 * tariff × months in arrears (at most 12), capped at Rp30.000.000; PBI participants and
 * outpatient care are exempt. Whole rupiah, rounded half up.
 */
export function quotePenalty(
  rates: { from: string; permille: number }[],
  input: {
    reactivatedOn: string;
    admittedOn: string;
    careType: 'inpatient' | 'outpatient';
    tariff: bigint;
    monthsInArrears: number;
    segment: 'PBPU' | 'PBI' | 'PPU';
  },
): { ok: true; penalty: bigint; reason: string } | { ok: false; field: 'admittedOn'; code: 'jkn.admitted_before_reactivation' } {
  const gap = daysBetween(input.reactivatedOn, input.admittedOn);
  // The penalty is for care after reactivation: an admission before it is a mistyped date, not "no penalty".
  if (gap < 0) return { ok: false, field: 'admittedOn', code: 'jkn.admitted_before_reactivation' };
  if (input.segment === 'PBI') return { ok: true, penalty: 0n, reason: 'pbi_exempt' };
  if (input.careType !== 'inpatient') return { ok: true, penalty: 0n, reason: 'outpatient_exempt' };
  if (gap > PENALTY_WINDOW_DAYS) return { ok: true, penalty: 0n, reason: 'outside_45_days' };
  if (input.monthsInArrears <= 0) return { ok: true, penalty: 0n, reason: 'no_arrears' };
  let permille = 0;
  for (const rate of rates) if (rate.from <= input.admittedOn) permille = rate.permille;
  const months = BigInt(Math.min(input.monthsInArrears, PENALTY_MAX_MONTHS));
  const raw = (input.tariff * months * BigInt(permille) * 2n + 1000n) / 2000n; // half up to the rupiah
  const capped = raw > BigInt(PENALTY_CAP);
  return { ok: true, penalty: capped ? BigInt(PENALTY_CAP) : raw, reason: capped ? 'capped' : 'penalty_applies' };
}
