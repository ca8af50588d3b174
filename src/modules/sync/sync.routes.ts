import { defineRoute } from '../../http/route.ts';
import { FIELD_WORKERS } from './sync.roles.ts';
import { bundleQuerySchema, bundleSchema, deviceViewSchema, pushInputSchema, pushViewSchema } from './sync.schema.ts';
import { registerDevice, syncBundle, syncPush } from './sync.service.ts';

export const syncRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/sync/bundle',
    reads: 'replica',
    tag: 'sync',
    summary:
      "The field worker's offline data: a cadre's families and dues; a facilitator's groups (?group= for a manager or admin) with each member's running financings, due by ?until= (default today + 7 days) and outstanding; a health worker's families with recalls, pregnancies, chronic conditions and members unable to work, their sessions and the groups of their villages (?village= for one village)",
    auth: FIELD_WORKERS,
    query: bundleQuerySchema,
    response: bundleSchema,
    handler: (ctx, { query }) => syncBundle(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sync/push',
    tag: 'sync',
    summary:
      'Apply ops recorded offline (repayment, attendance, contribution, visit; encounter, screening, session_attendance, illness), in order and each on its own, once per op id: applied, duplicate (with the first result) or rejected with a code and a message in the request language',
    auth: FIELD_WORKERS,
    body: pushInputSchema,
    response: pushViewSchema,
    handler: (ctx, { body }) => syncPush(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sync/devices',
    tag: 'sync',
    summary:
      "A device code for the caller's phone (F001, F002, …), asked for once: the phone numbers its field receipts with it (F007-00012), offline too, so two phones never give the same number",
    auth: FIELD_WORKERS,
    successStatus: 201,
    response: deviceViewSchema,
    handler: (ctx) => registerDevice(ctx),
  }),
];
