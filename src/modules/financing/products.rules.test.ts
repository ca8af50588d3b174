import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lossShare, murabahahMargin, PRODUCT_KINDS, type ProductTerms, productSchedule, profitShare } from './products.rules.ts';
import { qualityClass } from './quality.rules.ts';
import { allocateRepayment, daysPastDue, type InstalmentDue, totalOwed } from './repayment.rules.ts';

const terms = (over: Partial<ProductTerms>): ProductTerms => ({
  kind: 'flat',
  ratePercent: '0',
  frequency: 'monthly',
  graceOnPrincipal: 0,
  graceOnProfit: 0,
  rounding: 'half-up',
  inMultiplesOf: null,
  ...over,
});
const loan = (principal: bigint, installments: number) => ({ principal, installments, disbursementDate: '2026-01-15', firstDueDate: null });

describe('worked examples', () => {
  it('Rp120.000.000 at 10% flat over 12 months: Rp11.000.000 a month', () => {
    const rows = productSchedule(terms({ kind: 'flat', ratePercent: '10' }), loan(120_000_000n, 12));
    expect(rows).toHaveLength(12);
    for (const row of rows)
      expect({ principal: row.principal, profit: row.profit }).toEqual({ principal: 10_000_000n, profit: 1_000_000n });
    expect(rows[0]?.dueDate).toBe('2026-02-15');
  });
  it('murabahah cost Rp10.000.000 + 20% over 10 months: Rp1.200.000 of which Rp200.000 margin', () => {
    expect(murabahahMargin(10_000_000n, '20')).toBe(2_000_000n);
    const rows = productSchedule(terms({ kind: 'murabahah', ratePercent: '20' }), loan(10_000_000n, 10));
    for (const row of rows) expect(row.principal + row.profit).toBe(1_200_000n);
    expect(rows.every((r) => r.profit === 200_000n)).toBe(true);
  });
  it('mudharabah profit Rp2.000.000 at 40:60 (LKM:member): Rp800.000 to the LKM, Rp1.200.000 to the member', () => {
    expect(profitShare(2_000_000n, '60')).toEqual({ member: 1_200_000n, lkm: 800_000n });
  });
  it('a mudharabah loss is borne by the fund unless the member was negligent; musyarakah by capital share', () => {
    expect(lossShare('mudharabah', 500_000n, {})).toEqual({ member: 0n, lkm: 500_000n });
    expect(lossShare('mudharabah', 500_000n, { negligent: true })).toEqual({ member: 500_000n, lkm: 0n });
    expect(lossShare('musyarakah', 1_000_000n, { lkmCapitalPercent: '70' })).toEqual({ member: 300_000n, lkm: 700_000n });
  });
  it('qardhul hasan repays principal only; the last instalment absorbs the remainder', () => {
    const rows = productSchedule(terms({ kind: 'qardh' }), loan(1_000_000n, 3));
    expect(rows.map((r) => [r.principal, r.profit])).toEqual([
      [333_333n, 0n],
      [333_333n, 0n],
      [333_334n, 0n],
    ]);
  });
  it('weekly and fortnightly instalments fall every 7 and 14 days', () => {
    expect(productSchedule(terms({ kind: 'qardh', frequency: 'weekly' }), loan(100_000n, 2)).map((r) => r.dueDate)).toEqual([
      '2026-01-22',
      '2026-01-29',
    ]);
    expect(productSchedule(terms({ kind: 'qardh', frequency: 'fortnightly' }), loan(100_000n, 2)).map((r) => r.dueDate)).toEqual([
      '2026-01-29',
      '2026-02-12',
    ]);
  });
});

describe('every product repays exactly its principal', () => {
  it('holds for random amounts, terms and rates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCT_KINDS),
        fc.bigInt({ min: 100_000n, max: 500_000_000n }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 0, max: 36 }),
        fc.constantFrom('weekly' as const, 'fortnightly' as const, 'monthly' as const),
        (kind, principal, n, rate, frequency) => {
          const rows = productSchedule(terms({ kind, ratePercent: String(rate), frequency }), loan(principal, n));
          expect(rows.reduce((s, r) => s + r.principal, 0n)).toBe(principal);
          expect(rows.every((r) => r.principal >= 0n && r.profit >= 0n)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const due = (n: number, dueDate: string, principal: bigint, profit: bigint, paid: Partial<InstalmentDue> = {}): InstalmentDue => ({
  n,
  dueDate,
  principal,
  profit,
  penalty: 0n,
  principalPaid: 0n,
  profitPaid: 0n,
  penaltyPaid: 0n,
  ...paid,
});

describe('allocation and arrears', () => {
  const plan = [due(1, '2026-02-15', 1_000_000n, 200_000n, { penalty: 12_000n }), due(2, '2026-03-15', 1_000_000n, 200_000n)];
  it('pays penalty, then profit, then principal, oldest instalment first', () => {
    expect(allocateRepayment(500_000n, plan)).toEqual({
      allocation: [{ n: 1, penalty: 12_000n, profit: 200_000n, principal: 288_000n }],
      left: 0n,
    });
    const paidAll = allocateRepayment(2_500_000n, plan);
    expect(paidAll.left).toBe(88_000n);
    expect(allocateRepayment(300_000n, plan, ['principal', 'profit', 'penalty']).allocation).toEqual([
      { n: 1, principal: 300_000n, profit: 0n, penalty: 0n },
    ]);
  });
  it('never allocates more than is paid or owed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 3_000_000n }), (amount) => {
        const { allocation, left } = allocateRepayment(amount, plan);
        const allocated = allocation.reduce((s, a) => s + a.principal + a.profit + a.penalty, 0n);
        expect(allocated + left).toBe(amount);
        expect(allocated <= totalOwed(plan)).toBe(true);
      }),
    );
  });
  it('counts days past due from the oldest unpaid instalment and classifies them by the chosen rule', () => {
    expect(daysPastDue(plan, '2026-02-15')).toBe(0);
    expect(daysPastDue(plan, '2026-05-16')).toBe(90);
    expect([0, 1, 90, 91, 120, 121, 180, 181].map((d) => qualityClass('bank', '2026-05-01', 'monthly', d))).toEqual([
      1, 2, 2, 3, 3, 4, 4, 5,
    ]);
    expect([90, 91, 270, 271].map((d) => qualityClass('lkm', '2026-05-01', 'monthly', d))).toEqual([1, 4, 4, 5]);
    expect([28, 29, 56, 57].map((d) => qualityClass('lkm', '2026-05-01', 'weekly', d))).toEqual([1, 4, 4, 5]);
  });
});
