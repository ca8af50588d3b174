import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';
import { SESSION_TOPICS } from './sessions.rules.ts';

/**
 * The health worker's part of the offline field bundle (`GET /api/v1/sync/bundle`, `health`):
 * the families of their villages with something to act on, their recent counselling sessions
 * and the groups of those villages for attendance. Kept small for a weak 3G link: a member
 * carries only the flags that apply to them. Shared with the field app.
 */
export const healthBundleQuerySchema = z.strictObject({
  /** Only this village's families (a worker whose offices cover a whole city downloads village by village). */
  village: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)
    .optional(),
});

export const RECALL_STATUSES = ['overdue', 'due'] as const;
export const CONDITION_CODES = ['hipertensi', 'diabetes', 'tb_paru', 'gangguan_jiwa', 'lainnya'] as const;

export const fieldMemberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: calendarDate,
  relation: z.string(),
  /** A screening due within 30 days or overdue; never screened in the target ages = due, no `lastScreenedOn`. */
  recall: z
    .object({
      status: z.enum(RECALL_STATUSES),
      method: z.enum(['iva', 'pap_smear']),
      lastScreenedOn: calendarDate.nullable(),
      nextDueOn: calendarDate,
    })
    .optional(),
  /** Pregnant now: expected delivery date (EDD, HPL) when known. */
  pregnancy: z.object({ expectedDelivery: calendarDate.nullable() }).optional(),
  conditions: z.array(z.enum(CONDITION_CODES)).optional(),
  /** Unable to work now (`ill`) or in the last 30 days (`recovering`): the status only, never why. */
  illness: z.object({ status: z.enum(['ill', 'recovering']), unableFrom: calendarDate, unableUntil: calendarDate.nullable() }).optional(),
});

export const fieldFamilySchema = z.object({
  householdId: z.string(),
  kkNumber: z.string(),
  villageCode: z.string(),
  address: z.string(),
  headName: z.string().nullable(),
  /** Most urgent first: overdue recalls, ill, due recalls, near delivery, chronic. */
  urgency: z.number(),
  members: z.array(fieldMemberSchema),
});

export const fieldSessionSchema = z.object({
  sessionId: z.string(),
  topic: z.enum(SESSION_TOPICS),
  topicNote: z.string(),
  heldOn: calendarDate,
  place: z.string(),
  villageCode: z.string(),
  groupId: z.string().nullable(),
  /** Who is already recorded as present (the phone adds to it). */
  personIds: z.array(z.string()),
});

export const fieldGroupSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  villageCodes: z.array(z.string()),
  members: z.array(z.object({ personId: z.string(), name: z.string() })),
});

export const healthBundleSchema = z.object({
  /** The curated ICD-10 list (icd10.data.ts), for choosing diagnoses with no signal. */
  icd10: z.array(z.object({ code: z.string(), id: z.string(), en: z.string() })),
  villageCodes: z.array(z.string()),
  families: z.array(fieldFamilySchema),
  /** More families had something to act on than a phone takes: download village by village (?village=). */
  truncated: z.boolean(),
  sessions: z.array(fieldSessionSchema),
  groups: z.array(fieldGroupSchema),
});

export type HealthBundleQuery = z.infer<typeof healthBundleQuerySchema>;
export type HealthBundle = z.infer<typeof healthBundleSchema>;
export type FieldFamily = z.infer<typeof fieldFamilySchema>;
export type FieldMember = z.infer<typeof fieldMemberSchema>;
export type FieldSession = z.infer<typeof fieldSessionSchema>;
export type FieldGroup = z.infer<typeof fieldGroupSchema>;
