export { auditRoutes } from './audit.routes.ts';
export { listAuditTrail, recordAudit } from './audit.service.ts';
