import { isCalendarDate } from '../../core/dates.ts';
import type { FieldError } from '../../core/errors.ts';

/**
 * NIK: 16 digits PPRRDD DDMMYY SSSS — region of first registration, birth date (day + 40
 * for women), serial from 0001. There is no checksum. Century is ambiguous: 20YY unless
 * that lies in the future, then 19YY; an entered birth date settles it.
 */
export type NikParts = {
  nik: string;
  sex: 'M' | 'F';
  birthDate: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  serial: string;
};

export type NikDecoding = { ok: true; value: NikParts } | { ok: false; errors: FieldError[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** `today` and the optional entered birth date are ISO dates (YYYY-MM-DD). */
export function decodeNik(raw: string, options: { today: string; birthDate?: string; field?: string }): NikDecoding {
  const field = options.field ?? 'nik';
  const nik = raw.trim();
  if (!/^\d{16}$/.test(nik)) return { ok: false, errors: [{ field, code: 'registry.nik_not_16_digits' }] };
  const errors: FieldError[] = [];
  const encodedDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12);
  const sex: 'M' | 'F' = encodedDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? encodedDay - 40 : encodedDay;
  if (!((encodedDay >= 1 && encodedDay <= 31) || (encodedDay >= 41 && encodedDay <= 71)))
    errors.push({ field, code: 'registry.nik_day_invalid', params: { day: nik.slice(6, 8) } });
  if (month < 1 || month > 12) errors.push({ field, code: 'registry.nik_month_invalid', params: { month: nik.slice(8, 10) } });
  if (serial === '0000') errors.push({ field, code: 'registry.nik_serial_zero' });

  let birthDate = '';
  if (errors.length === 0 || errors.every((e) => e.code === 'registry.nik_serial_zero')) {
    const candidates = [2000 + yy, 1900 + yy]
      .filter((year) => isCalendarDate(year, month, day))
      .map((year) => `${year}-${pad(month)}-${pad(day)}`);
    if (candidates.length === 0)
      errors.push({ field, code: 'registry.nik_date_not_real', params: { date: `${pad(day)}-${pad(month)}-${pad(yy)}` } });
    else if (options.birthDate) {
      if (candidates.includes(options.birthDate)) birthDate = options.birthDate;
      else errors.push({ field: 'birthDate', code: 'registry.nik_birth_date_mismatch', params: { birthDate: options.birthDate } });
    } else {
      const notFuture = candidates.filter((candidate) => candidate <= options.today);
      if (notFuture.length === 0) errors.push({ field, code: 'registry.nik_birth_in_future' });
      else birthDate = notFuture[0] as string;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      nik,
      sex,
      birthDate,
      provinceCode: nik.slice(0, 2),
      regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
      districtCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
      serial,
    },
  };
}
