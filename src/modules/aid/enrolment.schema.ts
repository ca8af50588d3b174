import { z } from 'zod';
import { cursorParam } from '../../core/schemas.ts';
import { AID_CHANNELS } from './programme.schema.ts';

/**
 * Enrolment in a programme (OpenSPP's programme membership): the unit, its recipient and the
 * channel account. `emoney` is accepted as another name of `lkd` (layanan keuangan digital).
 */
export const ENROLMENT_CHANNELS = [...AID_CHANNELS, 'emoney'] as const;
export const ENROLMENT_STATUSES = ['pending_account', 'enrolled', 'suspended', 'ended'] as const;

export const enrolmentInputSchema = z.strictObject({
  /** The family, for a programme that targets households. */
  householdId: z.uuid().optional(),
  /** The person, for a programme that targets persons (PIP). */
  personId: z.uuid().optional(),
  /** A living member of the unit's family who receives the money (PKH: the mother or caregiver). */
  recipientPersonId: z.uuid(),
  channel: z.enum(ENROLMENT_CHANNELS),
  /** Bank account (6–20 digits), e-money mobile number (08…/+628…), or giro pos account (10–16 digits). */
  account: z.string().max(40),
});
export type EnrolmentInput = z.infer<typeof enrolmentInputSchema>;

export const enrolmentParamsSchema = z.strictObject({ id: z.uuid() });

export const enrolmentStatusInputSchema = z.strictObject({
  status: z.enum(['enrolled', 'suspended', 'ended']),
  reason: z.string().trim().min(1).max(500),
});

export const enrolmentAccountInputSchema = z.strictObject({
  channel: z.enum(ENROLMENT_CHANNELS),
  account: z.string().max(40),
});

export const enrolmentListQuerySchema = z.strictObject({
  status: z.enum(ENROLMENT_STATUSES).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const enrolmentViewSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  householdId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  /** The family of the unit (the household, or the person's). */
  unitHouseholdId: z.uuid(),
  recipientPersonId: z.uuid(),
  channel: z.enum(AID_CHANNELS),
  /** Masked: only the last 4 digits are shown. */
  account: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  reason: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;

/** A list row also names the recipient and the village, so a page of enrolments reads without a request per row. */
export const enrolmentListItemSchema = enrolmentViewSchema.extend({ recipientName: z.string(), villageCode: z.string() });
export const enrolmentListSchema = z.object({ items: z.array(enrolmentListItemSchema), nextCursor: z.string().nullable() });

export const bulkEnrolmentInputSchema = z.strictObject({
  households: z.array(z.uuid()).min(1).max(500),
});

export const bulkEnrolmentResultSchema = z.object({
  items: z.array(
    z.object({
      householdId: z.uuid(),
      outcome: z.enum(['enrolled', 'not_eligible', 'already_enrolled', 'no_recipient', 'not_found']),
      enrolmentId: z.uuid().nullable(),
      /** The codes of the rules that failed (not_eligible). */
      failedRules: z.array(z.string()),
    }),
  ),
  enrolled: z.number().int(),
});
