import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOfIndex } from '../../core/dates.ts';
import { rehabPlanOfFamily } from './jkn.family.ts';
import { JKN_RATES } from './jkn.rates.ts';
import { billedArrears, quoteContributions } from './jkn.rules.ts';
import { type ArrearsMonth, planRehab, rehabParts } from './rehab.rules.ts';

/** `count` months from January 2024 at the same amount. */
const flat = (count: number, amount: number): ArrearsMonth[] =>
  Array.from({ length: count }, (_, k) => ({ month: monthOfIndex(2024 * 12 + k), amount }));
const arrearsOf = (jknClass: 'I' | 'II' | 'III', persons: number, paidThrough: string, asOf: string) => {
  const months = billedArrears(JKN_RATES, { jknClass, persons, paidThrough, asOf });
  if (!months) throw new Error('no rate');
  return months;
};

describe('REHAB instalments', () => {
  it('applies from 4 months of arrears: 4 months in class III for 1 person → 4 × Rp35.000', () => {
    expect(planRehab(flat(3, 35_000))).toBeNull();
    const plan = planRehab(flat(4, 35_000));
    expect(plan?.total).toBe(140_000);
    expect(plan?.instalments.map((i) => [i.n, i.firstMonth, i.lastMonth, i.amount])).toEqual([
      [1, '2024-01', '2024-01', 35_000],
      [2, '2024-02', '2024-02', 35_000],
      [3, '2024-03', '2024-03', 35_000],
      [4, '2024-04', '2024-04', 35_000],
    ]);
  });

  it('never more than 12 instalments: 18 months of class II for 2 persons → 6 × Rp400.000 then 6 × Rp200.000', () => {
    const plan = planRehab(flat(18, 200_000));
    expect(plan?.instalments).toHaveLength(12);
    expect(plan?.total).toBe(3_600_000);
    expect(plan && rehabParts(plan)).toEqual([
      { count: 6, months: 2, amount: 400_000 },
      { count: 6, months: 1, amount: 200_000 },
    ]);
    // The oldest arrears go first: the first instalment settles January and February 2024.
    expect(plan?.instalments[0]).toMatchObject({ firstMonth: '2024-01', lastMonth: '2024-02' });
    expect(plan?.instalments.at(-1)).toMatchObject({ firstMonth: '2025-06', lastMonth: '2025-06' });
  });

  it('24 months of class I → 12 × 2 months at Rp300.000 = Rp3.600.000', () => {
    const plan = planRehab(flat(24, 150_000));
    expect(plan && rehabParts(plan)).toEqual([{ count: 12, months: 2, amount: 300_000 }]);
    expect(planRehab(flat(25, 150_000))).toBeNull();
  });

  it('a chosen number of instalments: 10 months in 4 → 3, 3, 2, 2 months; outside 1…min(12, months) refused', () => {
    const plan = planRehab(flat(10, 105_000), 4);
    expect(plan?.instalments.map((i) => i.months)).toEqual([3, 3, 2, 2]);
    expect(plan?.instalments.map((i) => i.amount)).toEqual([315_000, 315_000, 210_000, 210_000]);
    expect(planRehab(flat(10, 105_000), 11)).toBeNull();
    expect(planRehab(flat(20, 105_000), 13)).toBeNull();
    expect(planRehab(flat(10, 105_000), 0)).toBeNull();
    expect(planRehab(flat(10, 105_000), 2.5)).toBeNull();
  });

  it('prices each month at its own rate: Oct 2020 – Feb 2021 in class III for 2 persons, in 2 instalments', () => {
    const arrears = arrearsOf('III', 2, '2020-09', '2021-03-05');
    expect(arrears.map((m) => m.amount)).toEqual([51_000, 51_000, 51_000, 70_000, 70_000]);
    const plan = planRehab(arrears, 2);
    expect(plan?.instalments.map((i) => [i.firstMonth, i.lastMonth, i.amount])).toEqual([
      ['2020-10', '2020-12', 153_000],
      ['2021-01', '2021-02', 140_000],
    ]);
    expect(plan?.total).toBe(293_000);
  });

  it('60 months behind in class III bills 24: 12 × Rp70.000, with this month’s Rp35.000 paid alongside', () => {
    expect(rehabPlanOfFamily({ jknClass: 'III', persons: 1, paidThrough: '2020-12', asOf: '2026-01-15' })).toEqual({
      instalments: 12,
      total: '840000',
      firstMonth: '2024-01',
      lastMonth: '2025-12',
      monthlyDue: '35000',
      parts: [{ count: 12, months: 2, amount: '70000' }],
    });
    expect(rehabPlanOfFamily({ jknClass: 'III', persons: 3, paidThrough: '2025-10', asOf: '2026-01-15' })).toBeNull();
  });

  it('instalments are whole months, oldest first, at most 12, and sum to the arrears billed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 4, maxLength: 24 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2020 * 12, max: 2030 * 12 }),
        (amounts, wanted, start) => {
          const arrears = amounts.map((amount, k) => ({ month: monthOfIndex(start + k), amount }));
          const count = Math.min(wanted, amounts.length);
          const plan = planRehab(arrears, count);
          if (!plan) throw new Error('no plan');
          const total = amounts.reduce((a, b) => a + b, 0);
          expect(plan.total).toBe(total);
          expect(plan.instalments.reduce((sum, i) => sum + i.amount, 0)).toBe(total);
          expect(plan.instalments.length).toBe(count);
          expect(plan.instalments.length).toBeLessThanOrEqual(12);
          // Contiguous from the oldest month to the newest, each instalment whole months at their own amounts.
          let k = 0;
          for (const [index, i] of plan.instalments.entries()) {
            expect(i.n).toBe(index + 1);
            expect(i.months).toBeGreaterThanOrEqual(1);
            expect(i.firstMonth).toBe(monthOfIndex(start + k));
            expect(i.lastMonth).toBe(monthOfIndex(start + k + i.months - 1));
            expect(i.amount).toBe(amounts.slice(k, k + i.months).reduce((a, b) => a + b, 0));
            k += i.months;
          }
          expect(k).toBe(amounts.length);
          // As even as whole months allow, the longer ones first.
          const sizes = plan.instalments.map((i) => i.months);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
          // The runs give back the instalments.
          expect(rehabParts(plan).flatMap((p) => Array.from({ length: p.count }, () => [p.months, p.amount]))).toEqual(
            plan.instalments.map((i) => [i.months, i.amount]),
          );
        },
      ),
    );
  });

  it('the default plan takes as many instalments as allowed: min(12, months)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 24 }), (months) => {
        expect(planRehab(flat(months, 35_000))?.instalments).toHaveLength(Math.min(12, months));
      }),
    );
  });

  it('a family has a plan exactly when the quote says REHAB applies, for the quote’s arrears amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('I' as const, 'II' as const, 'III' as const),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2020 * 12 + 6, max: 2027 * 12 }),
        fc.integer({ min: 2021 * 12, max: 2028 * 12 }),
        (jknClass, persons, paid, now) => {
          const input = { jknClass, persons, paidThrough: monthOfIndex(paid), asOf: `${monthOfIndex(now)}-15` };
          const quote = quoteContributions(JKN_RATES, input);
          if (!quote.ok) throw new Error('no rate');
          const plan = rehabPlanOfFamily(input);
          expect(plan !== null).toBe(quote.quote.rehabEligible);
          if (plan) {
            expect(plan.total).toBe(String(quote.quote.arrearsAmount));
            expect(plan.monthlyDue).toBe(String(quote.quote.monthlyDue));
            expect(plan.parts.reduce((n, p) => n + p.count, 0)).toBe(plan.instalments);
            expect(plan.parts.reduce((sum, p) => sum + p.count * Number(p.amount), 0)).toBe(quote.quote.arrearsAmount);
          }
        },
      ),
    );
  });
});
