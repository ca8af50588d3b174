import { z } from 'zod';
import { calendarDate, positiveRupiah } from '../../core/schemas.ts';

const fundCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/);

export const allocationInputSchema = z.strictObject({
  stimulusFundCode: fundCode.describe('The Dinas/NGO stimulus fund the money comes from (kind stimulus)'),
  groupId: z.uuid(),
  amount: positiveRupiah('usep.amount_positive'),
  allocatedOn: calendarDate,
  reference: z.string().trim().max(200).default('').describe('The decree or letter, e.g. "SK Kadinsos No. 460/123/2026"'),
});
export type AllocationInput = z.infer<typeof allocationInputSchema>;

export const passOnInputSchema = z.strictObject({
  meetingId: z.uuid().describe('The musyawarah whose minutes record the decision'),
  productCode: z.string().trim().toUpperCase().min(1).max(20).describe('The financing product the money is lent on (e.g. a qardh)'),
  appliedOn: calendarDate,
  recipients: z
    .array(
      z.strictObject({
        personId: z.uuid(),
        amount: positiveRupiah('usep.amount_positive'),
        installments: z.number().int().min(1).max(120),
        purpose: z.string().trim().min(1).max(500),
      }),
    )
    .min(1)
    .max(50),
});
export type PassOnInput = z.infer<typeof passOnInputSchema>;

export const multiplierSchema = z.object({
  stimulusRupiah: z.string(),
  revolvedRupiah: z.string().describe('Rupiah passed on to members through the chain, all rounds together'),
  families: z.number(),
  rounds: z.number(),
  multiplier: z.string().describe('revolved ÷ stimulus, 2 decimals'),
  familiesPerMillion: z.string().describe('Families reached per Rp1.000.000 of stimulus, 2 decimals'),
});

export const sourceViewSchema = z.object({
  kind: z.enum(['stimulus', 'repayment', 'group']),
  amount: z.string(),
  allocationId: z.string().nullable(),
  fromFinancingId: z.string().nullable(),
  fromName: z.string().nullable().describe('Whose repayment it was'),
});
export const recipientViewSchema = z.object({
  financingId: z.string(),
  number: z.string(),
  personId: z.string(),
  fullName: z.string(),
  householdId: z.string(),
  meetingId: z.string(),
  meetingHeldOn: z.string(),
  round: z.number(),
  amount: z.string(),
  status: z.string(),
  repaidPrincipal: z.string(),
  overdueAmount: z.string(),
  daysPastDue: z.number(),
  sources: z.array(sourceViewSchema),
});
export const chainViewSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), villageCodes: z.array(z.string()) }),
  pot: z
    .object({ fundCode: z.string(), cash: z.string(), promised: z.string(), free: z.string() })
    .nullable()
    .describe("The group's revolving fund: cash, promised to applications not yet paid out, and what a musyawarah may still pass on"),
  allocations: z.array(
    z.object({ id: z.string(), stimulusFundCode: z.string(), amount: z.string(), allocatedOn: z.string(), reference: z.string() }),
  ),
  recipients: z.array(recipientViewSchema),
  arrears: z.object({ overdueRupiah: z.string(), recipientsInArrears: z.number() }),
  multiplier: multiplierSchema,
});
export type ChainView = z.infer<typeof chainViewSchema>;

export const cityQuerySchema = z.strictObject({
  regency: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/)
    .describe('Regency/city code, e.g. 34.71 (Kota Yogyakarta)'),
});
export const cityMultiplierSchema = z.object({
  regency: z.object({ code: z.string(), name: z.string() }),
  total: multiplierSchema,
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      villageCodes: z.array(z.string()),
      multiplier: multiplierSchema,
      overdueRupiah: z.string(),
      recipientsInArrears: z.number(),
    }),
  ),
});
export const groupIdParamsSchema = z.strictObject({ id: z.uuid() });
