import { z } from 'zod';
import { calendarDate, rupiah } from '../../core/schemas.ts';
import { regionCodeSchema } from '../organisation/organisation.schema.ts';
import { RELATIONS } from '../registry/registry.schema.ts';

/**
 * A social assistance programme as data (OpenSPP's programme with its eligibility manager and
 * cash entitlement manager): who it targets, what a payment covers, the dated benefit table and
 * the eligibility rules. The built-in KKS, PIP, PKH and Sembako are rows like any other.
 */

export const AID_CARDS = ['kks', 'kis', 'kip', 'pkh'] as const;
export type AidCard = (typeof AID_CARDS)[number];
export const SCHOOL_LEVELS = ['SD', 'SMP', 'SMA'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_YEARS = ['new', 'middle', 'final'] as const;
export type SchoolYear = (typeof SCHOOL_YEARS)[number];
export const TARGET_UNITS = ['household', 'person'] as const;
export const AID_PERIODS = ['month', 'year', 'stage'] as const;
export const AID_CHANNELS = ['lkd', 'giro_pos', 'bank'] as const;

export const programmeCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'a-z, 0-9, _ (2–32)' });
const categoryCode = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { error: 'a-z, 0-9, _ (1–32)' });
const age = z.number().int().min(0).max(150);

/** Who in a unit a benefit row pays for: every condition given must hold (none: everyone). */
export const memberConditionSchema = z.strictObject({
  pregnant: z.literal(true).optional(),
  ageMin: age.optional(),
  /** Inclusive: 6 means up to the day before the 7th birthday. */
  ageMax: age.optional(),
  schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
  disability: z.literal('severe').optional(),
  sex: z.enum(['M', 'F']).optional(),
});
export type MemberCondition = z.infer<typeof memberConditionSchema>;

export const benefitRateInputSchema = z.strictObject({
  category: categoryCode,
  /** unit: once per family (or person) enrolled; member: per member the condition fits. */
  basis: z.enum(['unit', 'member']),
  condition: memberConditionSchema.default({}),
  /** Per month for a monthly programme, per year for a yearly or staged one. */
  amount: rupiah,
  /** At most this many members of one unit in this category are paid for. */
  maxPerUnit: z.number().int().min(1).max(50).nullable().default(null),
  effectiveFrom: calendarDate,
  /** The last day the row applies (inclusive); null: until changed. */
  effectiveTo: calendarDate.nullable().default(null),
});
export type BenefitRateInput = z.infer<typeof benefitRateInputSchema>;

export const paymentWindowSchema = z.strictObject({ startsOn: calendarDate, endsOn: calendarDate });

/** The rule kinds of eligibility, each over the registry (docs/aid.md). */
export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('card'), card: z.enum(AID_CARDS), held: z.boolean() }),
  z.strictObject({ kind: z.literal('decile'), min: z.number().int().min(1).max(10), max: z.number().int().min(1).max(10) }),
  z.strictObject({ kind: z.literal('age'), min: age.optional(), max: age.optional() }),
  z.strictObject({ kind: z.literal('sex'), sex: z.enum(['M', 'F']) }),
  z.strictObject({ kind: z.literal('relation'), relations: z.array(z.enum(RELATIONS)).min(1).max(RELATIONS.length) }),
  z.strictObject({ kind: z.literal('school_level'), levels: z.array(z.enum(SCHOOL_LEVELS)).min(1).max(3) }),
  z.strictObject({ kind: z.literal('disability'), level: z.literal('severe') }),
  z.strictObject({ kind: z.literal('pregnant') }),
  z.strictObject({ kind: z.literal('region'), codes: z.array(regionCodeSchema).min(1).max(500) }),
  z.strictObject({ kind: z.literal('not_enrolled'), programme: programmeCode }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type EligibilityRuleKind = EligibilityRule['kind'];

const name = z.string().trim().min(2).max(120);

export const programmeInputSchema = z.strictObject({
  code: programmeCode,
  nameId: name,
  nameEn: name,
  targetUnit: z.enum(TARGET_UNITS),
  period: z.enum(AID_PERIODS),
  /** For a staged programme: how many stages (tahap) a year is paid in (PKH: 4). */
  stagesPerYear: z.number().int().min(1).max(12).nullable().default(null),
  channel: z.enum(AID_CHANNELS),
  /** The ledger fund the programme is paid from (its code), if any. */
  fundCode: z.string().trim().min(1).max(40).nullable().default(null),
  /** At most this many members of one unit are paid for, whatever their categories (PKH: 4). */
  memberCap: z.number().int().min(1).max(50).nullable().default(null),
  /** Percent of a school-level amount for a pupil's first or final year (PIP: 50). */
  newYearPercent: z.number().int().min(1).max(100).nullable().default(null),
  finalYearPercent: z.number().int().min(1).max(100).nullable().default(null),
  active: z.boolean().default(true),
  eligibility: z.array(eligibilityRuleSchema).max(30).default([]),
  /** In priority order: a member is paid in the first category whose condition fits. */
  rates: z.array(benefitRateInputSchema).min(1).max(200),
  /** For a monthly programme: months paid together as one lump (a stage). */
  paymentWindows: z.array(paymentWindowSchema).max(60).default([]),
  /** Regions rolled out first (seed 001: 19 priority regencies), listed first in the progress table; absent on a change: kept. */
  priorityRegions: z.array(regionCodeSchema).max(600).optional(),
});
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

/** A programme by its id or its code (`pkh`). */
export const programmeParamsSchema = z.strictObject({ id: z.union([z.uuid(), programmeCode]) });

const rateViewSchema = z.object({
  category: z.string(),
  basis: z.enum(['unit', 'member']),
  condition: memberConditionSchema,
  amount: z.string(),
  maxPerUnit: z.number().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export const programmeViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  targetUnit: z.enum(TARGET_UNITS),
  period: z.enum(AID_PERIODS),
  stagesPerYear: z.number().nullable(),
  channel: z.enum(AID_CHANNELS),
  fundCode: z.string().nullable(),
  memberCap: z.number().nullable(),
  newYearPercent: z.number().nullable(),
  finalYearPercent: z.number().nullable(),
  builtIn: z.boolean(),
  active: z.boolean(),
  eligibility: z.array(eligibilityRuleSchema),
  rates: z.array(rateViewSchema),
  paymentWindows: z.array(z.object({ startsOn: z.string(), endsOn: z.string() })),
  priorityRegions: z.array(z.string()),
});
export type ProgrammeView = z.infer<typeof programmeViewSchema>;
export const programmeListSchema = z.object({ items: z.array(programmeViewSchema) });
