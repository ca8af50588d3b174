import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { collectionSheetParamsSchema, collectionSheetQuerySchema } from './documents.schema.ts';
import { financingAgreementPdf, financingPassbookPdf, groupCollectionSheetPdf, repaymentReceiptPdf } from './documents.service.ts';
import { FINANCING_READERS } from './financing.roles.ts';
import { financingIdParamsSchema, repaymentParamsSchema } from './financing.schema.ts';

/** Replies with a PDF shown in the browser (a receipt is printed from there). */
function pdf(reply: FastifyReply, bytes: Buffer, filename: string) {
  reply.type('application/pdf').header('content-disposition', `inline; filename="${filename.replace(/[^\w.-]+/g, '-')}"`);
  return bytes as unknown as string;
}

export const financingDocumentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/financings/:id/repayments/:repaymentId/receipt.pdf',
    tag: 'financing',
    summary:
      'The kuitansi of a repayment (A5): amount in figures and words, principal/margin/penalty, balance left; DIBATALKAN when reversed',
    auth: FINANCING_READERS,
    params: repaymentParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params }, { reply }) =>
      pdf(reply, await repaymentReceiptPdf(ctx, params.id, params.repaymentId), `kuitansi-${params.repaymentId}.pdf`),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/financings/:id/agreement.pdf',
    tag: 'financing',
    summary: 'Surat perjanjian pembiayaan (conventional) or akad murabahah/mudharabah/musyarakah/qardh (sharia) with its schedule',
    auth: FINANCING_READERS,
    params: financingIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params }, { reply }) => pdf(reply, await financingAgreementPdf(ctx, params.id), `akad-${params.id}.pdf`),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/financings/:id/passbook.pdf',
    tag: 'financing',
    summary: 'The member’s kartu angsuran: schedule with what is paid, and every repayment',
    auth: FINANCING_READERS,
    params: financingIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params }, { reply }) =>
      pdf(reply, await financingPassbookPdf(ctx, params.id), `kartu-angsuran-${params.id}.pdf`),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/groups/:groupId/collection-sheet.pdf',
    tag: 'financing',
    summary: 'One-page collection sheet for a group meeting: each member’s running financing, what is due by the date, columns to fill in',
    auth: FINANCING_READERS,
    params: collectionSheetParamsSchema,
    query: collectionSheetQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params, query }, { reply }) =>
      pdf(
        reply,
        await groupCollectionSheetPdf(ctx, params.groupId, query.date),
        `tagihan-${params.groupId}-${query.date ?? 'hari-ini'}.pdf`,
      ),
  }),
];
