import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';
import { IKS_CODES } from './iks.rules.ts';

export const CONDITION_CODES = ['hipertensi', 'diabetes', 'tb_paru', 'gangguan_jiwa', 'lainnya'] as const;
export const DISABILITIES = ['none', 'physical', 'sensory', 'intellectual', 'mental', 'multiple'] as const;
export const KB_METHODS = ['none', 'pill', 'injection', 'implant', 'iud', 'condom', 'tubectomy', 'vasectomy', 'lam', 'other'] as const;

export const personParamsSchema = z.strictObject({ id: z.uuid() });
export const householdParamsSchema = z.strictObject({ id: z.uuid() });

const conditionInputSchema = z.strictObject({
  code: z.enum(CONDITION_CODES),
  note: z.string().trim().max(300).default(''),
  since: calendarDate.nullable().default(null),
  /** null: not known yet (the IKS then asks the family). */
  treatedRegularly: z.boolean().nullable().default(null),
});

/** PUT /persons/{id}/health: the whole profile (what is left out is cleared). JKN is never typed here. */
export const profileInputSchema = z.strictObject({
  pregnant: z.boolean().default(false),
  lastMenstrualPeriod: calendarDate.nullable().default(null),
  /** Left out or null while pregnant: Naegele's rule from the last period. */
  expectedDelivery: calendarDate.nullable().default(null),
  pregnancies: z.number().int().min(0).max(30).nullable().default(null),
  disability: z.enum(DISABILITIES).default('none'),
  smoker: z.boolean().nullable().default(null),
  kbMethod: z.enum(KB_METHODS).nullable().default(null),
  conditions: z
    .array(conditionInputSchema)
    .max(CONDITION_CODES.length)
    .default([])
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { params: { code: 'health.condition_repeated' } }),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const jknStatusSchema = z.object({
  member: z.boolean(),
  /** participant: the JKN participants' record; household_kis: the family's KIS card in the registry; null: neither. */
  source: z.enum(['participant', 'household_kis']).nullable(),
  segment: z.string().nullable(),
  jknClass: z.string().nullable(),
});

export const profileViewSchema = z.object({
  personId: z.string(),
  recorded: z.boolean(),
  pregnant: z.boolean(),
  lastMenstrualPeriod: z.string().nullable(),
  expectedDelivery: z.string().nullable(),
  pregnancies: z.number().nullable(),
  disability: z.enum(DISABILITIES),
  smoker: z.boolean().nullable(),
  kbMethod: z.enum(KB_METHODS).nullable(),
  conditions: z.array(
    z.object({ code: z.enum(CONDITION_CODES), note: z.string(), since: z.string().nullable(), treatedRegularly: z.boolean().nullable() }),
  ),
  jkn: jknStatusSchema,
  updatedAt: z.string().nullable(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

const answersShape = Object.fromEntries(IKS_CODES.map((code) => [code, z.boolean().nullable().optional()])) as Record<
  (typeof IKS_CODES)[number],
  z.ZodOptional<z.ZodNullable<z.ZodBoolean>>
>;
/** PUT /households/{id}/health: sanitation and the family's answers (null clears an answer; left out keeps it). */
export const householdHealthInputSchema = z.strictObject({
  cleanWater: z.boolean().nullable(),
  healthyLatrine: z.boolean().nullable(),
  answers: z.strictObject(answersShape).default({}),
});
export type HouseholdHealthInput = z.infer<typeof householdHealthInputSchema>;

export const householdHealthViewSchema = z.object({
  householdId: z.string(),
  villageCode: z.string(),
  cleanWater: z.boolean().nullable(),
  healthyLatrine: z.boolean().nullable(),
  answers: z.record(z.string(), z.boolean()),
  /** Applicable IKS indicators nothing recorded decides: asked of the family, answered or not. */
  toAsk: z.array(z.enum(IKS_CODES)),
  members: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      relation: z.string(),
      conditions: z.array(z.enum(CONDITION_CODES)),
      pregnant: z.boolean(),
      jknMember: z.boolean(),
    }),
  ),
  updatedAt: z.string().nullable(),
});
export type HouseholdHealthView = z.infer<typeof householdHealthViewSchema>;

/** Pregnancies near term: expected delivery within 30 days, nearest first. */
export const pregnancyListSchema = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      householdId: z.string(),
      villageCode: z.string(),
      expectedDelivery: z.string(),
      daysToGo: z.number(),
      pregnancies: z.number().nullable(),
    }),
  ),
});
