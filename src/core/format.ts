import type { Locale } from './locale.ts';

/** Indonesian formats of DOMAIN.md: "Minggu, 17 Agustus 2025", 17/08/2025, Rp1.234.567. */
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Oktober 2026" / "October 2026" of 2026-10: a month as people say it in messages and on receipts. */
export function formatMonth(month: string, locale: Locale = 'id'): string {
  return `${(locale === 'en' ? MONTHS_EN : MONTHS)[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function parts(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

export function formatDateLong(iso: string): string {
  const { y, m, d, weekday } = parts(iso);
  return `${DAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "15 Februari 2026": the date on letters, receipts and agreements. */
export function formatDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function formatDateShort(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Whole rupiah as a decimal string or bigint: no floats on the way. */
export function formatRupiah(amount: string | bigint): string {
  const text = String(amount);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  return `${negative ? '-' : ''}Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
