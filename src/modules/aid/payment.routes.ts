import { Readable } from 'node:stream';
import { z } from 'zod';
import { EXPORT_TYPES } from '../../export/table-export.ts';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { AID_READERS, CYCLE_MAKERS } from './aid.roles.ts';
import {
  batchParamsSchema,
  cycleParamsSchema,
  instructionBatchInputSchema,
  instructionBatchListSchema,
  instructionBatchViewSchema,
  issuePageQuerySchema,
  reconciliationBodySchema,
  reconciliationListSchema,
  reconciliationParamsSchema,
  reconciliationQuerySchema,
  reconciliationViewSchema,
  retryListQuerySchema,
  retryListSchema,
} from './payment.schema.ts';
import {
  createInstructionBatch,
  getReconciliation,
  getRetryList,
  listInstructionBatches,
  listReconciliations,
  openInstructionFile,
  reconcile,
} from './payment.service.ts';

/** Payment instructions per channel and reconciliation of the channel's confirmation file (docs/aid.md). */
export const paymentRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/cycles/:id/instructions',
    tag: 'aid',
    summary:
      'The next numbered batch of payment instructions of a channel: approved entitlements and the retry list, one unique reference each (admin, manager; the cycle approved)',
    auth: CYCLE_MAKERS,
    params: cycleParamsSchema,
    body: instructionBatchInputSchema,
    response: instructionBatchViewSchema,
    successStatus: 201,
    problems: [409],
    handler: (ctx, { params, body }) => createInstructionBatch(ctx, params.id, body.channel),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cycles/:id/instruction-batches',
    tag: 'aid',
    summary: 'A cycle’s instruction batches, oldest first, with their counts and totals',
    auth: AID_READERS,
    params: cycleParamsSchema,
    response: instructionBatchListSchema,
    handler: (ctx, { params }) => listInstructionBatches(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/instruction-batches/:id/file.csv',
    tag: 'aid',
    summary: 'A batch’s payment file in its channel’s CSV layout, streamed; the same bytes on every download (admin, manager)',
    auth: CYCLE_MAKERS,
    params: batchParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.csv],
    handler: async (ctx, { params }, { reply }) => {
      const file = await openInstructionFile(ctx, params.id);
      reply.type(EXPORT_TYPES.csv).header('content-disposition', `attachment; filename="${file.fileName}"`);
      return Readable.from(file.chunks()) as unknown as string;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cycles/:id/reconciliations',
    tag: 'aid',
    summary:
      'Import a channel’s confirmation file (text/csv: reference,status,date,channel_reference,amount): statuses applied once, ' +
      'unknown references, amount mismatches and duplicates listed, the ledger moved (admin, manager)',
    auth: CYCLE_MAKERS,
    params: cycleParamsSchema,
    query: reconciliationQuerySchema,
    body: reconciliationBodySchema,
    consumes: [FILE_MEDIA_TYPES.csv],
    bodyLimit: 104_857_600,
    response: reconciliationViewSchema,
    successStatus: 201,
    problems: [409],
    handler: (ctx, { params, query, body }) =>
      reconcile(ctx, params.id, { channel: query.channel, fileName: query.fileName, lines: [body] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cycles/:id/reconciliations',
    tag: 'aid',
    summary: 'A cycle’s imported confirmation files, newest first, with their counts and totals',
    auth: AID_READERS,
    params: cycleParamsSchema,
    response: reconciliationListSchema,
    handler: (ctx, { params }) => listReconciliations(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/reconciliations/:id',
    tag: 'aid',
    summary: 'One imported confirmation file with the lines not applied and why, a page at a time',
    auth: AID_READERS,
    params: reconciliationParamsSchema,
    query: issuePageQuerySchema,
    response: reconciliationViewSchema,
    handler: (ctx, { params, query }) => getReconciliation(ctx, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cycles/:id/retry-list',
    tag: 'aid',
    summary: 'Failed and returned entitlements of a cycle waiting for the next batch of their channel (accounts masked)',
    auth: AID_READERS,
    params: cycleParamsSchema,
    query: retryListQuerySchema,
    response: retryListSchema,
    handler: (ctx, { params, query }) => getRetryList(ctx, params.id, query),
  }),
];
