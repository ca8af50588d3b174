import { z } from 'zod';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { drawerIdParamsSchema } from '../ledger/cash-drawer.schema.ts';
import { LEDGER_READERS } from '../ledger/index.ts';
import { drawerReportSchema } from './drawer-report.schema.ts';
import { drawerReport, drawerReportPdf } from './drawer-report.service.ts';

export const drawerReportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/cash-drawers/:id/report',
    tag: 'ledger',
    summary:
      'A drawer’s day in detail: opening cash, each receipt and payment with time, purpose and member, the count by denomination, expected against counted; people by full name',
    auth: LEDGER_READERS,
    params: drawerIdParamsSchema,
    response: drawerReportSchema,
    handler: (ctx, { params }) => drawerReport(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cash-drawers/:id/report.pdf',
    tag: 'ledger',
    summary:
      'The end-of-day report of a closed drawer (PDF, Indonesian): denominations, receipts and payments, totals, difference, signatures of the cashier and the office head (409 while open)',
    auth: LEDGER_READERS,
    params: drawerIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    problems: [409],
    handler: async (ctx, { params }, { reply }) => {
      const pdf = await drawerReportPdf(ctx, params.id);
      reply.type('application/pdf').header('content-disposition', `inline; filename="laporan-kas-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
];
