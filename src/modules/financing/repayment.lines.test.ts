import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactLines, entryProblems } from '../ledger/index.ts';
import { PRODUCT_KINDS } from './products.rules.ts';
import { repaymentLines } from './repayment.service.ts';

describe('repayment postings', () => {
  it('(qardh: principal only) balance for every product, channel and split, and credit the receivable with exactly the principal (plus margin for murabahah)', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCT_KINDS),
        amount,
        amount,
        amount,
        fc.constantFrom('1.1.01', '1.1.03'),
        (kind, principal, profit, penalty, cash) => {
          fc.pre(principal + profit + penalty > 0n && (kind !== 'qardh' || profit === 0n));
          const lines = compactLines(repaymentLines(kind, { id: 'f', fund_id: 'fund' }, cash, { principal, profit, penalty }));
          expect(entryProblems(lines)).toEqual([]);
          const cashIn = lines.find((l) => l.accountCode === cash)?.debit ?? 0n;
          expect(cashIn).toBe(principal + profit + penalty);
          const receivable = lines
            .filter((l) => l.party?.type === 'financing')
            .reduce((s, l) => s + (l.credit ?? 0n) - (l.debit ?? 0n), 0n);
          expect(receivable).toBe(principal);
        },
      ),
      { numRuns: 500 },
    );
  });
});
