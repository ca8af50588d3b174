import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terbilang, terbilangRupiah } from './terbilang.ts';

/** Reads the words back into a number, independently of how they were written. */
function parseWords(text: string): bigint {
  const UNITS: Record<string, bigint> = {
    satu: 1n,
    dua: 2n,
    tiga: 3n,
    empat: 4n,
    lima: 5n,
    enam: 6n,
    tujuh: 7n,
    delapan: 8n,
    sembilan: 9n,
  };
  const SCALES: Record<string, bigint> = { ribu: 1000n, juta: 10n ** 6n, miliar: 10n ** 9n, triliun: 10n ** 12n };
  let total = 0n;
  let group = 0n;
  let last = 0n;
  for (const word of text.split(' ')) {
    if (word === 'nol') continue;
    if (word in UNITS) last = UNITS[word] as bigint;
    else if (word === 'sepuluh') group += 10n;
    else if (word === 'sebelas') group += 11n;
    else if (word === 'seratus') group += 100n;
    else if (word === 'seribu') total += 1000n;
    else if (word === 'belas') {
      group += 10n + last;
      last = 0n;
    } else if (word === 'puluh') {
      group += 10n * last;
      last = 0n;
    } else if (word === 'ratus') {
      group += 100n * last;
      last = 0n;
    } else if (word in SCALES) {
      total += (group + last) * (SCALES[word] as bigint);
      group = 0n;
      last = 0n;
    } else throw new Error(`unexpected word ${word}`);
  }
  return total + group + last;
}

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_100_000, 'satu juta seratus ribu'],
    [1_234_567, 'satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh'],
    [2_500_750, 'dua juta lima ratus ribu tujuh ratus lima puluh'],
    [10_000_000, 'sepuluh juta'],
    [1_000_000_000, 'satu miliar'],
    [1_000_000_001, 'satu miliar satu'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_001_000_000, 'satu triliun satu juta'],
  ])('%d → %s', (amount, words) => {
    expect(terbilang(amount)).toBe(words);
  });

  it('takes bigint and digit strings, the way money travels', () => {
    expect(terbilang(1_100_000n)).toBe('satu juta seratus ribu');
    expect(terbilang('120000000')).toBe('seratus dua puluh juta');
    expect(terbilang('999999999999999')).toBe(
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    );
    expect(terbilang(-25_000n)).toBe('minus dua puluh lima ribu');
  });

  it('adds "rupiah" for a receipt', () => {
    expect(terbilangRupiah('1100000')).toBe('satu juta seratus ribu rupiah');
    expect(terbilangRupiah(0)).toBe('nol rupiah');
  });

  it('refuses what it cannot write', () => {
    expect(() => terbilang('1000000000000000')).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang('12.000')).toThrow(RangeError);
  });

  it('never writes "satu ribu", "satu ratus", "satu puluh" or "sepuluh satu", and reads back to the number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (n) => {
        const words = terbilang(n);
        // "empat puluh satu ribu" is right; a group that is exactly one thousand is "seribu".
        expect(words).not.toMatch(/(^|juta |miliar |triliun )satu ribu|\bsatu (ratus|puluh|belas)\b|\bsepuluh (satu|dua)\b|\s{2}|^\s|\s$/);
        expect(parseWords(words)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
