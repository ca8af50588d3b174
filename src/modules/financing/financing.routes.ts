import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import {
  applicationInputSchema,
  decisionInputSchema,
  disbursementInputSchema,
  financingIdParamsSchema,
  financingListSchema,
  financingsQuerySchema,
  financingViewSchema,
  productInputSchema,
  productListSchema,
  productViewSchema,
  repaymentInputSchema,
  repaymentParamsSchema,
  repaymentViewSchema,
  reversalInputSchema,
  scheduleInputSchema,
  scheduleViewSchema,
} from './financing.schema.ts';
import {
  APPROVERS,
  applyForFinancing,
  COLLECTORS,
  DISBURSERS,
  decideApplication,
  defineProduct,
  disburse,
  FINANCING_READERS,
  getFinancing,
  listFinancings,
  listProducts,
  MAKERS,
  PRODUCT_KEEPERS,
} from './lifecycle.service.ts';
import { repay, reverseRepayment, writeOff } from './repayment.service.ts';
import { previewSchedule } from './schedule.service.ts';

const idempotencyKey = (headers: Record<string, unknown>) => {
  const value = headers['idempotency-key'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const financingRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/financing/schedule-preview',
    tag: 'financing',
    summary: 'Repayment schedule (flat, annuity, equal principal) computed like Apache Fineract’s classic engine',
    auth: 'public',
    body: scheduleInputSchema,
    response: scheduleViewSchema,
    handler: async (_ctx, { body }) => previewSchedule(body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/financing/products',
    tag: 'financing',
    summary: 'Financing products (conventional and sharia)',
    auth: FINANCING_READERS,
    response: productListSchema,
    handler: (ctx) => listProducts(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financing/products',
    tag: 'financing',
    summary: 'Define a product: kind, rate or margin or nisbah, frequency, limits, grace, rounding, penalty, allocation order',
    auth: PRODUCT_KEEPERS,
    body: productInputSchema,
    response: productViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => defineProduct(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financings',
    tag: 'financing',
    summary: 'Apply for financing for a member (drawn from a fund)',
    auth: MAKERS,
    body: applicationInputSchema,
    response: financingViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => applyForFinancing(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/financings',
    tag: 'financing',
    summary: 'Financings in your scope, newest first (cursor pagination)',
    auth: FINANCING_READERS,
    query: financingsQuerySchema,
    response: financingListSchema,
    handler: (ctx, { query }) => listFinancings(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/financings/:id',
    tag: 'financing',
    summary: 'One financing with its schedule, what is paid and outstanding, and its repayments',
    auth: FINANCING_READERS,
    params: financingIdParamsSchema,
    response: financingViewSchema,
    handler: (ctx, { params }) => getFinancing(ctx, params.id),
  }),
  ...(['approve', 'reject'] as const).map((decision) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/financings/:id/${decision}`,
      tag: 'financing',
      summary: decision === 'approve' ? 'Approve an application (not by the user who created it)' : 'Reject an application, with a reason',
      auth: APPROVERS,
      params: financingIdParamsSchema,
      body: decisionInputSchema,
      response: financingViewSchema,
      handler: (ctx, { params, body }) => decideApplication(ctx, params.id, decision, body.note),
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financings/:id/disburse',
    tag: 'financing',
    summary: 'Disburse from the fund (409 financing.fund_insufficient when the fund lacks cash; the application stays queued)',
    auth: DISBURSERS,
    params: financingIdParamsSchema,
    body: disbursementInputSchema,
    response: financingViewSchema,
    handler: (ctx, { params, body }) => disburse(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financings/:id/repayments',
    tag: 'financing',
    summary: 'Record a repayment; requires an Idempotency-Key header (a repeat returns the first response)',
    auth: COLLECTORS,
    params: financingIdParamsSchema,
    body: repaymentInputSchema,
    response: repaymentViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }, { request }) => repay(ctx, params.id, body, idempotencyKey(request.headers)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financings/:id/repayments/:repaymentId/reverse',
    tag: 'financing',
    summary: 'Reverse a wrong repayment by a counter-entry',
    auth: ['admin', 'manager'],
    params: repaymentParamsSchema,
    body: reversalInputSchema,
    response: financingViewSchema,
    handler: async (ctx, { params, body }) => {
      await reverseRepayment(ctx, params.id, params.repaymentId, body.reason);
      return getFinancing(ctx, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/financings/:id/write-off',
    tag: 'financing',
    summary: 'Write off the outstanding principal (the debt stays on record)',
    auth: ['admin', 'manager'],
    params: financingIdParamsSchema,
    body: z.strictObject({ reason: z.string().trim().min(3).max(300) }),
    response: financingViewSchema,
    handler: async (ctx, { params, body }) => {
      await writeOff(ctx, params.id, body.reason);
      return getFinancing(ctx, params.id);
    },
  }),
];
