import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../core/format.ts';
import {
  countDifference,
  DRAWER_PURPOSE_WORDS,
  differenceWords,
  drawerCounterAccountAllowed,
  drawerPurposes,
  expectedCash,
  movementLines,
  piecesTotal,
  purposeAccount,
  purposeOf,
} from './cash-drawer.rules.ts';
import { entryProblems } from './ledger.rules.ts';

const DRAWER = '01900000-0000-7000-8000-0000000000d1';
const party = { type: 'cash_drawer', id: DRAWER };

describe('cash drawer rules', () => {
  it('expects opening float + in − out', () => {
    expect(expectedCash(1_000_000n, 250_000n, 100_000n)).toBe(1_150_000n);
  });

  it('posts a receipt to the drawer’s cash and a payment from it, balanced', () => {
    const receipt = movementLines(DRAWER, { direction: 'in', accountCode: '4.2.02', amount: 250_000n, fundId: null });
    expect(receipt).toEqual([
      { accountCode: '1.1.01', fundId: null, party, debit: 250_000n },
      { accountCode: '4.2.02', fundId: null, credit: 250_000n },
    ]);
    const payment = movementLines(DRAWER, { direction: 'out', accountCode: '5.2.02', amount: 100_000n, fundId: 'f' });
    expect(payment).toEqual([
      { accountCode: '5.2.02', fundId: 'f', debit: 100_000n },
      { accountCode: '1.1.01', fundId: 'f', party, credit: 100_000n },
    ]);
    expect([...entryProblems(receipt), ...entryProblems(payment)]).toEqual([]);
  });

  it('posts a shortage as expense 5.2.01 and an overage as income 4.2.03; nothing when the count agrees', () => {
    expect(countDifference(DRAWER, 1_150_000n, 1_149_000n)).toEqual({
      difference: -1_000n,
      lines: [
        { accountCode: '5.2.01', debit: 1_000n },
        { accountCode: '1.1.01', credit: 1_000n, party },
      ],
    });
    expect(countDifference(DRAWER, 1_150_000n, 1_150_500n)).toEqual({
      difference: 500n,
      lines: [
        { accountCode: '1.1.01', debit: 500n, party },
        { accountCode: '4.2.03', credit: 500n },
      ],
    });
    expect(countDifference(DRAWER, 5n, 5n)).toEqual({ difference: 0n, lines: [] });
  });

  it('keeps members’ financing and savings accounts away from the drawer', () => {
    expect(['4.2.02', '5.2.02', '1.1.02', '2.2.03', '3.2.01'].every(drawerCounterAccountAllowed)).toBe(true);
    expect(['1.2.01', '1.2.09', '1.3.02', '2.1.01', '3.1.01'].some(drawerCounterAccountAllowed)).toBe(false);
  });

  it('maps each purpose picked by name to its account, in its direction only', () => {
    expect(drawerPurposes('in').map((p) => [p, purposeAccount('in', p)])).toEqual([
      ['capital_top_up', '3.2.01'],
      ['admin_fee', '4.2.02'],
      ['other_income', '4.2.05'],
      ['from_bank', '1.1.02'],
    ]);
    expect(drawerPurposes('out').map((p) => [p, purposeAccount('out', p)])).toEqual([
      ['office_expense', '5.2.02'],
      ['to_bank', '1.1.02'],
    ]);
    expect(purposeAccount('in', 'to_bank')).toBeNull();
    expect(purposeAccount('in', 'toString')).toBeNull();
    expect([...drawerPurposes('in'), ...drawerPurposes('out')].every((p) => DRAWER_PURPOSE_WORDS[p].id && DRAWER_PURPOSE_WORDS[p].en)).toBe(
      true,
    );
    // Every purpose posts to an account the drawer may use: never a member's financing or savings.
    for (const direction of ['in', 'out'] as const)
      expect(drawerPurposes(direction).every((p) => drawerCounterAccountAllowed(purposeAccount(direction, p) ?? ''))).toBe(true);
    expect(purposeOf('out', ['1.1.02'])).toBe('to_bank');
    expect(purposeOf('in', ['1.2.01', '4.1.01'])).toBeNull();
  });

  it('adds up a count by denomination and says the difference in words', () => {
    expect(
      piecesTotal([
        { value: 100_000, pieces: 41 },
        { value: 20_000, pieces: 1 },
        { value: 500, pieces: 3 },
      ]),
    ).toBe(4_121_500n);
    expect(differenceWords(-500n, formatRupiah, 'id')).toBe('Kurang Rp500');
    expect(differenceWords(1_250n, formatRupiah, 'en')).toBe('Over by Rp1.250');
    expect(differenceWords(0n, formatRupiah, 'id')).toBe('Sesuai');
  });
});
