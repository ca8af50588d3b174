import { z } from 'zod';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { COMPUTE_STATES, CYCLE_STATUSES, ENTITLEMENT_STATUSES, REVIEW_LEVELS } from './cycle.rules.ts';
import { AID_CHANNELS } from './programme.schema.ts';

/**
 * Payment cycles and their entitlements (docs/aid.md, "Cycles"). Amounts are whole rupiah as
 * decimal strings; accounts are masked to their last 4 digits.
 */

export const cycleParamsSchema = z.strictObject({ id: z.uuid() });
export const entitlementParamsSchema = z.strictObject({ id: z.uuid() });

export const cycleInputSchema = z.strictObject({
  /** "PKH 2025 tahap 1", "KKS November 2014" */
  name: z.string().trim().min(1).max(120),
  /** Rates and ages are read on this day. */
  periodStart: calendarDate,
  periodEnd: calendarDate,
});
export type CycleInput = z.infer<typeof cycleInputSchema>;

export const cycleViewSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeCode: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(CYCLE_STATUSES),
  /** idle: never computed; computing: a compute started and has not finished; computed. */
  computeState: z.enum(COMPUTE_STATES),
  computedAt: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type CycleView = z.infer<typeof cycleViewSchema>;

const total = z.object({ count: z.number().int(), amount: z.string() });

export const cycleWithTotalsSchema = cycleViewSchema.extend({
  /** Within your regions. `count` and `amount`: what is owed, every status but excluded. */
  totals: z.object({
    byStatus: z.object(
      Object.fromEntries(ENTITLEMENT_STATUSES.map((s) => [s, total])) as Record<(typeof ENTITLEMENT_STATUSES)[number], typeof total>,
    ),
    count: z.number().int(),
    amount: z.string(),
  }),
});

export const cycleListSchema = z.object({ items: z.array(cycleViewSchema) });

export const computeResultSchema = z.object({
  /** Entitlements this run added (0 when every unit was computed before). */
  inserted: z.number().int(),
  /** Entitlements of the cycle now. */
  total: z.number().int(),
  computeState: z.enum(COMPUTE_STATES),
});

export const reviewQuerySchema = z.strictObject({ level: z.enum(REVIEW_LEVELS).default('regency') });

export const reviewSchema = z.object({
  level: z.enum(REVIEW_LEVELS),
  byRegion: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int(), amount: z.string() })),
  byChannel: z.array(z.object({ channel: z.enum(AID_CHANNELS), count: z.number().int(), amount: z.string() })),
  count: z.number().int(),
  amount: z.string(),
});

export const approveEntitlementsInputSchema = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) }),
]);
export type ApproveSelection = z.infer<typeof approveEntitlementsInputSchema>;

export const approveEntitlementsResultSchema = z.object({
  approved: z.number().int(),
  /** The sum approved: owed from the programme's fund (Dr social assistance expense, Cr owed to recipients). */
  amount: z.string(),
  /** The journal entry, when anything was approved. */
  entryId: z.uuid().nullable(),
});

export const excludeInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** A village (34.71.01.1001) or a region above it (34.71): its entitlements. */
const regionFilter = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { error: 'a region code such as 34.71.01.1001' });

export const entitlementListQuerySchema = z.strictObject({
  status: z.enum(ENTITLEMENT_STATUSES).optional(),
  village: regionFilter.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const entitlementViewSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  enrolmentId: z.uuid(),
  householdId: z.uuid(),
  personId: z.uuid().nullable(),
  recipientName: z.string(),
  villageCode: z.string(),
  channel: z.enum(AID_CHANNELS),
  /** Masked: only the last 4 digits are shown. */
  account: z.string(),
  amount: z.string(),
  /** Who is paid for in which category; `member` is a person id. A member over a cap shows amount "0". */
  components: z.array(z.object({ member: z.string(), category: z.string(), amount: z.string() })),
  status: z.enum(ENTITLEMENT_STATUSES),
  exclusionReason: z.string().nullable(),
  paidOn: z.string().nullable(),
});
export type EntitlementView = z.infer<typeof entitlementViewSchema>;

export const entitlementListSchema = z.object({ items: z.array(entitlementViewSchema), nextCursor: z.string().nullable() });
