export { auditRoutes } from './audit.routes.ts';
export { listAuditTrail, recordAudit, setActorNames } from './audit.service.ts';
export type { AuditAction, AuditRecordType } from './audit-words.rules.ts';
