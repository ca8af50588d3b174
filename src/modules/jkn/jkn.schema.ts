import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'YYYY-MM' });
export const quoteInputSchema = z.strictObject({
  class: z.enum(['I', 'II', 'III']),
  persons: z.number().int().min(1).max(30),
  paidThrough: month,
  asOf: calendarDate,
});
export const quoteViewSchema = z.object({
  status: z.enum(['active', 'inactive']),
  monthlyDue: z.string(),
  arrearsMonths: z.number(),
  billedArrearsMonths: z.number(),
  arrearsAmount: z.string(),
  currentMonthAmount: z.string(),
  reactivationTotal: z.string(),
  rehabEligible: z.boolean(),
});
export const penaltyInputSchema = z.strictObject({
  reactivatedOn: calendarDate,
  admittedOn: calendarDate,
  careType: z.enum(['inpatient', 'outpatient']),
  inaCbgTariff: z.string().regex(/^\d{1,13}$/),
  monthsInArrears: z.number().int().min(0).max(600),
  segment: z.enum(['PBPU', 'PBI', 'PPU']),
});
export const penaltyViewSchema = z.object({ penalty: z.string(), reason: z.string(), reasonCode: z.string() });

/**
 * A family's REHAB plan (instalments of the billed arrears): how many, the arrears months it
 * settles (oldest first), this month's own contribution paid with each instalment, and the
 * instalments as runs of equal ones in the order they are paid. Not part of /jkn/quote.
 */
export const rehabPlanViewSchema = z.object({
  instalments: z.number(),
  total: z.string(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  monthlyDue: z.string(),
  parts: z.array(z.object({ count: z.number(), months: z.number(), amount: z.string() })),
});
export type RehabPlanView = z.infer<typeof rehabPlanViewSchema>;
