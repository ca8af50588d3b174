import { describe, expect, it } from 'vitest';
import { countDifference, drawerCounterAccountAllowed, expectedCash, movementLines } from './cash-drawer.rules.ts';
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
});
