import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactLines, entryProblems, naturalBalance, type PostingLine, reversedLines, trialBalanceSides } from './ledger.rules.ts';

describe('entryProblems', () => {
  it('accepts a balanced entry', () => {
    expect(
      entryProblems([
        { accountCode: '1.1.01', debit: 1_200_000n },
        { accountCode: '1.2.02', credit: 1_000_000n },
        { accountCode: '4.1.02', credit: 200_000n },
      ]),
    ).toEqual([]);
  });
  it('names an unbalanced entry with both totals, and a line with both or no sides', () => {
    expect(
      entryProblems([
        { accountCode: '1.1.01', debit: 100n },
        { accountCode: '4.1.01', credit: 99n },
      ]),
    ).toEqual([{ code: 'ledger.unbalanced', debit: 100n, credit: 99n }]);
    expect(entryProblems([{ accountCode: '1.1.01', debit: 5n, credit: 5n }, { accountCode: '4.1.01' }])).toEqual([
      { code: 'ledger.line_amount_invalid', line: 1 },
      { code: 'ledger.line_amount_invalid', line: 2 },
    ]);
    expect(entryProblems([{ accountCode: '1.1.01', debit: 5n }])[0]).toEqual({ code: 'ledger.too_few_lines' });
  });
});

describe('compactLines and reversedLines', () => {
  it('merges same-account same-side lines and drops zeros', () => {
    expect(
      compactLines([
        { accountCode: '1.1.01', debit: 300n },
        { accountCode: '1.1.01', debit: 200n },
        { accountCode: '4.2.01', credit: 0n },
        { accountCode: '1.2.01', credit: 500n },
      ]),
    ).toEqual([
      { accountCode: '1.1.01', debit: 500n, credit: 0n },
      { accountCode: '1.2.01', debit: 0n, credit: 500n },
    ]);
  });
  it('a reversal of any balanced entry is balanced and nets every account to zero', () => {
    const amount = fc.bigInt({ min: 1n, max: 10n ** 13n });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 8 }), (debits) => {
        const total = debits.reduce((a, b) => a + b, 0n);
        const lines: PostingLine[] = [
          ...debits.map((d, i) => ({ accountCode: `1.1.0${(i % 3) + 1}`, debit: d })),
          { accountCode: '3.2.01', credit: total },
        ];
        const reversed = reversedLines(lines);
        expect(entryProblems(reversed)).toEqual([]);
        const net = new Map<string, bigint>();
        for (const l of [...lines, ...reversed])
          net.set(l.accountCode, (net.get(l.accountCode) ?? 0n) + (l.debit ?? 0n) - (l.credit ?? 0n));
        expect([...net.values()].every((v) => v === 0n)).toBe(true);
      }),
    );
  });
});

describe('balances', () => {
  it('shows each type on its normal side, contra accounts flipped', () => {
    expect(naturalBalance('asset', false, 1_000n, 400n)).toBe(600n);
    expect(naturalBalance('income', false, 0n, 750n)).toBe(750n);
    expect(naturalBalance('asset', true, 0n, 250n)).toBe(250n);
    expect(trialBalanceSides(100n, 300n)).toEqual({ debit: 0n, credit: 200n });
  });
});
