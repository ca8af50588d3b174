import { defineRoute } from '../../http/route.ts';
import { scheduleInputSchema, scheduleViewSchema } from './financing.schema.ts';
import { previewSchedule } from './schedule.service.ts';

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
];
