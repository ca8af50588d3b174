import { z } from 'zod';
import { EXPORT_TYPES } from '../../export/table-export.ts';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { AUDIT_READERS } from './audit.roles.ts';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from './audit.schema.ts';
import { exportAuditTrail, listAuditTrail } from './audit.service.ts';

const exportRoutes = (['csv', 'xlsx'] as const).map((format) =>
  defineRoute({
    method: 'GET',
    url: `/api/v1/audit/export.${format}`,
    tag: 'audit',
    summary: `The audit trail under the same filters as a file (${format.toUpperCase()}), in words; names masked for roles that may not see them`,
    auth: AUDIT_READERS,
    query: auditExportQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES[format]],
    handler: async (ctx, { query }, { reply }) => {
      reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', `attachment; filename="${ctx.locale === 'en' ? 'audit' : 'jejak-audit'}.${format}"`);
      return (await exportAuditTrail(ctx, format, query)) as unknown as string;
    },
  }),
);

export const auditRoutes = [
  ...exportRoutes,
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
