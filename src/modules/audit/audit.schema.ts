import { z } from 'zod';
import { archivedMonths, calendarDate, cursorParam } from '../../core/schemas.ts';

export const auditQuerySchema = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditExportQuerySchema = auditQuerySchema.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  /** The staff member's full name (null for the system and for users no longer known). */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  officeId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRecordView = z.infer<typeof auditRecordSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditRecordSchema),
  nextCursor: z.string().nullable(),
  archivedMonths: archivedMonths('months in UTC; their audit records are not listed'),
});
