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

/** Office time (WIB, UTC+7, no daylight saving), as businessDate in clock.ts. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** "14.05" (or "14.05.09" with seconds): the time of day in office time (WIB), as Indonesian writes it. */
export function formatTimeWib(instant: Date | string, options: { seconds?: boolean } = {}): string {
  const wib = new Date(new Date(instant).getTime() + WIB_OFFSET_MS).toISOString();
  return options.seconds ? wib.slice(11, 19).replaceAll(':', '.') : wib.slice(11, 16).replace(':', '.');
}

/** "Minggu, 6 Desember 2026 pukul 21.27.35 WIB": an instant to the second, e.g. when a card was checked. */
export function formatInstantWib(instant: Date | string): string {
  const day = new Date(new Date(instant).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  return `${formatDateLong(day)} pukul ${formatTimeWib(instant, { seconds: true })} WIB`;
}
