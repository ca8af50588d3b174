import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatDateShort, formatRupiah } from './format.ts';

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
});
