import { z } from 'zod';
import { monthsBetween } from '../../core/dates.ts';
import { MAX_COMPARISON_MONTHS } from './finance-link.rules.ts';

/** At most this many members in one status request (a collection sheet, a queue page). */
export const MAX_STATUS_PERSONS = 200;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const statusQuerySchema = z.strictObject({
  persons: z
    .string()
    .max(MAX_STATUS_PERSONS * 37)
    .transform((text) => [
      ...new Set(
        text
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter((id) => id !== ''),
      ),
    ])
    .refine((ids) => ids.length >= 1 && ids.length <= MAX_STATUS_PERSONS, {
      params: { code: 'health.status_persons_count', max: MAX_STATUS_PERSONS },
    })
    .refine((ids) => ids.every((id) => uuidPattern.test(id)), { params: { code: 'health.status_persons_format' } }),
});

/** Whether a member can work: never why. */
export const illnessStatusSchema = z.object({
  status: z.enum(['ill', 'recovering']),
  /** The first day the member could not work. */
  unableFrom: z.string(),
  /** The last day the member cannot (or could not) work; null while no end is known. */
  unableUntil: z.string().nullable(),
});
export type IllnessStatusView = z.infer<typeof illnessStatusSchema>;

export const statusViewSchema = z.object({
  items: z.array(z.object({ personId: z.string() }).extend(illnessStatusSchema.shape)),
});

export const atRiskQuerySchema = z.strictObject({
  office: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => /^[A-Z0-9-]{2,20}$/.test(value), { params: { code: 'offices.code_format' } })
    .optional(),
});

export const atRiskItemSchema = z.object({
  personId: z.string(),
  name: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  financingId: z.string(),
  financingNumber: z.string(),
  status: z.enum(['ill', 'recovering']),
  unableFrom: z.string(),
  unableUntil: z.string().nullable(),
  /** The next unpaid instalment due within 14 days (today included), if any. */
  nextDueOn: z.string().nullable(),
  nextDueAmount: z.string(),
  /** Unpaid instalments due before today, late charges included. */
  overdueAmount: z.string(),
  daysPastDue: z.number(),
});
export const atRiskViewSchema = z.object({
  asOf: z.string(),
  office: z.string().nullable(),
  totals: z.object({ members: z.number(), financings: z.number(), overdueAmount: z.string(), dueWithin14Days: z.string() }),
  items: z.array(atRiskItemSchema),
});
export type AtRiskView = z.infer<typeof atRiskViewSchema>;

const month = z
  .string()
  .refine((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m), { params: { code: 'health.month_format' } })
  .refine((m) => m >= '1900-01' && m <= '2199-12', { params: { code: 'date_out_of_range', from: '1900-01', to: '2199-12' } });

export const comparisonQuerySchema = z
  .strictObject({ from: month, to: month })
  .refine((q) => q.from <= q.to, { params: { code: 'health.comparison_range_order' }, path: ['to'] })
  .refine((q) => monthsBetween(q.from, q.to) < MAX_COMPARISON_MONTHS, {
    params: { code: 'health.comparison_range_too_long', max: MAX_COMPARISON_MONTHS },
    path: ['to'],
  });

const figures = z.object({
  members: z.number(),
  /** Instalments due in the period paid in full by their due date ÷ instalments due, 3 places; null when none was due. */
  onTimeRate: z.string().nullable(),
  /** Outstanding principal 30+ days past due ÷ outstanding principal at the period's end, 3 places; null when none. */
  par30: z.string().nullable(),
  /** Mean days past due of the financings in the portfolio at the period's end, 1 place; null when none. */
  meanDaysPastDue: z.string().nullable(),
});
export const comparisonViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  underCare: figures,
  others: figures,
  months: z.array(z.object({ month: z.string(), underCare: figures, others: figures })),
});
export type ComparisonView = z.infer<typeof comparisonViewSchema>;
