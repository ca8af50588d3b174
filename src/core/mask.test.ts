import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNik, maskPersonalData, maskText } from './mask.ts';

describe('masking personal identifiers', () => {
  it('keeps the region prefix and serial of a NIK only', () => {
    expect(maskNik('3204110101900001')).toBe('3204********0001');
  });

  it('masks NIK and KK numbers anywhere in a value and drops secrets', () => {
    expect(
      maskPersonalData({
        nik: '3204114501900002',
        note: 'KK 3204110101000123 pindah',
        password: 'rahasia',
        nested: [{ token: 'abc', nik: '3204110101900001' }],
        amount: 150000,
      }),
    ).toEqual({ nik: '3204********0002', note: 'KK 3204********0123 pindah', nested: [{ nik: '3204********0001' }], amount: 150000 });
  });

  it.each([
    ['next to letters', 'q=NIK3204100605700001', 'q=NIK3204********0001'],
    ['between digits of a longer run', 'kode 993204100605700001', 'kode 9932**********0001'],
    ['percent-encoded', 'q=%33204100605700001', 'q=3204********0001'],
    ['every digit encoded', '/cari?nik=%33%32%30%34%31%30%30%36%30%35%37%30%30%30%30%31', '/cari?nik=3204********0001'],
    ['encoded twice', 'q=%2533%2532%2530%2534%2531%2530%2530%2536%2530%2535%2537%2530%2530%2530%2530%2531', 'q=3204********0001'],
    ['beside a malformed escape', 'q=%E0%A4%A%33204100605700001%', 'q=\u0923204********0001%'],
    ['beside a malformed escape, every digit encoded', '%E0%A4%A%33%32%30%34%31%30%30%36%30%35%37%30%30%30%30%31', '\u0923204********0001'],
    ['nowhere: escapes kept', 'q=diskon%2050%25&page=2', 'q=diskon%2050%25&page=2'],
    ['a 15-digit number is no NIK', 'ref 320410060570000', 'ref 320410060570000'],
  ])('masks a NIK %s', (_case, text, expected) => {
    expect(maskText(text)).toBe(expected);
    expect(maskPersonalData({ text })).toEqual({ text: expected });
  });

  /** Every reading of a logged text: as it is, and URL-decoded once, twice, … (ASCII escapes are all a digit needs). */
  function readings(shown: string) {
    const all = [shown];
    for (let read = shown, previous = ''; previous !== read; ) {
      previous = read;
      read = read.replace(/%([0-7][0-9a-f])/gi, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      all.push(read);
    }
    return all;
  }
  const text = fc.string({ unit: fc.constantFrom(...'0123456789%%%3aAE=&'.split('')), maxLength: 20 });
  const encodedNik = fc
    .array(fc.constantFrom(...'0123456789'.split('')), { minLength: 16, maxLength: 16 })
    .chain((digits) => fc.tuple(...digits.map((d) => fc.constantFrom(d, `%3${d}`, `%253${d}`))))
    .map((parts) => parts.join(''));

  it('never shows 16 digits in a row, wherever a NIK is and however it is encoded', () => {
    fc.assert(
      fc.property(text, encodedNik, text, (before, nik, after) => {
        const shown = maskText(before + nik + after);
        for (const reading of readings(shown)) expect(reading).not.toMatch(/\d{16}/);
        expect(maskText(shown)).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });
});
