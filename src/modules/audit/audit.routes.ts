import { defineRoute } from '../../http/route.ts';
import { AUDIT_READERS } from './audit.roles.ts';
import { auditPageSchema, auditQuerySchema } from './audit.schema.ts';
import { listAuditTrail } from './audit.service.ts';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit',
    tag: 'audit',
    summary: 'The audit trail, newest first (admin: everything; auditor: their offices’ regions)',
    auth: AUDIT_READERS,
    query: auditQuerySchema,
    response: auditPageSchema,
    handler: (ctx, { query }) => listAuditTrail(ctx, query),
  }),
];
