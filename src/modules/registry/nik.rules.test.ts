import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNik } from './nik.rules.ts';

const today = '2026-11-23';

describe('decodeNik', () => {
  it('decodes the published example 3204110609970001: a man born 6 September 1997 in Katapang, Kab. Bandung', () => {
    const decoded = decodeNik('3204110609970001', { today });
    expect(decoded.ok && decoded.value).toEqual({
      nik: '3204110609970001',
      sex: 'M',
      birthDate: '1997-09-06',
      provinceCode: '32',
      regencyCode: '32.04',
      districtCode: '32.04.11',
      serial: '0001',
    });
  });

  it('decodes a man born in 1990 in Katapang', () => {
    expect(decodeNik('3204111205900001', { today })).toEqual({
      ok: true,
      value: {
        nik: '3204111205900001',
        sex: 'M',
        birthDate: '1990-05-12',
        provinceCode: '32',
        regencyCode: '32.04',
        districtCode: '32.04.11',
        serial: '0001',
      },
    });
  });

  it('reads a woman’s day minus 40 and takes 20YY unless that lies in the future', () => {
    const woman = decodeNik('3471015203150002', { today });
    expect(woman.ok && woman.value).toMatchObject({ sex: 'F', birthDate: '2015-03-12' });
    const older = decodeNik('3471015203300002', { today });
    expect(older.ok && older.value.birthDate).toBe('1930-03-12');
    // 2026-12-01 is after today, so 1926.
    const edge = decodeNik('3471010112260003', { today });
    expect(edge.ok && edge.value.birthDate).toBe('1926-12-01');
  });

  it('lets an entered birth date settle the century, and reports a contradiction', () => {
    const settled = decodeNik('3204111205100001', { today, birthDate: '1910-05-12' });
    expect(settled.ok && settled.value.birthDate).toBe('1910-05-12');
    const contradicted = decodeNik('3204111205100001', { today, birthDate: '1990-05-12' });
    expect(contradicted).toEqual({
      ok: false,
      errors: [{ field: 'birthDate', code: 'registry.nik_birth_date_mismatch', params: { birthDate: '1990-05-12' } }],
    });
  });

  it('gives one error per reason', () => {
    expect(decodeNik('32041132139x0000', { today })).toEqual({ ok: false, errors: [{ field: 'nik', code: 'registry.nik_not_16_digits' }] });
    const many = decodeNik('3204113213900000', { today });
    expect(many.ok ? [] : many.errors.map((e) => e.code)).toEqual([
      'registry.nik_day_invalid',
      'registry.nik_month_invalid',
      'registry.nik_serial_zero',
    ]);
    const notReal = decodeNik('3204113102900001', { today });
    expect(notReal.ok ? [] : notReal.errors.map((e) => e.code)).toEqual(['registry.nik_date_not_real']);
    const leap = decodeNik('3204116902000001', { today });
    expect(leap.ok && leap.value).toMatchObject({ sex: 'F', birthDate: '2000-02-29' });
  });

  it('round-trips any real birth date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1927-01-01'), max: new Date('2026-11-23'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9999 }),
        (date, female, serial) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const day = Number(d) + (female ? 40 : 0);
          const nik = `320411${String(day).padStart(2, '0')}${m}${(y as string).slice(2)}${String(serial).padStart(4, '0')}`;
          const decoded = decodeNik(nik, { today, birthDate: iso });
          expect(decoded.ok && decoded.value).toMatchObject({ birthDate: iso, sex: female ? 'F' : 'M' });
        },
      ),
    );
  });
});
