import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatDateShort, formatInstantWib, formatRupiah, formatTimeWib } from './format.ts';

describe('Indonesian formats', () => {
  it('writes dates as Indonesians do', () => {
    expect(formatDateLong('2025-08-17')).toBe('Minggu, 17 Agustus 2025');
    expect(formatDateLong('2026-11-23')).toBe('Senin, 23 November 2026');
    expect(formatDateShort('2025-08-17')).toBe('17/08/2025');
    expect(formatDate('2026-02-15')).toBe('15 Februari 2026');
    expect(formatDate('2026-12-01')).toBe('1 Desember 2026');
  });
  it('writes rupiah with dots and no space', () => {
    expect(formatRupiah('1234567')).toBe('Rp1.234.567');
    expect(formatRupiah(500n)).toBe('Rp500');
    expect(formatRupiah('-25000')).toBe('-Rp25.000');
  });

  it('writes an instant in office time (WIB), the day turning at 17.00 UTC', () => {
    expect(formatTimeWib('2026-03-02T02:05:09Z')).toBe('09.05');
    expect(formatTimeWib(new Date('2026-03-02T02:05:09Z'), { seconds: true })).toBe('09.05.09');
    expect(formatInstantWib('2026-03-10T18:00:07Z')).toBe('Rabu, 11 Maret 2026 pukul 01.00.07 WIB');
  });
});
