import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { pushInputSchema, syncBundle, syncPush } from './sync.service.ts';

export const syncRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/sync/bundle',
    tag: 'sync',
    summary: "The field worker's offline data: a cadre's families and dues, a facilitator's groups and amounts due",
    auth: ['cadre', 'facilitator', 'manager', 'admin'],
    response: z.object({
      generatedAt: z.string(),
      asOf: z.string(),
      dueUntil: z.string(),
      cadreId: z.string().nullable(),
      families: z.array(z.record(z.string(), z.unknown())),
      groups: z.array(z.object({ groupId: z.string(), name: z.string(), members: z.array(z.record(z.string(), z.unknown())) })),
    }),
    handler: (ctx) => syncBundle(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sync/push',
    tag: 'sync',
    summary:
      'Apply ops recorded offline (repayment, contribution, visit): one result each — applied, duplicate or rejected with a code and message',
    auth: ['cadre', 'facilitator', 'manager', 'admin'],
    body: pushInputSchema,
    response: z.object({
      results: z.array(
        z.object({
          id: z.string(),
          status: z.enum(['applied', 'duplicate', 'rejected']),
          code: z.string().optional(),
          message: z.string().optional(),
          result: z.unknown().optional(),
        }),
      ),
    }),
    handler: (ctx, { body }) => syncPush(ctx, body),
  }),
];
