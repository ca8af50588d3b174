import { z } from 'zod';
import { calendarDate, cursorParam } from '../../core/schemas.ts';
import { canonicalIcd10, checkVitals, ICD10_CODE } from './encounters.rules.ts';

export const PROFESSIONS = ['doctor', 'midwife', 'nurse'] as const;
export const ENCOUNTER_PLACES = ['home', 'clinic'] as const;
export const DESTINATION_KINDS = ['puskesmas', 'hospital'] as const;
/**
 * What came of a referral: seen and sent back to primary care (rujuk balik), seen and treated
 * there, admitted, did not go, died.
 */
export const REFERRAL_OUTCOMES = ['referred_back', 'treated', 'admitted', 'not_attended', 'died'] as const;
export const MAX_DIAGNOSES = 10;

const measurement = z.number().nullable().optional();

/** Vital signs as JSON numbers; each checked against its range, unit and decimals (encounters.rules.ts). */
export const vitalsSchema = z
  .strictObject({
    /** mmHg, 60–260. */
    systolic: measurement,
    /** mmHg, 30–160, below the systolic. */
    diastolic: measurement,
    /** kg, 0.5–300, one decimal. */
    weightKg: measurement,
    /** cm, 30–250, one decimal. */
    heightCm: measurement,
    /** °C, 30.0–45.0, one decimal. */
    temperatureC: measurement,
    /** mg/dL (random blood glucose), 20–800. */
    glucoseMgDl: measurement,
  })
  .superRefine((vitals, ctx) => {
    for (const problem of checkVitals(vitals))
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code, params: { code: problem.code, ...problem.params } });
  });

/**
 * ICD-10 codes, primary first, in any case and with or without the dot; written back as the list
 * writes them (e119 → E11.9). That each is in the curated list is checked by the use case.
 */
export const diagnosesSchema = z
  .array(
    z
      .string()
      .max(10)
      .transform(canonicalIcd10)
      .refine((code) => ICD10_CODE.test(code), { params: { code: 'invalid_format' } }),
  )
  .max(MAX_DIAGNOSES)
  .superRefine((codes, ctx) => {
    codes.forEach((code, i) => {
      if (codes.indexOf(code) < i)
        ctx.addIssue({ code: 'custom', path: [i], message: 'duplicate', params: { code: 'health.duplicate_diagnosis', icd10: code } });
    });
  });

export const referralInputSchema = z.strictObject({
  destinationKind: z.enum(DESTINATION_KINDS),
  /** The puskesmas or hospital by name, as on the letter. */
  destination: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(1000),
});

/** The body of `POST /persons/{id}/encounters` and the payload of the `encounter` sync op (docs/health.md). */
export const encounterInputSchema = z.strictObject({
  profession: z.enum(PROFESSIONS),
  place: z.enum(ENCOUNTER_PLACES),
  /** Not in the future, not before the person's birth. */
  encounteredOn: calendarDate,
  complaint: z.string().trim().max(2000).optional(),
  vitals: vitalsSchema.optional(),
  diagnoses: diagnosesSchema,
  treatment: z.string().trim().max(2000).optional(),
  /** A referral written in the same visit, with its letter. */
  referral: referralInputSchema.optional(),
});
export type EncounterInput = z.output<typeof encounterInputSchema>;

export const referralOutcomeInputSchema = z.strictObject({
  outcome: z.enum(REFERRAL_OUTCOMES),
  outcomeOn: calendarDate,
});
export type ReferralOutcomeInput = z.infer<typeof referralOutcomeInputSchema>;

const flagsSchema = z.object({
  bloodPressure: z.enum(['low', 'normal', 'high', 'crisis']).nullable(),
  temperature: z.enum(['hypothermia', 'normal', 'fever']).nullable(),
  glucose: z.enum(['low', 'normal', 'high']).nullable(),
  bmi: z.object({ value: z.string(), category: z.enum(['severely_thin', 'thin', 'normal', 'overweight', 'obese']).nullable() }).nullable(),
});

export const referralViewSchema = z.object({
  id: z.string(),
  encounterId: z.string(),
  destinationKind: z.enum(DESTINATION_KINDS),
  destination: z.string(),
  reason: z.string(),
  referredOn: z.string(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

const vitalValue = z.number().nullable();
export const encounterViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  profession: z.enum(PROFESSIONS),
  place: z.enum(ENCOUNTER_PLACES),
  encounteredOn: z.string(),
  complaint: z.string(),
  vitals: z.object({
    systolic: vitalValue,
    diastolic: vitalValue,
    weightKg: vitalValue,
    heightCm: vitalValue,
    temperatureC: vitalValue,
    glucoseMgDl: vitalValue,
  }),
  flags: flagsSchema,
  /** In rank order, the first is the primary diagnosis; names in the request's language. */
  diagnoses: z.array(z.object({ code: z.string(), name: z.string() })),
  treatment: z.string(),
  /** The health worker (full name, as on the referral letter). */
  worker: z.object({ id: z.string(), name: z.string() }),
  referral: referralViewSchema.nullable(),
});
export type EncounterView = z.infer<typeof encounterViewSchema>;

export const encounterPageSchema = z.object({ items: z.array(encounterViewSchema), nextCursor: z.string().nullable() });

export const encountersQuerySchema = z.strictObject({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const openReferralsQuerySchema = encountersQuerySchema;
export const openReferralPageSchema = z.object({
  items: z.array(referralViewSchema.extend({ personId: z.string(), personName: z.string(), villageCode: z.string() })),
  nextCursor: z.string().nullable(),
});

export const icd10QuerySchema = z.strictObject({ q: z.string().max(100).optional() });
export const icd10ListSchema = z.object({ items: z.array(z.object({ code: z.string(), nameId: z.string(), nameEn: z.string() })) });

export const idParamsSchema = z.strictObject({ id: z.uuid() });
