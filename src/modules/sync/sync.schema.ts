import { z } from 'zod';
import { calendarDate, rupiahText as rupiah } from '../../core/schemas.ts';
import { worklistFamilySchema } from '../contributions/contributions.schema.ts';
import { encounterInputSchema } from '../health/encounters.schema.ts';
import { healthBundleQuerySchema, healthBundleSchema } from '../health/field.schema.ts';
import { illnessInputSchema } from '../health/illness.schema.ts';
import { screeningInputSchema } from '../health/screening.schema.ts';
import { sessionAttendanceInputSchema } from '../health/sessions.schema.ts';
import { FIELD_RECEIPT_PATTERN } from './sync.rules.ts';

/**
 * The offline field app's contract: the bundle a worker downloads (a cadre's families and
 * dues, a facilitator's groups with their meeting sheets) and the ops a phone records without
 * signal and pushes later. Shared with the web app (types and checks).
 */

const positiveRupiah = rupiah.refine((v) => /^\d+$/.test(v) && BigInt(v) > 0n, 'positive');
const isoDate = calendarDate;
/** The number of the receipt the phone gave for a payment (F007-00012: device code and the phone's sequence). */
const fieldReceipt = z.string().regex(FIELD_RECEIPT_PATTERN);

export const bundleQuerySchema = z.strictObject({
  /** One group's sheet (a manager or admin; a facilitator only their own). */
  group: z.uuid().optional(),
  /** Instalments due on or before this date are due now; default today + 7 days (WIB). */
  until: isoDate.optional(),
  /** A health worker: only this village's families. */
  village: healthBundleQuerySchema.shape.village,
});
export type BundleQuery = z.infer<typeof bundleQuerySchema>;

export const bundleFamilySchema = worklistFamilySchema;

export const sheetFinancingSchema = z.object({
  financingId: z.string(),
  number: z.string(),
  personId: z.string(),
  memberName: z.string(),
  productName: z.string(),
  /** The latest instalment due on or before `until` (null when none is due yet). */
  instalment: z.object({ n: z.number(), dueDate: z.string(), amount: z.string() }).nullable(),
  /** Unpaid instalments due before today, late charges included. */
  overdue: z.string(),
  /** Late charges still unpaid, included in `overdue` and `dueNow`. */
  lateCharges: z.string(),
  /** Everything due on or before `until`: what the member is asked to bring. */
  dueNow: z.string(),
  /** All that is still owed: the most a repayment may be. */
  outstanding: z.string(),
  daysPastDue: z.number(),
  /** Whether the member is ill or recovering (health programme), never why; null when neither. */
  illness: z.object({ status: z.enum(['ill', 'recovering']), unableFrom: z.string(), unableUntil: z.string().nullable() }).nullable(),
});
export const sheetGroupSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  villageCodes: z.array(z.string()),
  members: z.array(z.object({ personId: z.string(), name: z.string() })),
  financings: z.array(sheetFinancingSchema),
  dueNow: z.string(),
});
export const bundleSchema = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dueUntil: z.string(),
  cadreId: z.string().nullable(),
  families: z.array(bundleFamilySchema),
  groups: z.array(sheetGroupSchema),
  /** A health worker's caseload (only in their bundle). */
  health: healthBundleSchema.optional(),
});
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleFamily = z.infer<typeof bundleFamilySchema>;
export type SheetGroup = z.infer<typeof sheetGroupSchema>;
export type SheetFinancing = z.infer<typeof sheetFinancingSchema>;

/** The payload of each kind of op. A new kind adds a schema here and a handler in sync.service.ts. */
export const repaymentPayloadSchema = z.strictObject({
  financingId: z.uuid(),
  amount: positiveRupiah,
  paidOn: isoDate.optional(),
  receiptNumber: fieldReceipt.optional(),
});
export const attendancePayloadSchema = z.strictObject({
  groupId: z.uuid(),
  heldOn: isoDate.optional(),
  personIds: z.array(z.uuid()).max(100),
  agenda: z.string().trim().min(1).max(300).optional(),
});
export const contributionPayloadSchema = z.strictObject({
  cadreId: z.uuid(),
  householdId: z.uuid(),
  months: z.number().int().min(1).max(36),
  amount: positiveRupiah,
  receiptNumber: fieldReceipt.optional(),
});
export const visitPayloadSchema = z.strictObject({
  cadreId: z.uuid(),
  householdId: z.uuid(),
  kind: z.enum(['socialisation', 'reminder', 'complaint', 'recruitment', 'follow_up']),
  outcome: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(1000).optional(),
  visitedOn: isoDate.optional(),
});
// ---- Health worker's ops (issue 12): payloads as pinned in docs/health.md, checked by the health module's schemas ----
export const encounterPayloadSchema = encounterInputSchema.extend({ personId: z.uuid() });
export const screeningPayloadSchema = screeningInputSchema.extend({ personId: z.uuid() });
export const sessionAttendancePayloadSchema = sessionAttendanceInputSchema;
/** A member unable to work from a day (to a day, or still): the flag beside their financing. */
export const illnessPayloadSchema = illnessInputSchema.extend({ personId: z.uuid() });
/** What the phone writes (before the schemas' defaults and normalising). */
export type EncounterPayload = z.input<typeof encounterPayloadSchema>;
export type ScreeningPayload = z.input<typeof screeningPayloadSchema>;
export type SessionAttendancePayload = z.input<typeof sessionAttendancePayloadSchema>;
export type IllnessPayload = z.input<typeof illnessPayloadSchema>;
// ---- end of the health worker's ops ----

export type RepaymentPayload = z.infer<typeof repaymentPayloadSchema>;
export type AttendancePayload = z.infer<typeof attendancePayloadSchema>;
export type ContributionPayload = z.infer<typeof contributionPayloadSchema>;
export type VisitPayload = z.infer<typeof visitPayloadSchema>;

export type SyncOp =
  | { id: string; type: 'repayment'; recordedAt: string; payload: RepaymentPayload }
  | { id: string; type: 'attendance'; recordedAt: string; payload: AttendancePayload }
  | { id: string; type: 'contribution'; recordedAt: string; payload: ContributionPayload }
  | { id: string; type: 'visit'; recordedAt: string; payload: VisitPayload }
  | { id: string; type: 'encounter'; recordedAt: string; payload: EncounterPayload }
  | { id: string; type: 'screening'; recordedAt: string; payload: ScreeningPayload }
  | { id: string; type: 'session_attendance'; recordedAt: string; payload: SessionAttendancePayload }
  | { id: string; type: 'illness'; recordedAt: string; payload: IllnessPayload };
export type SyncOpType = SyncOp['type'];

export const PUSH_LIMIT = 200;

/**
 * The batch is checked only for what every result needs (an id); each op's type and payload
 * are checked one by one, so a malformed or unknown op is rejected alone.
 */
export const pushInputSchema = z.strictObject({
  ops: z
    .array(
      z.strictObject({
        id: z.uuid(),
        type: z.string().trim().min(1).max(40),
        recordedAt: z.iso.datetime({ offset: true }),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1)
    .max(PUSH_LIMIT),
});
export type PushInput = z.infer<typeof pushInputSchema>;

export const pushResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
  result: z.unknown().optional(),
});
export const pushViewSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResult = z.infer<typeof pushResultSchema>;
export type PushView = z.infer<typeof pushViewSchema>;

/** A phone's own device code, which its receipt numbers start with. */
export const deviceViewSchema = z.object({ code: z.string() });
export type DeviceView = z.infer<typeof deviceViewSchema>;
