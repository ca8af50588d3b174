import { z } from 'zod';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { villageCodeSchema } from '../registry/registry.schema.ts';
import { SCREENING_ACTIONS, SCREENING_METHODS, SCREENING_RESULTS } from './screening.rules.ts';

/** The body of `POST /persons/{id}/screenings`, the `screening` sync op (with `personId`) and `recordScreening`. */
export const screeningInputSchema = z.strictObject({
  method: z.enum(SCREENING_METHODS),
  screenedOn: calendarDate,
  result: z.enum(SCREENING_RESULTS),
  action: z.enum(SCREENING_ACTIONS),
});
export type ScreeningInput = z.infer<typeof screeningInputSchema>;

export const screeningViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  method: z.enum(SCREENING_METHODS),
  screenedOn: z.string(),
  result: z.enum(SCREENING_RESULTS),
  action: z.enum(SCREENING_ACTIONS),
  nextDueOn: z.string(),
  /** Screened although outside the target ages in force on the day (allowed; the recall is kept). */
  outsideTargetAges: z.boolean(),
  villageCode: z.string(),
  worker: z.object({ id: z.string(), fullName: z.string() }),
});
export type ScreeningView = z.infer<typeof screeningViewSchema>;

export const screeningListSchema = z.object({
  items: z.array(screeningViewSchema),
  /** The latest screening's next date (any method), null when never screened. */
  nextDueOn: z.string().nullable(),
});

export const recallsQuerySchema = z.strictObject({
  status: z.enum(['due', 'overdue']),
  village: villageCodeSchema.optional(),
  /** `me`: recalls of screenings the caller did; a user id: of that health worker. */
  worker: z.union([z.literal('me'), z.uuid()]).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RecallsQuery = z.infer<typeof recallsQuerySchema>;

export const recallItemSchema = z.object({
  personId: z.string(),
  name: z.string(),
  villageCode: z.string(),
  /** Null for a woman in the target ages never screened (listed under `due`). */
  method: z.enum(SCREENING_METHODS).nullable(),
  lastScreenedOn: z.string().nullable(),
  /** The last result: only for clinical readers (always present for them; absent for others). */
  lastResult: z.enum(SCREENING_RESULTS).nullable().optional(),
  nextDueOn: z.string().nullable(),
  /** Days past the next date (0 when not yet past). */
  daysOverdue: z.number(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
});
export type RecallItem = z.infer<typeof recallItemSchema>;

export const recallListSchema = z.object({
  status: z.enum(['due', 'overdue']),
  asOf: z.string(),
  items: z.array(recallItemSchema),
  nextCursor: z.string().nullable(),
});
