import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positiveRupiahOf, rupiahOf, wholeNumberOf } from './input.ts';

describe('numbers typed into fields', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    [7, 7],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    ['1.5', null],
    [1.5, null],
    [Number.NaN, null],
    ['-2', null],
    ['2e3', null],
    ['abc', null],
    ['99999999999999999999', null],
  ] as const)('whole number of %j is %j', (typed, expected) => {
    expect(wholeNumberOf(typed)).toBe(expected);
  });

  it.each([
    ['1250000', 1_250_000n],
    ['1.250.000', 1_250_000n],
    ['Rp 5.000', 5_000n],
    ['0', 0n],
    ['987654321987654321', 987_654_321_987_654_321n],
    ['', null],
    [null, null],
    ['12,5', null],
    ['-100', null],
    ['1e6', null],
  ] as const)('rupiah of %j is %s', (typed, expected) => {
    expect(rupiahOf(typed)).toBe(expected);
  });

  it('takes only amounts above zero as an amount to send', () => {
    expect(positiveRupiahOf('0')).toBeNull();
    expect(positiveRupiahOf('')).toBeNull();
    expect(positiveRupiahOf('1')).toBe(1n);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (typed) => {
        const number = wholeNumberOf(typed);
        expect(number === null || Number.isSafeInteger(number)).toBe(true);
        if (typeof typed === 'string') expect(() => rupiahOf(typed)).not.toThrow();
      }),
    );
  });
});
