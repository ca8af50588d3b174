import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

export const homeQuerySchema = z.strictObject({
  /** The auditor's period: reversals, write-offs, manual entries and drawer differences since this day (default: the 1st of the month). */
  since: calendarDate.optional(),
});

export const HOME_CARD_KINDS = ['count', 'rupiah', 'percent', 'status'] as const;

const breakdownSchema = z.object({ label: z.string(), value: z.string(), link: z.string().nullable() });

/**
 * One figure of the day. `key` names it (the web app's label is `home.cards.<key>`); `value` is a
 * count, a rupiah amount (integer string), a percent ("12.34") or a status word; `amount` is the
 * rupiah beside a count; `capped` says the count stopped at its limit ("50+"); `link` is the list
 * behind it, with the filters that give exactly those rows.
 */
export const homeCardSchema = z.object({
  key: z.string(),
  kind: z.enum(HOME_CARD_KINDS),
  value: z.string(),
  amount: z.string().nullable(),
  capped: z.boolean(),
  link: z.string().nullable(),
  breakdown: z.array(breakdownSchema),
  trend: z.array(z.object({ date: z.string(), value: z.string() })),
});
export type HomeCard = z.infer<typeof homeCardSchema>;

export const homeViewSchema = z.object({
  role: z.string(),
  date: z.string(),
  since: z.string().nullable(),
  weekFrom: z.string(),
  weekTo: z.string(),
  cards: z.array(homeCardSchema),
});
export type HomeView = z.infer<typeof homeViewSchema>;
