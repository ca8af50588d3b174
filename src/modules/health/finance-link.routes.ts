import { z } from 'zod';
import { EXPORT_TYPES } from '../../export/table-export.ts';
import { type AnyRoute, defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import {
  atRiskQuerySchema,
  atRiskViewSchema,
  comparisonQuerySchema,
  comparisonViewSchema,
  statusQuerySchema,
  statusViewSchema,
} from './finance-link.schema.ts';
import {
  healthStatus,
  membersAtRisk,
  repaymentComparison,
  repaymentComparisonPdf,
  repaymentComparisonXlsx,
} from './finance-link.service.ts';
import { AGGREGATE_READERS, AT_RISK_READERS, STATUS_READERS } from './health.roles.ts';

/** The link to finance: a member's illness status beside their financing, members at risk, the repayment comparison. */
export const financeLinkRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/status',
    tag: 'health',
    summary:
      'Whether members are ill or recovering, and since/until when (never why); members in neither state, unknown or out of scope are left out',
    auth: STATUS_READERS,
    query: statusQuerySchema,
    response: statusViewSchema,
    handler: async (ctx, { query }) => healthStatus(ctx, query.persons),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/at-risk',
    tag: 'health',
    summary: 'Members ill now or in the last 30 days with an instalment overdue or due within 14 days, most urgent first, with totals',
    auth: AT_RISK_READERS,
    query: atRiskQuerySchema,
    response: atRiskViewSchema,
    handler: async (ctx, { query }) => membersAtRisk(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/repayment-comparison',
    tag: 'health',
    summary: 'Repayment of members under care against the others by month: on-time rate, PAR30, mean days past due',
    auth: AGGREGATE_READERS,
    query: comparisonQuerySchema,
    response: comparisonViewSchema,
    handler: async (ctx, { query }) => repaymentComparison(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/repayment-comparison.pdf',
    tag: 'health',
    summary: 'The repayment comparison as a PDF report with its chart',
    auth: AGGREGATE_READERS,
    query: comparisonQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { query }, { reply }) => {
      const pdf = await repaymentComparisonPdf(ctx, query);
      reply.type('application/pdf').header('content-disposition', `attachment; filename="perbandingan-${query.from}-${query.to}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/repayment-comparison.xlsx',
    tag: 'health',
    summary: 'The repayment comparison as an Excel sheet',
    auth: AGGREGATE_READERS,
    query: comparisonQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.xlsx],
    handler: async (ctx, { query }, { reply }) => {
      reply.type(EXPORT_TYPES.xlsx).header('content-disposition', `attachment; filename="perbandingan-${query.from}-${query.to}.xlsx"`);
      return (await repaymentComparisonXlsx(ctx, query)) as unknown as string;
    },
  }),
];
