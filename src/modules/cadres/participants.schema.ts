import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

export const JKN_SEGMENTS = ['PBPU', 'PBI', 'PPU'] as const;
export const JKN_CLASSES = ['I', 'II', 'III'] as const;
export const JKN_CARD_STATUSES = ['active', 'inactive'] as const;

export const personJknInputSchema = z.strictObject({
  /** The number on the KIS card: 13 digits. */
  cardNumber: z
    .string()
    .trim()
    .regex(/^\d{13}$/),
  /** PBPU: self-paying (mandiri); PBI: paid by the government; PPU: wage earners, through the employer. */
  segment: z.enum(JKN_SEGMENTS),
  class: z.enum(JKN_CLASSES),
  status: z.enum(JKN_CARD_STATUSES),
  statusRecordedOn: calendarDate,
  /** Change the class of every member of the family along with this one (one class per family). */
  applyClassToFamily: z.boolean().optional(),
  /** This family had no JKN participant and a cadre brought it in. */
  recruitment: z
    .strictObject({
      /** The recruiting cadre; a cadre recording it themselves may leave it out. */
      cadreId: z.uuid().optional(),
      recruitedOn: calendarDate,
    })
    .optional(),
});
export type PersonJknInput = z.infer<typeof personJknInputSchema>;

export const personJknViewSchema = z.object({
  cardNumber: z.string(),
  segment: z.enum(JKN_SEGMENTS),
  class: z.enum(JKN_CLASSES),
  status: z.enum(JKN_CARD_STATUSES),
  statusRecordedOn: z.string(),
});
export const householdJknViewSchema = z.object({
  householdId: z.string(),
  kkNumber: z.string(),
  /** The family's class, null while nobody is registered. */
  jknClass: z.enum(JKN_CLASSES).nullable(),
  /** The month the due is for (YYYY-MM, today's) and what the family pays in it: its PBPU members at the dated rate. */
  month: z.string(),
  monthlyDue: z.string(),
  payingMembers: z.number(),
  members: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      relation: z.string(),
      deceased: z.boolean(),
      jkn: personJknViewSchema.nullable(),
    }),
  ),
  cadre: z.object({ id: z.string(), name: z.string() }).nullable(),
  recruitment: z.object({ cadreId: z.string(), cadreName: z.string(), recruitedOn: z.string(), recordedBy: z.string() }).nullable(),
});
export type HouseholdJknView = z.infer<typeof householdJknViewSchema>;
export const jknIdParamsSchema = z.strictObject({ id: z.uuid() });
