import { defineRoute } from '../../http/route.ts';
import { sheetQuerySchema, sheetViewSchema, syncInputSchema, syncViewSchema } from './field.schema.ts';
import { FIELD_WORKERS, facilitatorSheet, syncFieldOperations } from './field.service.ts';

export const fieldRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/field/facilitator/sheet',
    tag: 'field',
    summary:
      "The offline field app's collection sheet: the caller's groups (?group= for a manager or admin), each member's running financings, due by ?until= (default today + 7 days) and outstanding",
    auth: FIELD_WORKERS,
    query: sheetQuerySchema,
    response: sheetViewSchema,
    handler: (ctx, { query }) => facilitatorSheet(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/field/sync',
    tag: 'field',
    summary:
      'Apply operations recorded offline (repayment, attendance), in order and each on its own, once per clientId: applied, duplicate (the first result) or refused with a code and a reason in the request language',
    auth: FIELD_WORKERS,
    body: syncInputSchema,
    response: syncViewSchema,
    handler: (ctx, { body }) => syncFieldOperations(ctx, body),
  }),
];
