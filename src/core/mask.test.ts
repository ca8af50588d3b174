import { describe, expect, it } from 'vitest';
import { maskNik, maskPersonalData } from './mask.ts';

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
});
