import { z } from 'zod';
import { DASHBOARD_SUBJECTS } from './dashboards.rules.ts';

const month = z.string().refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { params: { code: 'dashboards.month_invalid' } });

export const dashboardParamsSchema = z.strictObject({ subject: z.enum(DASHBOARD_SUBJECTS) });
export const dashboardQuerySchema = z.strictObject({
  /** An office's regions (its code). */
  office: z.string().trim().min(1).max(20).optional(),
  /** A region (province, regency, district or village code). */
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/)
    .optional(),
  /** The period, months YYYY-MM; the last twelve months to the business date when left out. */
  from: month.optional(),
  to: month.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const dashboardViewSchema = z.object({
  subject: z.enum(DASHBOARD_SUBJECTS),
  from: z.string(),
  to: z.string(),
  office: z.string().nullable(),
  region: z.string().nullable(),
  /** The day the latest month of the period was filled for (close of day); null before any. */
  asOf: z.string().nullable(),
  months: z.array(z.string()),
  metrics: z.array(
    z.object({
      key: z.string(),
      unit: z.enum(['rupiah', 'count']),
      kind: z.enum(['flow', 'state']),
      /** One value per month (integer strings). */
      values: z.array(z.string()),
      /** Flows: the period's sum; states: the last month's value. */
      total: z.string(),
    }),
  ),
  ratios: z.array(z.object({ key: z.string(), values: z.array(z.string()), total: z.string() })),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;
