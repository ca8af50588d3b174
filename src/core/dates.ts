/**
 * Calendar arithmetic on dates (`YYYY-MM-DD`) and months (`YYYY-MM`). Every date is read at
 * midnight UTC, so no time zone or daylight saving ever moves a day; the business date itself
 * (Western Indonesia Time) comes from `businessDate` in clock.ts.
 */

/** One day in milliseconds: the only place this figure is written. */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOfTime = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((timeOf(to) - timeOf(from)) / DAY_MS);

/** `date` plus (or minus) whole days. */
export const addDays = (date: string, days: number) => dateOfTime(timeOf(date) + days * DAY_MS);

export const nextDay = (date: string) => addDays(date, 1);

export const dayBefore = (date: string) => addDays(date, -1);

/** The instant a date's day ends (the next midnight UTC): the exclusive end of a range "to" that date. */
export const endOfDay = (date: string) => new Date(timeOf(date) + DAY_MS);

export const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export const daysInYear = (year: number) => (isLeapYear(year) ? 366 : 365);

/** Days in a month, `month` counted 1–12. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when year, month (1–12) and day name a day on the calendar (no 30 February). */
export const isCalendarDate = (year: number, month: number, day: number) =>
  Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** True for a `YYYY-MM-DD` that is a real day. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return isCalendarDate(year, month, day);
}

/** `date` plus whole months, keeping its day when the month allows (31 Jan → 28 Feb → 31 Mar from the anchor). */
export function addMonthsKeepingDay(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + month - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${monthOfIndex(index)}-${String(targetDay).padStart(2, '0')}`;
}

/** A month (`YYYY-MM`, or the month of a `YYYY-MM-DD`) as a count of months, so month arithmetic is integer arithmetic. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The `YYYY-MM` of a month index. */
export const monthOfIndex = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** `YYYY-MM` plus (or minus) whole months. */
export const addMonths = (month: string, count: number) => monthOfIndex(monthIndex(month) + count);

/** Whole months from `from` to `to` (both `YYYY-MM`). */
export const monthsBetween = (from: string, to: string) => monthIndex(to) - monthIndex(from);

/** Whole years from a birth date to a day (a 29 February birthday comes on 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
