import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

/**
 * An illness that stops a member working (not clinical: no diagnosis in it), recorded by a
 * health worker or by the facilitator who hears of it at the group meeting.
 */
export const illnessInputSchema = z.strictObject({
  fromOn: calendarDate,
  /** null: still ill. May be after today (the expected end, e.g. the rest a doctor ordered). */
  toOn: calendarDate.nullable(),
  /** Days unable to trade when they differ from the days of the episode; computed when left out. */
  daysUnable: z.number().int().min(0).max(36_600).nullable().optional(),
});
export type IllnessInput = z.infer<typeof illnessInputSchema>;

export const illnessViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  /** As given, or the days from `fromOn` to `toOn` inclusive (to today while still ill). */
  daysUnable: z.number(),
  daysUnableGiven: z.boolean(),
  open: z.boolean(),
});
export type IllnessView = z.infer<typeof illnessViewSchema>;

export const illnessStatusSchema = z.object({
  status: z.enum(['ill', 'recovering']).nullable(),
  unableFrom: z.string().nullable(),
  unableUntil: z.string().nullable(),
});

export const illnessListSchema = z.object({ items: z.array(illnessViewSchema), status: illnessStatusSchema });
