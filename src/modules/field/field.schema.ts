import { z } from 'zod';

/**
 * The offline field app's contract: the sheet a facilitator downloads, and the operations a
 * phone records without signal and sends later. Shared with the web app (types and checks).
 */

const rupiah = z.string().regex(/^\d{1,15}$/, 'rupiah');
const isoDate = z.iso.date();

export const sheetQuerySchema = z.strictObject({
  group: z.uuid().optional(),
  /** Instalments due on or before this date are due now; default today + 7 days (WIB). */
  until: isoDate.optional(),
});
export type SheetQuery = z.infer<typeof sheetQuerySchema>;

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
});
export const sheetGroupSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  villageCodes: z.array(z.string()),
  members: z.array(z.object({ personId: z.string(), name: z.string() })),
  financings: z.array(sheetFinancingSchema),
  dueNow: z.string(),
});
export const sheetViewSchema = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  until: z.string(),
  groups: z.array(sheetGroupSchema),
});
export type SheetView = z.infer<typeof sheetViewSchema>;
export type SheetGroup = z.infer<typeof sheetGroupSchema>;
export type SheetFinancing = z.infer<typeof sheetFinancingSchema>;

/** One operation per kind. A new kind (a cadre's visit, a contribution) adds a schema here and a handler in field.service.ts. */
export const repaymentOperationSchema = z.strictObject({
  clientId: z.uuid(),
  kind: z.literal('repayment'),
  financingId: z.uuid(),
  // The regex is checked again here: zod runs refinements even after a failed format check.
  amount: rupiah.refine((v) => /^\d+$/.test(v) && BigInt(v) > 0n, 'positive'),
  paidOn: isoDate,
});
export const attendanceOperationSchema = z.strictObject({
  clientId: z.uuid(),
  kind: z.literal('attendance'),
  groupId: z.uuid(),
  heldOn: isoDate,
  personIds: z.array(z.uuid()).max(100),
  agenda: z.string().trim().min(1).max(300).optional(),
});
export type RepaymentOperation = z.infer<typeof repaymentOperationSchema>;
export type AttendanceOperation = z.infer<typeof attendanceOperationSchema>;
export type FieldOperation = RepaymentOperation | AttendanceOperation;
export type FieldOperationKind = FieldOperation['kind'];

export const SYNC_BATCH_LIMIT = 200;

/**
 * The batch is checked only for what every result needs (a clientId); each operation's own
 * fields are checked one by one, so a malformed or unknown one is refused alone.
 */
export const syncInputSchema = z.strictObject({
  operations: z
    .array(z.looseObject({ clientId: z.uuid(), kind: z.string().trim().min(1).max(40) }))
    .min(1)
    .max(SYNC_BATCH_LIMIT),
});
export type SyncInput = z.infer<typeof syncInputSchema>;

export const syncResultSchema = z.object({
  clientId: z.string(),
  status: z.enum(['applied', 'duplicate', 'refused']),
  code: z.string().optional(),
  reason: z.string().optional(),
  result: z.unknown().optional(),
});
export const syncViewSchema = z.object({ results: z.array(syncResultSchema) });
export type SyncResult = z.infer<typeof syncResultSchema>;
export type SyncView = z.infer<typeof syncViewSchema>;
