import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsKeepingDay,
  dayBefore,
  daysBetween,
  daysInMonth,
  daysInYear,
  endOfDay,
  isCalendarDate,
  isIsoDate,
  monthIndex,
  monthOfIndex,
  monthsBetween,
  nextDay,
} from './dates.ts';

/** Any real day from 1900 to 2199, as YYYY-MM-DD. */
const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const anyMonth = anyDate.map((date) => date.slice(0, 7));

describe('days', () => {
  it.each([
    ['2026-03-28', 7, '2026-04-04'],
    ['2028-02-26', 7, '2028-03-04'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts whole days between two dates, negative backwards', () => {
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2024-01-31', '2024-03-01')).toBe(30);
    expect(daysBetween('2026-12-05', '2026-11-20')).toBe(-15);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36_524);
  });

  it('steps to the next and the previous day over month and year ends', () => {
    expect(nextDay('2024-02-29')).toBe('2024-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(endOfDay('2026-12-05').toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('adding the days between two dates reaches the second (property)', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (from, to) => {
        expect(addDays(from, daysBetween(from, to))).toBe(to);
        expect(daysBetween(from, to) + daysBetween(to, from)).toBe(0);
      }),
    );
  });

  it('adding days and taking them away returns the day (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
        expect(dayBefore(nextDay(date))).toBe(date);
      }),
    );
  });
});

describe('calendar', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(daysInYear)).toEqual([365, 366, 366, 365, 365]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it.each(['2024-02-29', '2000-02-29', '2026-12-31'])('takes %s as a date', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '20261201', ''])(
    'refuses %j as a date',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
    },
  );

  it('agrees with the JavaScript calendar on which days exist (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const date = new Date(Date.UTC(y, m - 1, d));
        const exists = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(y, m, d)).toBe(exists);
      }),
    );
  });
});

describe('months', () => {
  it('adds months to a month across years', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-12', 0)).toBe('2025-12');
    expect(monthsBetween('2024-11', '2026-01')).toBe(14);
    expect(monthsBetween('2026-01', '2025-12')).toBe(-1);
    expect(monthIndex('2026-12-05')).toBe(monthIndex('2026-12'));
  });

  it('keeps the anchor day when the month allows, else the month end (31 Jan → 28 Feb → 31 Mar)', () => {
    expect(addMonthsKeepingDay('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsKeepingDay('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsKeepingDay('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonthsKeepingDay('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonthsKeepingDay('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsKeepingDay('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsKeepingDay('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonthsKeepingDay('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('month arithmetic is integer arithmetic (property)', () => {
    fc.assert(
      fc.property(anyMonth, anyMonth, fc.integer({ min: -1200, max: 1200 }), (from, to, count) => {
        expect(addMonths(from, monthsBetween(from, to))).toBe(to);
        expect(monthsBetween(from, addMonths(from, count))).toBe(count);
        expect(monthOfIndex(monthIndex(from))).toBe(from);
      }),
    );
  });

  it('a date plus months is a real day of the month that many months on, never past the anchor day (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -120, max: 120 }), (date, months) => {
        const moved = addMonthsKeepingDay(date, months);
        expect(isIsoDate(moved)).toBe(true);
        expect(monthsBetween(date.slice(0, 7), moved.slice(0, 7))).toBe(months);
        const day = Number(date.slice(8));
        const [y, m] = moved.split('-').map(Number) as [number, number];
        expect(Number(moved.slice(8))).toBe(Math.min(day, daysInMonth(y, m)));
      }),
    );
  });
});
