import { IDEMPOTENCY_HEADER, idempotencyKey, idempotentAnswer } from '../../http/idempotency.ts';
import { defineRoute } from '../../http/route.ts';
import {
  closeDrawerInputSchema,
  drawerDetailSchema,
  drawerIdParamsSchema,
  drawerListQuerySchema,
  drawerListSchema,
  drawerMovementInputSchema,
  movementResultSchema,
  openDrawerInputSchema,
} from './cash-drawer.schema.ts';
import { closeDrawer, DRAWER_HOLDERS, getDrawer, listDrawers, openDrawer, recordDrawerMovement } from './cash-drawer.service.ts';
import { LEDGER_READERS } from './ledger.service.ts';

const HEADER = IDEMPOTENCY_HEADER;

export const cashDrawerRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/cash-drawers',
    tag: 'ledger',
    summary: 'Open your cash drawer for a business day with the opening float counted (one open drawer per cashier)',
    auth: DRAWER_HOLDERS,
    body: openDrawerInputSchema,
    response: drawerDetailSchema,
    successStatus: 201,
    handler: (ctx, { body }) => openDrawer(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cash-drawers',
    tag: 'ledger',
    summary: 'Cash drawers in your scope (a cashier sees their own), newest first, with expected cash',
    auth: LEDGER_READERS,
    query: drawerListQuerySchema,
    response: drawerListSchema,
    handler: (ctx, { query }) => listDrawers(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cash-drawers/:id',
    tag: 'ledger',
    summary: 'One cash drawer: opening float, cash in and out, expected cash, every movement',
    auth: LEDGER_READERS,
    params: drawerIdParamsSchema,
    response: drawerDetailSchema,
    handler: (ctx, { params }) => getDrawer(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cash-drawers/:id/movements',
    tag: 'ledger',
    summary: `Record a cash receipt or payment at the drawer, posted against an account; requires an ${HEADER} header`,
    auth: DRAWER_HOLDERS,
    params: drawerIdParamsSchema,
    body: drawerMovementInputSchema,
    response: movementResultSchema,
    successStatus: 201,
    handler: async (ctx, { params, body }, { request, reply }) =>
      idempotentAnswer(reply, await recordDrawerMovement(ctx, params.id, body, idempotencyKey(request))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cash-drawers/:id/close',
    tag: 'ledger',
    summary: `Count and close a drawer; the difference is posted as cash shortage (5.2.01) or overage (4.2.03); requires an ${HEADER} header`,
    auth: DRAWER_HOLDERS,
    params: drawerIdParamsSchema,
    body: closeDrawerInputSchema,
    response: drawerDetailSchema,
    handler: async (ctx, { params, body }, { request, reply }) =>
      idempotentAnswer(reply, await closeDrawer(ctx, params.id, body, idempotencyKey(request))),
  }),
];
