import { z } from 'zod';
import { EXPORT_TYPES, exportStream } from '../../export/table-export.ts';
import { type AnyRoute, defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { dashboardHeader, dashboardPdf, dashboardRows } from './dashboards.pdf.ts';
import { DASHBOARD_READERS } from './dashboards.roles.ts';
import { dashboardParamsSchema, dashboardQuerySchema, dashboardViewSchema } from './dashboards.schema.ts';
import { getDashboard } from './dashboards.service.ts';

const tag = 'dashboards' as const;

export const dashboardRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/dashboards/:subject/export.pdf',
    tag,
    summary: 'A dashboard as a PDF report with its chart and table (landscape A4)',
    auth: DASHBOARD_READERS,
    params: dashboardParamsSchema,
    query: dashboardQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params, query }, { reply }) => {
      const pdf = await dashboardPdf(await getDashboard(ctx, params.subject, query), ctx.locale);
      reply.type('application/pdf').header('content-disposition', `attachment; filename="dasbor-${params.subject}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/dashboards/:subject/export.xlsx',
    tag,
    summary: 'A dashboard as an Excel sheet: a row per month, a column per figure (whole rupiah)',
    auth: DASHBOARD_READERS,
    params: dashboardParamsSchema,
    query: dashboardQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.xlsx],
    handler: async (ctx, { params, query }, { reply }) => {
      const view = await getDashboard(ctx, params.subject, query);
      async function* pages() {
        yield dashboardRows(view, ctx.locale, true);
      }
      reply.type(EXPORT_TYPES.xlsx).header('content-disposition', `attachment; filename="dasbor-${params.subject}.xlsx"`);
      return (await exportStream('xlsx', params.subject, dashboardHeader(view, ctx.locale), pages())) as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/dashboards/:subject',
    tag,
    summary:
      'A dashboard (portfolio, aid, jkn, health, partnerships) by month for an office, a region or your whole scope, from monthly aggregates filled at close of day',
    auth: DASHBOARD_READERS,
    params: dashboardParamsSchema,
    query: dashboardQuerySchema,
    response: dashboardViewSchema,
    reads: 'replica',
    handler: (ctx, { params, query }) => getDashboard(ctx, params.subject, query),
  }),
];
