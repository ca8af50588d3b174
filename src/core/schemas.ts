import { z } from 'zod';

/**
 * The shared vocabulary of every route's input, defined once. A route that takes a date, an
 * amount or a cursor uses these, so that what one route refuses every route refuses. (Text
 * that cannot be stored, a NUL or a lone surrogate, is refused for every route at the edge.)
 */

/** Years a date may name: birth dates of the oldest members to plans a century ahead. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/**
 * A calendar date YYYY-MM-DD that exists (no 30 February), within FIRST_DATE … LAST_DATE:
 * 9999-12-31 and 0001-01-01 are typing errors here, and PostgreSQL's timestamps overflow past 294276.
 */
export const calendarDate = z.iso
  .date()
  .refine((date) => date >= FIRST_DATE && date <= LAST_DATE, { params: { code: 'date_out_of_range', from: FIRST_DATE, to: LAST_DATE } });

/** Whole rupiah as a decimal string: money is never a float. */
export const rupiahText = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'rupiah');

/** Whole rupiah as a decimal string or a safe integer, read as the string. */
export const rupiah = z.union([rupiahText, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]).transform(String);

/** An amount that must be more than zero, refused with the module's own code. */
export const positiveRupiah = (code: string) => rupiah.refine((value) => BigInt(value) > 0n, { params: { code } });

/** A page cursor as the list wrote it; `decodeCursor` checks its shape. */
export const cursorParam = z.string().max(1000);

/** The months (YYYY-MM) of a report's range that were archived (jaring partitions archive): what of them the report leaves out. */
export const archivedMonths = (what: string) =>
  z.array(z.string()).describe(`Months (YYYY-MM) this report covers that are archived (jaring partitions archive): ${what}`);

/**
 * Who attended a meeting or a coaching session: each person at most once (a person listed twice
 * is a form error the user can fix, named on the second line, not a clash in the database).
 */
export const attendanceList = <T extends z.ZodType<{ personId: string }>>(item: T) =>
  z
    .array(item)
    .max(100)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.personId))
          ctx.addIssue({ code: 'custom', path: [i, 'personId'], message: 'listed twice', params: { code: 'person_listed_twice' } });
        seen.add(row.personId);
      });
    })
    .default([]);
