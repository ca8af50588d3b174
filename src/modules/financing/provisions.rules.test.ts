import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProvisionAmount, provisionTrueUp } from './provisions.rules.ts';

const YK = 'office-yk';
const BD = 'office-bd';

describe('PPAP true-up at close of day', () => {
  it('books a new requirement as expense against the allowance', () => {
    expect(provisionTrueUp([{ officeId: YK, fundId: 'f1', amount: 385_000n }], [])).toEqual(
      new Map([
        [
          YK,
          [
            { accountCode: '5.1.01', fundId: 'f1', debit: 385_000n },
            { accountCode: '1.2.09', fundId: 'f1', credit: 385_000n },
          ],
        ],
      ]),
    );
  });

  it('releases what is no longer required, also for a fund the snapshot no longer names, and leaves an unchanged office out', () => {
    const lines = provisionTrueUp(
      [
        { officeId: YK, fundId: 'f1', amount: 385_000n },
        { officeId: BD, fundId: 'f3', amount: 60_000n },
      ],
      [
        { officeId: YK, fundId: 'f1', amount: 400_000n },
        { officeId: YK, fundId: 'f2', amount: 10_000n },
        { officeId: BD, fundId: 'f3', amount: 60_000n },
      ],
    );
    expect([...lines.keys()]).toEqual([YK]);
    expect(lines.get(YK)).toEqual([
      { accountCode: '1.2.09', fundId: 'f1', debit: 15_000n },
      { accountCode: '5.1.01', fundId: 'f1', credit: 15_000n },
      { accountCode: '1.2.09', fundId: 'f2', debit: 10_000n },
      { accountCode: '5.1.01', fundId: 'f2', credit: 10_000n },
    ]);
  });

  it('leaves every office and fund holding exactly what is required, with balanced lines (property)', () => {
    const amount = (max: bigint) =>
      fc.record({
        officeId: fc.constantFrom(YK, BD),
        fundId: fc.constantFrom('f1', 'f2', null),
        amount: fc.bigInt({ min: 0n, max }),
      });
    fc.assert(
      fc.property(fc.array(amount(10_000_000_000n)), fc.array(amount(10_000_000_000n)), (required, booked) => {
        const held = new Map<string, bigint>();
        const add = (a: ProvisionAmount, sign: bigint) => {
          const k = `${a.officeId}|${a.fundId}`;
          held.set(k, (held.get(k) ?? 0n) + sign * a.amount);
        };
        for (const b of booked) add(b, 1n);
        for (const [officeId, lines] of provisionTrueUp(required, booked)) {
          const debit = lines.reduce((s, l) => s + (l.debit ?? 0n), 0n);
          const credit = lines.reduce((s, l) => s + (l.credit ?? 0n), 0n);
          expect(debit).toBe(credit);
          for (const l of lines)
            if (l.accountCode === '1.2.09') add({ officeId, fundId: l.fundId ?? null, amount: (l.credit ?? 0n) - (l.debit ?? 0n) }, 1n);
        }
        for (const r of required) add(r, -1n);
        for (const v of held.values()) expect(v).toBe(0n);
      }),
    );
  });
});
