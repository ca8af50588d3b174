import { z } from 'zod';
import { calendarDate, cursorParam, rupiahText as rupiah } from '../../core/schemas.ts';

const decimal = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, { error: 'a decimal number as a string, e.g. "5000.00"' });
const isoDate = calendarDate;

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

// ---- Products and the financing lifecycle ----

const percentText = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/);
/** A share or a yearly rate: at most 100% (a typo like 900% is refused, not lent at). */
const percentUpTo100 = percentText.refine((value) => Number(value) <= 100, { params: { code: 'financing.percent_above_100' } });
const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/);

export const PRODUCT_KIND_VALUES = ['flat', 'annuity', 'equal_principal', 'murabahah', 'mudharabah', 'musyarakah', 'qardh'] as const;
export const productInputSchema = z.strictObject({
  code,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(PRODUCT_KIND_VALUES),
  ratePercent: percentUpTo100.default('0'),
  memberNisbahPercent: percentUpTo100.optional(),
  frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
  minAmount: rupiah,
  maxAmount: rupiah,
  minInstallments: z.number().int().min(1).max(520),
  maxInstallments: z.number().int().min(1).max(520),
  graceOnPrincipal: z.number().int().min(0).max(52).default(0),
  graceOnProfit: z.number().int().min(0).max(52).default(0),
  rounding: z.enum(['half-up', 'half-even']).default('half-up'),
  inMultiplesOf: rupiah.optional(),
  penaltyPerMilleDaily: percentText.default('0'),
  penaltyCapPercent: percentUpTo100.default('0'),
  allocationOrder: z
    .array(z.enum(['penalty', 'profit', 'principal']))
    .length(3)
    .refine((order) => new Set(order).size === 3, 'each once')
    .default(['penalty', 'profit', 'principal']),
});
export const productViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PRODUCT_KIND_VALUES),
  scheme: z.enum(['conventional', 'sharia']),
  ratePercent: z.string(),
  memberNisbahPercent: z.string().nullable(),
  frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
  minAmount: z.string(),
  maxAmount: z.string(),
  minInstallments: z.number(),
  maxInstallments: z.number(),
  graceOnPrincipal: z.number(),
  graceOnProfit: z.number(),
  rounding: z.string(),
  inMultiplesOf: z.string().nullable(),
  penaltyPerMilleDaily: z.string(),
  penaltyCapPercent: z.string(),
  allocationOrder: z.array(z.string()),
  active: z.boolean(),
});
export const productListSchema = z.object({ items: z.array(productViewSchema) });
export const productIdParamsSchema = z.strictObject({ id: z.uuid() });
/** Only whether new applications may use the product: its terms never change once financings use them. */
export const productActiveInputSchema = z.strictObject({ active: z.boolean() });

export const applicationInputSchema = z.strictObject({
  personId: z.uuid(),
  productCode: code,
  fundCode: code,
  principal: rupiah,
  installments: z.number().int().min(1).max(520),
  purpose: z.string().trim().min(3).max(500),
  groupId: z.uuid().optional(),
  businessId: z.uuid().optional(),
  groupRecommendation: z.string().trim().max(1000).optional(),
  healthNotes: z.string().trim().max(1000).optional(),
  lkmCapitalPercent: percentUpTo100.optional(),
  appliedOn: calendarDate.optional(),
});
export const decisionInputSchema = z.strictObject({ note: z.string().trim().max(500).optional() });
export const disbursementInputSchema = z.strictObject({
  disbursedOn: calendarDate,
  method: z.enum(['cash', 'transfer']),
  firstDueDate: calendarDate.optional(),
});
export const repaymentInputSchema = z.strictObject({
  amount: rupiah.refine((v) => BigInt(v) > 0n, 'positive'),
  paidOn: calendarDate.optional(),
  channel: z.enum(['counter', 'group_meeting', 'field']).default('counter'),
});
export const reversalInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(300) });
export const financingIdParamsSchema = z.strictObject({ id: z.uuid() });
export const repaymentParamsSchema = z.strictObject({ id: z.uuid(), repaymentId: z.uuid() });
export const financingsQuerySchema = z.strictObject({
  status: z.enum(['applied', 'approved', 'rejected', 'disbursed', 'closed', 'written_off']).optional(),
  fund: code.optional(),
  person: z.uuid().optional(),
  group: z.uuid().optional(),
  /** With an instalment not fully paid falling due in [dueFrom, dueTo] (the home page's "due today"/"this week"). */
  dueFrom: calendarDate.optional(),
  dueTo: calendarDate.optional(),
  /** Past due at the last close of day. */
  overdue: z.enum(['true', 'false']).optional(),
  /** The responsible facilitator, or a group's facilitator: a user id, or `me`. */
  facilitator: z.union([z.literal('me'), z.uuid()]).optional(),
  /** With a standing repayment received that day. */
  paidOn: calendarDate.optional(),
  /** Closed (repaid or written off) on or after that day. */
  closedFrom: calendarDate.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const responsibleOfficerSchema = z.object({
  id: z.string(),
  name: z.string(),
  viaGroup: z.boolean().describe('No officer is assigned: the group’s facilitator is responsible'),
});

const instalmentView = z.object({
  n: z.number(),
  dueDate: z.string(),
  principal: z.string(),
  profit: z.string(),
  penalty: z.string(),
  total: z.string(),
  paid: z.string(),
  status: z.enum(['paid', 'partial', 'due', 'overdue', 'projected']),
});
export const repaymentViewSchema = z.object({
  id: z.string(),
  financingId: z.string(),
  paidOn: z.string(),
  amount: z.string(),
  principal: z.string(),
  profit: z.string(),
  penalty: z.string(),
  channel: z.string(),
  receivedBy: z.string(),
  /** The receiver's full name (words for a system actor), as the receipt prints it. */
  receivedByName: z.string().optional(),
  journalEntryId: z.string(),
  reversed: z.boolean(),
  reversalReason: z.string().nullable(),
  /** The number of the receipt a field worker's phone gave for it (F007-00012); null at the counter. */
  fieldReceiptNumber: z.string().nullable(),
  outstandingAfter: z.string().optional(),
});
export const financingViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['applied', 'approved', 'rejected', 'disbursed', 'closed', 'written_off']),
  person: z.object({ id: z.string(), name: z.string(), nik: z.string(), villageCode: z.string() }),
  officeCode: z.string(),
  fundCode: z.string(),
  product: z.object({ code: z.string(), name: z.string(), kind: z.string(), scheme: z.string() }),
  groupId: z.string().nullable(),
  businessId: z.string().nullable(),
  principal: z.string(),
  installments: z.number(),
  purpose: z.string(),
  groupRecommendation: z.string().nullable(),
  healthNotes: z.string().nullable(),
  appliedOn: z.string(),
  createdBy: z.string(),
  /** Who applied, as documents print it: the user's full name, or words for a system actor. */
  createdByName: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  disbursedOn: z.string().nullable(),
  disbursementMethod: z.string().nullable(),
  /** The responsible officer: assigned (or the facilitator who applied), else the group's facilitator (`viaGroup`). */
  facilitator: responsibleOfficerSchema.nullable(),
  outstanding: z.object({ principal: z.string(), profit: z.string(), penalty: z.string(), total: z.string() }),
  /** overdue: owed on instalments due before today; dueToday: on those due today; payableToday: both (rupiah). */
  arrears: z.object({ overdue: z.string(), dueToday: z.string(), payableToday: z.string() }),
  daysPastDue: z.number(),
  qualityClass: z.number(),
  totals: z.object({ principal: z.string(), profit: z.string(), total: z.string() }),
  schedule: z.array(instalmentView),
  repayments: z.array(repaymentViewSchema),
});
export const financingListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      personName: z.string(),
      productCode: z.string(),
      fundCode: z.string(),
      principal: z.string(),
      outstanding: z.string(),
      /** Owed on instalments due before today (rupiah). */
      overdue: z.string(),
      daysPastDue: z.number(),
      qualityClass: z.number(),
      appliedOn: z.string(),
      /** The responsible officer's full name (see the view's `facilitator`), null when none. */
      facilitatorName: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const queueQuerySchema = z.strictObject({ fund: code });
const queuedView = z.object({ financingId: z.string(), number: z.string(), memberName: z.string(), personId: z.string() });
export const queueViewSchema = z.object({
  fundCode: z.string(),
  asOf: z.string(),
  cash: z.string(),
  waiting: z.array(
    queuedView.extend({
      position: z.number(),
      amount: z.string(),
      approvedAt: z.string().nullable(),
      cumulativeNeed: z.string(),
      expectedOn: z.string().nullable(),
    }),
  ),
  overdue: z.array(queuedView.extend({ overdueAmount: z.string(), holdingUp: z.array(queuedView) })),
});
export const closeDayInputSchema = z.strictObject({ date: calendarDate });
export const closeDayResultSchema = z.object({
  date: z.string(),
  alreadyClosed: z.boolean(),
  daysClosed: z
    .array(z.string())
    .describe('The days this call closed, oldest first: every unclosed day since the last closed one, then the date'),
  stepsRun: z.array(z.string()).describe('The steps run for the date (a run cut off resumes with the steps it had left)'),
  financings: z.number().describe('Active financings the date closed over (for a day closed before: as counted then)'),
});
export const qualityRuleInputSchema = z.strictObject({ rule: z.enum(['bank', 'lkm']) });
export const qualityRuleViewSchema = z.object({
  rule: z.enum(['bank', 'lkm']).describe('The rule close of day applies'),
  defaultRule: z.enum(['bank', 'lkm']).describe('The rule used while an admin has chosen none'),
});
export const portfolioQuerySchema = z.strictObject({
  date: calendarDate.optional(),
  by: z.enum(['office', 'fund', 'group', 'facilitator']).default('office'),
});
export const portfolioViewSchema = z.object({
  date: z.string(),
  by: z.string(),
  rows: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string().nullable(),
      financings: z.number(),
      outstanding: z.string(),
      atRisk1: z.string(),
      atRisk30: z.string(),
      atRisk90: z.string(),
      par1Percent: z.string(),
      par30Percent: z.string(),
      par90Percent: z.string(),
      byClass: z.array(z.string()),
      provision: z.string(),
    }),
  ),
});

export const businessResultInputSchema = z.strictObject({
  n: z.number().int().min(1),
  result: z
    .string()
    .trim()
    .regex(/^-?\d{1,15}$/),
  negligent: z.boolean().optional(),
});
/** Each reported period; the shares are signed like the result (a loss gives negative shares) and sum to it. */
export const businessResultsViewSchema = z.object({
  kind: z.enum(['mudharabah', 'musyarakah']),
  memberNisbahPercent: z.string(),
  lkmCapitalPercent: z.string().nullable(),
  items: z.array(
    z.object({
      n: z.number(),
      dueDate: z.string(),
      result: z.string(),
      negligent: z.boolean(),
      memberShare: z.string(),
      fundShare: z.string(),
    }),
  ),
});

export const rescheduleInputSchema = z.strictObject({
  installments: z.number().int().min(1).max(520),
  firstDueDate: calendarDate.optional(),
  reason: z.string().trim().min(3).max(300),
});

// ---- The money screens (issue 15 §3): responsible officer, household exposure, PAR drill-down ----

export const officerInputSchema = z.strictObject({
  userId: z.uuid().describe('A facilitator or manager working at the financing’s office'),
});
export const officersQuerySchema = z.strictObject({ office: code.optional() });
export const officersViewSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), officeCodes: z.array(z.string()) })),
});

const exposureItem = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['applied', 'approved', 'rejected', 'disbursed', 'closed', 'written_off']),
  personId: z.string(),
  personName: z.string(),
  /** The applicant's own financing, or another member of the household (same KK). */
  whose: z.enum(['member', 'household']),
  productCode: z.string(),
  principal: z.string(),
  outstanding: z.string(),
  overdue: z.string(),
  daysPastDue: z.number(),
  appliedOn: z.string(),
});
export const exposureViewSchema = z.object({
  financingId: z.string(),
  householdId: z.string().nullable(),
  members: z.number().describe('Persons on the household’s KK'),
  /** Every other financing still open or owed (applied, approved, disbursed, written off) of the member and the household, in scope. */
  items: z.array(exposureItem),
  totals: z.object({
    financings: z.number(),
    outstanding: z.string().describe('Owed on running and written-off financings (rupiah)'),
    overdue: z.string().describe('Owed on instalments past due (rupiah)'),
    pending: z.string().describe('Principal of other applications waiting for a decision or for money'),
    withThis: z.string().describe('outstanding + pending + this application’s principal'),
  }),
});

export const atRiskQuerySchema = z.strictObject({
  /** PAR 1, 30 or 90: financings at least that many days past due. */
  par: z.enum(['1', '30', '90']).default('30'),
  by: z.enum(['office', 'fund', 'group', 'facilitator']).optional(),
  /** The portfolio row's key (an id), or `none` for its row without one. */
  key: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const atRiskViewSchema = z.object({
  asOf: z.string().describe('The last closed business day: days past due and outstanding as it counted them'),
  par: z.number(),
  totals: z.object({ financings: z.number(), outstanding: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      personId: z.string(),
      personName: z.string(),
      /** The member's household phone (empty when none is known). */
      phone: z.string(),
      outstanding: z.string().describe('Outstanding principal (what PAR counts)'),
      overdue: z.string(),
      daysPastDue: z.number(),
      qualityClass: z.number(),
      officeCode: z.string(),
      fundCode: z.string(),
      facilitator: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
