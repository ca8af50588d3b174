import { z } from 'zod';
import { cursorParam } from '../../core/schemas.ts';
import { AID_CHANNELS } from './programme.schema.ts';

/**
 * Payment instructions (one numbered batch per channel, a CSV file in the channel's layout) and
 * reconciliation of the channel's confirmation file (issue 13, items 6 and 7; docs/aid.md).
 */
export const INSTRUCTION_STATUSES = ['instructed', 'paid', 'failed', 'returned'] as const;
/** What a confirmation line says happened. */
export const CONFIRMED_STATUSES = ['paid', 'failed', 'returned'] as const;
/** What a confirmation line did: applied (paid, failed, returned) or reported and not applied. */
export const LINE_OUTCOMES = ['paid', 'failed', 'returned', 'duplicate', 'unchanged', 'unknown', 'mismatch', 'invalid'] as const;
export const ISSUE_OUTCOMES = ['duplicate', 'unchanged', 'unknown', 'mismatch', 'invalid'] as const;

export const cycleParamsSchema = z.strictObject({ id: z.uuid() });
export const batchParamsSchema = z.strictObject({ id: z.uuid() });
export const reconciliationParamsSchema = z.strictObject({ id: z.uuid() });

export const instructionBatchInputSchema = z.strictObject({ channel: z.enum(AID_CHANNELS) });

export const instructionBatchViewSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  channel: z.enum(AID_CHANNELS),
  /** 1, 2, … per cycle and channel. */
  number: z.number().int(),
  instructionCount: z.number().int(),
  /** Whole rupiah. */
  total: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** The name the file downloads under. */
  fileName: z.string(),
});
export type InstructionBatchView = z.infer<typeof instructionBatchViewSchema>;
export const instructionBatchListSchema = z.object({ items: z.array(instructionBatchViewSchema) });

export const reconciliationQuerySchema = z.strictObject({
  channel: z.enum(AID_CHANNELS),
  /** The confirmation file's name, kept for the report. */
  fileName: z.string().trim().min(1).max(200),
});

/** A confirmation file as the channel sends it: text/csv, header `reference,status,date,channel_reference,amount`. */
export const reconciliationBodySchema = z.string().min(1).max(104_857_600);

const countsSchema = z.object(
  Object.fromEntries(LINE_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as Record<(typeof LINE_OUTCOMES)[number], z.ZodNumber>,
);

export const reconciliationIssueSchema = z.object({
  /** The line of the file (the header is line 1). */
  lineNo: z.number().int(),
  outcome: z.enum(ISSUE_OUTCOMES),
  reference: z.string().nullable(),
  /** Why, in the request's language. */
  detail: z.string(),
});

export const reconciliationViewSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  channel: z.enum(AID_CHANNELS),
  fileName: z.string(),
  /** SHA-256 of the file's lines (LF-joined): the same file imported twice shows the same digest. */
  fileSha256: z.string(),
  /** Lines read after the header, blank lines left out. */
  lineCount: z.number().int(),
  counts: countsSchema,
  /** What left the bank with this import (Dr payable / Cr bank), whole rupiah. */
  paidTotal: z.string(),
  /** What came back to the bank: returns of payments confirmed earlier (Dr bank / Cr payable). */
  returnedTotal: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Lines not applied, in line order, a page at a time. */
  issues: z.array(reconciliationIssueSchema),
  issueCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type ReconciliationView = z.infer<typeof reconciliationViewSchema>;

export const reconciliationListSchema = z.object({ items: z.array(reconciliationViewSchema.omit({ issues: true, nextCursor: true })) });

export const issuePageQuerySchema = z.strictObject({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const retryListQuerySchema = z.strictObject({
  channel: z.enum(AID_CHANNELS).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const retryItemSchema = z.object({
  entitlementId: z.uuid(),
  enrolmentId: z.uuid(),
  householdId: z.uuid(),
  personId: z.uuid().nullable(),
  recipientName: z.string(),
  villageCode: z.string(),
  channel: z.enum(AID_CHANNELS),
  /** Masked: the last 4 digits. */
  account: z.string(),
  amount: z.string(),
  status: z.enum(['failed', 'returned']),
  /** Instructions sent so far; the next batch sends attempt `attempts + 1`. */
  attempts: z.number().int(),
  lastReference: z.string(),
  lastSettledOn: z.string().nullable(),
  lastChannelReference: z.string().nullable(),
});
export const retryListSchema = z.object({ items: z.array(retryItemSchema), nextCursor: z.string().nullable() });
