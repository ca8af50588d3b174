import { z } from 'zod';

const decimal = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, { error: 'a decimal number as a string, e.g. "5000.00"' });
const isoDate = z.iso.date();

export const scheduleInputSchema = z
  .strictObject({
    principal: decimal,
    currencyDigits: z.number().int().min(0).max(4).default(0),
    method: z.enum(['flat', 'annuity', 'equal-principal']),
    annualRatePercent: decimal,
    interestPeriod: z.enum(['repayment', 'daily']).default('repayment'),
    daysInYear: z.union([z.literal(360), z.literal(365), z.literal('actual')]).default('actual'),
    installments: z.number().int().min(1).max(600),
    every: z.number().int().min(1).max(12).default(1),
    unit: z.enum(['month', 'week', 'day']).default('month'),
    disbursementDate: isoDate,
    firstDueDate: isoDate.nullable().default(null),
    graceOnPrincipal: z.number().int().min(0).max(599).default(0),
    graceOnInterestPayment: z.number().int().min(0).max(599).default(0),
    rounding: z.enum(['half-up', 'half-even']).default('half-up'),
    inMultiplesOf: decimal.nullable().default(null),
  })
  .refine((v) => (v.principal.split('.')[1] ?? '').length <= v.currencyDigits, {
    path: ['principal'],
    params: { code: 'financing.too_many_decimals' },
  })
  .refine((v) => v.firstDueDate === null || v.firstDueDate > v.disbursementDate, {
    path: ['firstDueDate'],
    params: { code: 'financing.first_due_before_disbursement' },
  })
  .refine((v) => v.graceOnPrincipal < v.installments, { path: ['graceOnPrincipal'], params: { code: 'financing.grace_too_long' } })
  .refine((v) => v.graceOnInterestPayment < v.installments, {
    path: ['graceOnInterestPayment'],
    params: { code: 'financing.grace_too_long' },
  });
export type ScheduleRequest = z.infer<typeof scheduleInputSchema>;

const money = z.string();
export const scheduleViewSchema = z.object({
  installments: z.array(z.object({ n: z.number(), dueDate: z.string(), principal: money, interest: money, total: money, balance: money })),
  totalPrincipal: money,
  totalInterest: money,
  total: money,
});
