import { z } from 'zod';
import { cursorParam } from '../../core/schemas.ts';

/** A region code of any level: 34, 34.71, 34.71.01, 34.71.01.1001. */
export const regionCodeSchema = z
  .string()
  .trim()
  .refine((v) => /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(v), { params: { code: 'aid.region_code_format' } });

/** GET /programmes/{id}/eligible-not-enrolled and /enrolled-not-eligible. */
export const unitListQuerySchema = z.strictObject({
  region: regionCodeSchema.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

const failedRuleSchema = z.object({ rule: z.string(), value: z.unknown(), required: z.unknown(), message: z.string() });

export const eligibleNotEnrolledSchema = z.object({
  items: z.array(
    z.object({
      unitKind: z.enum(['household', 'person']),
      unitId: z.string(),
      /** The head of the family (a household) or the person; masked for roles that may not see names. */
      name: z.string(),
      /** The family's KK number (masked for roles that may not see it); null for a person. */
      kk: z.string().nullable(),
      regionCode: z.string(),
      villageName: z.string().nullable(),
    }),
  ),
  /** null: the registry has been read to its end. A page may hold fewer than `limit` items and still go on. */
  nextCursor: z.string().nullable(),
});

export const enrolledNotEligibleSchema = z.object({
  items: z.array(
    z.object({
      enrolmentId: z.string(),
      unitKind: z.enum(['household', 'person']),
      unitId: z.string(),
      name: z.string(),
      regionCode: z.string(),
      villageName: z.string().nullable(),
      failedRules: z.array(failedRuleSchema),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const PROGRESS_LEVELS = ['province', 'regency', 'district'] as const;

export const progressQuerySchema = z.strictObject({
  level: z.enum(PROGRESS_LEVELS).default('regency'),
  parent: regionCodeSchema.optional(),
  cycle: z.uuid().optional(),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

const countsShape = {
  eligible: z.number(),
  enrolled: z.number(),
  entitled: z.number(),
  paid: z.number(),
  failed: z.number(),
  /** paid ÷ entitled × 100, one decimal (0 when nothing is entitled). */
  percentPaid: z.number(),
};

export const progressSchema = z.object({
  level: z.enum(PROGRESS_LEVELS),
  parent: z.string().nullable(),
  /** The cycle whose entitlements are counted: the one asked for, else the programme's newest (null: none yet). */
  cycle: z.object({ id: z.string(), name: z.string(), periodStart: z.string(), periodEnd: z.string() }).nullable(),
  rows: z.array(z.object({ regionCode: z.string(), regionName: z.string(), priority: z.boolean(), ...countsShape })),
  totals: z.object(countsShape),
});
export type ProgressView = z.infer<typeof progressSchema>;

export const unitAidSchema = z.object({
  enrolments: z.array(
    z.object({
      enrolmentId: z.string(),
      programmeId: z.string(),
      programmeName: z.string(),
      status: z.enum(['pending_account', 'enrolled', 'suspended', 'ended']),
      unitKind: z.enum(['household', 'person']),
      recipientName: z.string(),
      channel: z.enum(['lkd', 'giro_pos', 'bank']),
      enrolledOn: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      cycleId: z.string(),
      cycleName: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      /** Whole rupiah as a decimal string. */
      amount: z.string(),
      status: z.enum(['computed', 'excluded', 'approved', 'instructed', 'paid', 'failed', 'returned']),
      paidOn: z.string().nullable(),
      /** The latest payment instruction's reference (null: not instructed yet). */
      reference: z.string().nullable(),
      channel: z.enum(['lkd', 'giro_pos', 'bank']),
    }),
  ),
});
export type UnitAidView = z.infer<typeof unitAidSchema>;
