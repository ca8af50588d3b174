import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../core/dates.ts';
import { formatMonth } from '../../core/format.ts';
import { amountForMonths, cashHeldSince, depositTimeliness, incentive, monthSpan } from './contributions.rules.ts';

const perpres64 = (month: string) => (month < '2020-07' ? null : month < '2021-01' ? 25_500 : 35_000);

describe('contributions', () => {
  it('prices each month at its own rate (class III participant share, 3 persons)', () => {
    expect(amountForMonths(perpres64, 3, '2020-11', 4)).toBe(2 * 25_500 * 3 + 2 * 35_000 * 3);
    expect(amountForMonths(perpres64, 1, '2020-05', 2)).toBeNull();
    expect(addMonths('2024-11', 3)).toBe('2025-02');
  });
  it('dates held cash from the oldest collection deposits have not covered', () => {
    const collections = [
      { paidOn: '2026-03-02', amount: 105_000n },
      { paidOn: '2026-03-05', amount: 70_000n },
      { paidOn: '2026-03-09', amount: 35_000n },
    ];
    expect(cashHeldSince(collections, 0n)).toEqual({ held: 210_000n, since: '2026-03-02' });
    expect(cashHeldSince(collections, 105_000n)).toEqual({ held: 105_000n, since: '2026-03-05' });
    expect(cashHeldSince(collections, 140_000n)).toEqual({ held: 70_000n, since: '2026-03-05' });
    expect(cashHeldSince(collections, 210_000n)).toEqual({ held: 0n, since: null });
  });
  it('held cash is always what was collected minus what was deposited', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10_000_000n }), { maxLength: 20 }), fc.nat(100), (amounts, percent) => {
        const total = amounts.reduce((a, b) => a + b, 0n);
        const deposited = (total * BigInt(percent)) / 100n;
        const collections = amounts.map((amount, i) => ({ paidOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, amount }));
        expect(cashHeldSince(collections, deposited).held).toBe(total - deposited);
      }),
    );
  });
  it('counts a month’s deposits on time when the oldest cash they settle was held at most the limit', () => {
    const collections = [
      { paidOn: '2026-02-27', amount: 35_000n },
      { paidOn: '2026-03-02', amount: 105_000n },
      { paidOn: '2026-03-09', amount: 70_000n },
    ];
    const deposits = [
      // February's deposit: 3 days after the collection it settles (on time, but not March's).
      { depositedOn: '2026-02-28', amount: 35_000n },
      // Settles 2 March's cash 4 days late, and only part of it.
      { depositedOn: '2026-03-06', amount: 70_000n },
      // The rest of 2 March's cash, on 9 March: 7 days.
      { depositedOn: '2026-03-09', amount: 35_000n },
      // 9 March's cash the next day.
      { depositedOn: '2026-03-10', amount: 70_000n },
    ];
    expect(depositTimeliness(collections, deposits, 3, '2026-03')).toEqual({ deposits: 3, onTime: 1 });
    expect(depositTimeliness(collections, deposits, 3, '2026-02')).toEqual({ deposits: 1, onTime: 1 });
    expect(depositTimeliness(collections, [], 3, '2026-03')).toEqual({ deposits: 0, onTime: 0 });
  });
  it('computes incentives by either rule', () => {
    expect(incentive({ kind: 'share_of_arrears', percent: 25 }, { arrearsCollected: 350_001, participantsPaid: 0, recruits: 0 })).toBe(
      87_500,
    );
    expect(
      incentive({ kind: 'fees', perParticipant: 2_000, perRecruit: 10_000 }, { arrearsCollected: 0, participantsPaid: 40, recruits: 3 }),
    ).toBe(110_000);
  });
});

describe('month names in messages and on receipts', () => {
  it('names the month in the reader’s language, and one month once', () => {
    expect(formatMonth('2025-09', 'id')).toBe('September 2025');
    expect(formatMonth('2026-10', 'id')).toBe('Oktober 2026');
    expect(formatMonth('2026-10', 'en')).toBe('October 2026');
    expect(formatMonth('2027-01', 'id')).toBe('Januari 2027');
    expect(formatMonth('2027-12', 'en')).toBe('December 2027');
    expect(monthSpan('2026-08', '2026-08', 'id')).toBe('Agustus 2026');
    expect(monthSpan('2026-08', '2027-02', 'id')).toBe('Agustus 2026 s.d. Februari 2027');
    expect(monthSpan('2026-08', '2027-02', 'en')).toBe('August 2026 to February 2027');
  });
});
