import { z } from 'zod';
import { archivedMonths, calendarDate, rupiah } from '../../core/schemas.ts';
import { rehabPlanViewSchema } from '../jkn/jkn.schema.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const paidThroughInputSchema = z.strictObject({ paidThrough: month });
export const asOfQuerySchema = z.strictObject({ asOf: calendarDate.optional() });
export const monthQuerySchema = z.strictObject({ month });
export const overviewQuerySchema = z.strictObject({ month: month.optional() });
export const limitQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

const quoteSchema = z.object({
  status: z.enum(['active', 'inactive']),
  monthlyDue: z.number(),
  arrearsMonths: z.number(),
  billedArrearsMonths: z.number(),
  arrearsAmount: z.number(),
  currentMonthAmount: z.number(),
  reactivationTotal: z.number(),
  rehabEligible: z.boolean(),
});
export const familyDuesSchema = z.object({
  householdId: z.string(),
  kkNumber: z.string(),
  persons: z.number(),
  jknClass: z.string().nullable(),
  paidThrough: z.string().nullable(),
  quote: quoteSchema.nullable(),
  /** The REHAB instalment plan when it applies (4–24 months of arrears), else null. */
  rehab: rehabPlanViewSchema.nullable(),
});
export const collectInputSchema = z.strictObject({
  householdId: z.uuid(),
  months: z.number().int().min(1).max(36),
  amount: rupiah,
  paidOn: calendarDate.optional(),
});
export const contributionViewSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  householdId: z.string(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  months: z.number(),
  amount: z.string(),
  amountInWords: z.string(),
  paidOn: z.string(),
  receivedBy: z.string(),
  receiptPath: z.string(),
});
export const collectionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      receiptNumber: z.string(),
      householdId: z.string(),
      headName: z.string().nullable(),
      firstMonth: z.string(),
      lastMonth: z.string(),
      months: z.number(),
      amount: z.string(),
      paidOn: z.string(),
      receivedBy: z.string(),
      receiptPath: z.string(),
    }),
  ),
});
export const cashViewSchema = z.object({
  cadreId: z.string(),
  held: z.string(),
  since: z.string().nullable(),
  daysHeld: z.number(),
  limitDays: z.number(),
  flagged: z.boolean(),
});
export const depositInputSchema = z.strictObject({
  amount: rupiah,
  depositedOn: calendarDate.optional(),
  channel: z.enum(['bank', 'payment_point', 'office']),
  reference: z.string().trim().min(1).max(120),
});
export const depositViewSchema = z.object({
  id: z.string(),
  amount: z.string(),
  depositedOn: z.string(),
  channel: z.string(),
  reference: z.string(),
  heldAfter: z.string(),
});
export const depositListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      depositedOn: z.string(),
      amount: z.string(),
      channel: z.string(),
      reference: z.string(),
      recordedBy: z.string(),
    }),
  ),
});
export const VISIT_KINDS = ['socialisation', 'reminder', 'complaint', 'recruitment', 'follow_up'] as const;
export const visitInputSchema = z.strictObject({
  householdId: z.uuid(),
  visitedOn: calendarDate.optional(),
  kind: z.enum(VISIT_KINDS),
  outcome: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(1000).optional(),
});
export const visitViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  visitedOn: z.string(),
  kind: z.enum(VISIT_KINDS),
  outcome: z.string(),
  notes: z.string().nullable(),
});
export const visitListSchema = z.object({ items: z.array(visitViewSchema) });
/** A family's latest visits by any cadre, with the cadre's name. */
export const householdVisitListSchema = z.object({
  items: z.array(visitViewSchema.extend({ cadreId: z.string(), cadreName: z.string().nullable() })),
});
/** A family on the cadre's worklist and in the offline bundle: dues, arrears and the last visit. */
export const worklistFamilySchema = z.object({
  householdId: z.string(),
  kkNumber: z.string(),
  headName: z.string().nullable(),
  /** Where the family lives and how to reach them (added; older phones ignore them). */
  address: z.string().optional(),
  rt: z.string().nullable().optional(),
  rw: z.string().nullable().optional(),
  phone: z.string().optional(),
  jknClass: z.string().nullable(),
  /** Members paying as PBPU (mandiri): the persons the monthly due is for. */
  persons: z.number(),
  /** This month's contribution for the family, in rupiah (null without a JKN class or account). */
  monthlyDue: z.string().nullable(),
  paidThrough: z.string().nullable(),
  arrearsMonths: z.number().nullable(),
  reactivationTotal: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
  daysSinceVisit: z.number().nullable(),
  /** The REHAB instalment plan, only for a family it applies to (added; older phones ignore it). */
  rehab: rehabPlanViewSchema.optional(),
});
export const worklistSchema = z.object({ asOf: z.string(), items: z.array(worklistFamilySchema) });
export const performanceSchema = z.object({
  cadreId: z.string(),
  month: z.string(),
  familiesAssigned: z.number(),
  familiesVisited: z.number(),
  visits: z.number(),
  recruited: z.number(),
  payments: z.number(),
  collected: z.string(),
  due: z.string(),
  collectabilityPercent: z.string(),
  arrearsCollected: z.string(),
  cashHeld: z.string(),
  cashHeldFlagged: z.boolean(),
  /** Deposits made in the month, and those that settled cash held no longer than the limit. */
  deposits: z.number(),
  depositsOnTime: z.number(),
  incentiveRule: z.union([
    z.object({ kind: z.literal('share_of_arrears'), percent: z.number() }),
    z.object({ kind: z.literal('fees'), perParticipant: z.number(), perRecruit: z.number() }),
  ]),
  incentive: z.string(),
  archivedMonths: archivedMonths('its contributions and visits are not counted'),
});

/** The manager's overview across cadres: caseload against the cap, cash held (flagged ones first), the month's collected against due. */
export const cadresOverviewSchema = z.object({
  month: z.string(),
  asOf: z.string(),
  caseloadCap: z.number(),
  cashHoldingLimitDays: z.number(),
  items: z.array(
    z.object({
      cadreId: z.string(),
      name: z.string(),
      status: z.string(),
      caseload: z.number(),
      cashHeld: z.string(),
      cashSince: z.string().nullable(),
      daysHeld: z.number(),
      cashFlagged: z.boolean(),
      collected: z.string(),
      due: z.string(),
      collectabilityPercent: z.string(),
    }),
  ),
  archivedMonths: archivedMonths('its contributions are not counted in the month collected'),
});

/** How the branch runs collection: how long a cadre may hold cash, and how cadres are rewarded. */
export const incentiveRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('share_of_arrears'), percent: z.number().min(0).max(100) }),
  z.strictObject({
    kind: z.literal('fees'),
    perParticipant: z.number().int().min(0).max(10_000_000),
    perRecruit: z.number().int().min(0).max(10_000_000),
  }),
]);
export const collectionSettingsSchema = z.strictObject({
  /** Cash a cadre holds longer than this many days is flagged (and a deposit after it is late); 0 would flag every collection overnight. */
  cashHoldingLimitDays: z.number().int().min(1).max(60),
  incentiveRule: incentiveRuleSchema,
});
export type CollectionSettings = z.infer<typeof collectionSettingsSchema>;
