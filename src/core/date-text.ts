/**
 * Dates as people type and read them, whatever the browser's own language: day first
 * (DD/MM/YYYY) in Indonesian and in English alike, so 12/06/2026 is 12 June everywhere
 * (docs/decisions/0006-dates-typed-day-first.md). The forms receive ISO `YYYY-MM-DD`.
 */
import { isCalendarDate } from './dates.ts';
import type { Locale } from './locale.ts';

export type DateText =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** Still being typed: digits and separators that could become a date. */
  | { kind: 'incomplete' }
  /** Day, month and year that are no day on the calendar (31/02/2026). */
  | { kind: 'impossible' }
  | { kind: 'unreadable' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What a typed text says: `17/08/2026`, `17-8-2026`, `17.08.2026`, `17082026`, or ISO `2026-08-17` (pasted). */
export function readDateText(text: string): DateText {
  const typed = text.trim();
  if (!typed) return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(typed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [Number.NaN, 0, 0];
  if (Number.isNaN(year)) return /^[\d/.\- ]{1,9}$/.test(typed) ? { kind: 'incomplete' } : { kind: 'unreadable' };
  if (year < 1000 || !isCalendarDate(year, month, day)) return { kind: 'impossible' };
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** `2026-06-12` → `12/06/2026` (both languages); anything not ISO is returned as it is. */
export function formatDateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** The pattern shown in an empty field: hari/bulan/tahun, day/month/year. */
export const dateTextPattern = (locale: Locale) => (locale === 'en' ? 'DD/MM/YYYY' : 'HH/BB/TTTT');

/** `2026-06-12` in words, to confirm what was typed: "Jumat, 12 Juni 2026", "Friday, 12 June 2026". */
export function dateInWords(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}
