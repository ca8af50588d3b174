import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, maxRupiah, minRupiah, parseDecimal, percentOf, percentRatio, ratio, roundRatio, rupiah, sumRupiah } from './money.ts';

describe('rupiah', () => {
  it('reads stored amounts exactly and sums them beyond 2^53', () => {
    expect(rupiah('1250000')).toBe(1_250_000n);
    expect(rupiah(7n)).toBe(7n);
    expect(sumRupiah([])).toBe(0n);
    expect(sumRupiah(['9007199254740993', 1n, '-4'])).toBe(9_007_199_254_740_990n);
    expect(sumRupiah(['1450484', '725000', '25000'])).toBe(2_200_484n);
  });

  it('sums exactly where numbers would round (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), { maxLength: 30 }), (amounts) => {
        const expected = amounts.reduce((total, a) => total + a, 0n);
        expect(sumRupiah(amounts.map(String))).toBe(expected);
        expect(sumRupiah(amounts)).toBe(expected);
      }),
    );
  });

  it('takes the least and the greatest amount', () => {
    expect(minRupiah(725_000n, 25_000n, 1_450_484n)).toBe(25_000n);
    expect(maxRupiah(725_000n, 25_000n, 1_450_484n)).toBe(1_450_484n);
    expect(minRupiah(-1n)).toBe(-1n);
  });

  it('min and max are one of the amounts and bound all of them (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.array(fc.bigInt(), { maxLength: 10 }), (first, rest) => {
        const all = [first, ...rest];
        const min = minRupiah(first, ...rest);
        const max = maxRupiah(first, ...rest);
        expect(all).toContain(min);
        expect(all).toContain(max);
        for (const a of all) expect(min <= a && a <= max).toBe(true);
      }),
    );
  });
});

describe('percent of an amount', () => {
  it('rounds once to the rupiah with the named mode', () => {
    expect(percentOf(10_000_000n, '12.5')).toBe(1_250_000n);
    expect(percentOf(1_234_567n, '2.5')).toBe(30_864n); // 30 864.175
    expect(percentOf(101n, '50')).toBe(51n); // 50.5 half up
    expect(percentOf(101n, '50', 'half-even')).toBe(50n);
    expect(percentOf(103n, '50', 'half-even')).toBe(52n); // 51.5 to even
    expect(percentOf(0n, '100')).toBe(0n);
    expect(percentRatio('12.5')).toEqual({ n: 125n, d: 1000n });
    expect(() => percentRatio('12,5')).toThrow();
  });

  it('100% is the amount and is never off by more than half a rupiah (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10_000 }), (amount, hundredths) => {
        expect(percentOf(amount, '100')).toBe(amount);
        const percent = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        const exact = amount * BigInt(hundredths); // × 10 000 of the result
        const error = percentOf(amount, percent) * 10_000n - exact;
        expect(error >= -5_000n && error <= 5_000n).toBe(true);
      }),
    );
  });
});

describe('ratios', () => {
  it.each([
    [5n, 2n, 'half-up', 3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-up', -3n],
    [-5n, 2n, 'half-even', -2n],
    [10n, 3n, 'half-up', 3n],
    [20n, 3n, 'half-up', 7n],
    [6n, -4n, 'half-up', -2n],
  ] as const)('%i/%i rounded %s is %i', (n, d, mode, expected) => {
    expect(roundRatio(ratio(n, d), mode)).toBe(expected);
  });

  it('reads and writes decimals exactly', () => {
    expect(parseDecimal('5000.00')).toEqual({ n: 500_000n, d: 100n });
    expect(parseDecimal('-12.5')).toEqual({ n: -125n, d: 10n });
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
    expect(formatMinor(123_450n, 2)).toBe('1234.50');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(1_250_000n, 0)).toBe('1250000');
  });

  it('a formatted amount reads back as itself (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 4 }), (minor, digits) => {
        const read = parseDecimal(formatMinor(minor, digits));
        expect(read && roundRatio(ratio(read.n * 10n ** BigInt(digits), read.d), 'half-up')).toBe(minor);
      }),
    );
  });
});
