import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { setupInputSchema, setupStatusSchema } from './setup.schema.ts';
import { runFirstSetup, setupStatus } from './setup.service.ts';

export const setupRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/setup',
    tag: 'setup',
    summary: 'Whether first-run setup is still needed',
    auth: 'public',
    response: setupStatusSchema,
    handler: (ctx) => setupStatus(ctx.db),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/setup',
    tag: 'setup',
    summary: 'First run: create the organisation, its first office and the first admin (only on an empty database)',
    auth: 'public',
    body: setupInputSchema,
    response: z.object({
      organisation: z.object({ id: z.string(), name: z.string() }),
      admin: z.object({ id: z.string(), username: z.string() }),
    }),
    successStatus: 201,
    problems: [409],
    handler: async (ctx, { body }) => {
      const result = await runFirstSetup({ ...ctx, actor: { kind: 'system', name: 'first-run' } }, body);
      return { organisation: result.organisation, admin: { id: result.admin.id, username: result.admin.username } };
    },
  }),
];
