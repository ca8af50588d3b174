import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOfIndex } from '../../core/dates.ts';
import { JKN_PENALTY_RATES, JKN_RATES } from './jkn.rates.ts';
import { firstBilledMonth, quoteContributions, quotePenalty } from './jkn.rules.ts';

const quote = (jknClass: 'I' | 'II' | 'III', persons: number, paidThrough: string, asOf: string) => {
  const result = quoteContributions(JKN_RATES, { jknClass, persons, paidThrough, asOf });
  if (!result.ok) throw new Error(`no rate for ${result.month}`);
  return result.quote;
};

describe('JKN contribution quotes', () => {
  it('bills the participant share of class III: Rp35.000 × 3 persons, one month behind → inactive', () => {
    expect(quote('III', 3, '2024-11', '2025-01-15')).toEqual({
      status: 'inactive',
      monthlyDue: 105_000,
      arrearsMonths: 1,
      billedArrearsMonths: 1,
      arrearsAmount: 105_000,
      currentMonthAmount: 105_000,
      reactivationTotal: 210_000,
      rehabEligible: false,
    });
  });

  it('is active while only the current month is open, and owes nothing when paid ahead', () => {
    expect(quote('II', 2, '2024-12', '2025-01-31')).toMatchObject({
      status: 'active',
      arrearsMonths: 0,
      currentMonthAmount: 200_000,
      reactivationTotal: 200_000,
    });
    expect(quote('I', 1, '2025-03', '2025-01-15')).toMatchObject({ status: 'active', currentMonthAmount: 0, reactivationTotal: 0 });
  });

  it('prices each month at its own rate: Rp25.500 in Jul–Dec 2020, Rp35.000 from 2021', () => {
    // Unpaid Oct 2020 – Feb 2021: 3 months at 25.500 and 2 at 35.000, for 2 persons.
    expect(quote('III', 2, '2020-09', '2021-03-05')).toMatchObject({
      arrearsMonths: 5,
      arrearsAmount: 2 * (3 * 25_500 + 2 * 35_000),
      currentMonthAmount: 70_000,
      rehabEligible: true,
    });
  });

  it('caps billed arrears at 24 months plus the current month', () => {
    const q = quote('I', 1, '2021-01', '2024-06-10');
    expect(q).toMatchObject({
      arrearsMonths: 40,
      billedArrearsMonths: 24,
      arrearsAmount: 24 * 150_000,
      reactivationTotal: 25 * 150_000,
      rehabEligible: true,
    });
  });

  it('bills 60 months behind in class III as 24 × Rp35.000 + the current month = Rp875.000', () => {
    // Paid through Dec 2020, asked in Jan 2026: Jan 2021 – Dec 2025 unpaid, all at the 2021 share.
    expect(quote('III', 1, '2020-12', '2026-01-15')).toEqual({
      status: 'inactive',
      monthlyDue: 35_000,
      arrearsMonths: 60,
      billedArrearsMonths: 24,
      arrearsAmount: 840_000,
      currentMonthAmount: 35_000,
      reactivationTotal: 875_000,
      rehabEligible: true,
    });
  });

  it('refuses months before the rate table begins', () => {
    expect(quoteContributions(JKN_RATES, { jknClass: 'I', persons: 1, paidThrough: '2020-03', asOf: '2020-08-01' })).toEqual({
      ok: false,
      month: '2020-04',
    });
  });

  it('always asks arrears plus current month, with billed months between 0 and 24', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }), (behind, persons) => {
        const asOfIndex = 2026 * 12 + 10;
        const paid = asOfIndex - behind - 1;
        const paidThrough = monthOfIndex(paid);
        const q = quote('III', persons, paidThrough, '2026-11-20');
        expect(q.billedArrearsMonths).toBe(Math.min(behind, 24));
        expect(q.reactivationTotal).toBe(q.arrearsAmount + q.currentMonthAmount);
        expect(q.arrearsAmount).toBe(35_000 * persons * Math.min(behind, 24));
      }),
    );
  });

  it('bills a payment from the month after the paid-through one, at most 24 months back', () => {
    expect(firstBilledMonth('2026-01', '2026-03')).toBe('2026-02');
    expect(firstBilledMonth('2024-03', '2026-03')).toBe('2024-04'); // exactly 23 months behind
    expect(firstBilledMonth('2024-02', '2026-03')).toBe('2024-03'); // 24 behind: all billed
    expect(firstBilledMonth('2023-08', '2026-03')).toBe('2024-03'); // 30 behind: the latest 24
    expect(firstBilledMonth('2026-05', '2026-03')).toBe('2026-06'); // paid ahead
  });

  it('paying the billed arrears and the current month costs exactly the reactivation total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }), (behind, persons) => {
        const asOfIndex = 2026 * 12 + 10;
        const paid = asOfIndex - behind - 1;
        const paidThrough = monthOfIndex(paid);
        const q = quote('III', persons, paidThrough, '2026-11-20');
        const first = firstBilledMonth(paidThrough, '2026-11');
        const months = 2026 * 12 + 10 - (Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1) + 1;
        expect(months).toBe(Math.min(behind, 24) + 1);
        expect(35_000 * persons * months).toBe(q.reactivationTotal);
      }),
    );
  });
});

describe('JKN inpatient penalty quotes', () => {
  const base = {
    reactivatedOn: '2021-01-02',
    admittedOn: '2021-02-16',
    careType: 'inpatient' as const,
    tariff: 10_000_000n,
    monthsInArrears: 6,
    segment: 'PBPU' as const,
  };
  it('charges 5% × tariff × months on day 45 after reactivation', () => {
    expect(quotePenalty(JKN_PENALTY_RATES, base)).toEqual({ ok: true, penalty: 3_000_000n, reason: 'penalty_applies' });
  });
  it('charges 2.5% before 2021 and rounds to the rupiah half up', () => {
    expect(
      quotePenalty(JKN_PENALTY_RATES, {
        ...base,
        reactivatedOn: '2020-11-01',
        admittedOn: '2020-11-20',
        tariff: 1_234_567n,
        monthsInArrears: 1,
      }),
    ).toEqual({ ok: true, penalty: 30_864n, reason: 'penalty_applies' });
  });
  it('caps months at 12 and the penalty at Rp30.000.000', () => {
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, monthsInArrears: 20, tariff: 20_000_000n })).toMatchObject({ penalty: 12_000_000n });
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, monthsInArrears: 12, tariff: 80_000_000n })).toEqual({
      ok: true,
      penalty: 30_000_000n,
      reason: 'capped',
    });
  });
  it('caps Rp60.000.000 × 12 months (Rp36.000.000 at 5%) at Rp30.000.000; Rp50.000.000 × 12 is exactly the cap', () => {
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, monthsInArrears: 12, tariff: 60_000_000n })).toEqual({
      ok: true,
      penalty: 30_000_000n,
      reason: 'capped',
    });
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, monthsInArrears: 12, tariff: 50_000_000n })).toEqual({
      ok: true,
      penalty: 30_000_000n,
      reason: 'penalty_applies',
    });
  });
  it('charges nothing after 45 days, for outpatient care or for PBI', () => {
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, admittedOn: '2021-02-17' })).toEqual({
      ok: true,
      penalty: 0n,
      reason: 'outside_45_days',
    });
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, careType: 'outpatient' })).toMatchObject({ reason: 'outpatient_exempt' });
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, segment: 'PBI' })).toMatchObject({ reason: 'pbi_exempt' });
  });
  it('refuses an admission before the reactivation (a mistyped date), whatever the segment or care; the same day is day 0', () => {
    for (const input of [base, { ...base, segment: 'PBI' as const }, { ...base, careType: 'outpatient' as const }])
      expect(quotePenalty(JKN_PENALTY_RATES, { ...input, admittedOn: '2021-01-01' })).toEqual({
        ok: false,
        field: 'admittedOn',
        code: 'jkn.admitted_before_reactivation',
      });
    expect(quotePenalty(JKN_PENALTY_RATES, { ...base, admittedOn: base.reactivatedOn })).toMatchObject({ reason: 'penalty_applies' });
  });
});
