import { defineRoute } from '../../http/route.ts';
import { penaltyInputSchema, penaltyViewSchema, quoteInputSchema, quoteViewSchema } from './jkn.schema.ts';
import { quoteJkn, quoteJknPenalty } from './jkn.service.ts';

export const jknRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/jkn/quote',
    tag: 'jkn',
    summary: 'JKN-KIS contributions owed as of a day: status, arrears (at most 24 months), reactivation total, REHAB eligibility',
    auth: 'public',
    body: quoteInputSchema,
    response: quoteViewSchema,
    handler: async (ctx, { body }) => quoteJkn(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/jkn/penalty-quote',
    tag: 'jkn',
    summary: 'Inpatient penalty after reactivation (denda pelayanan): 5% (2.5% before 2021) × INA-CBG tariff × months, capped',
    auth: 'public',
    body: penaltyInputSchema,
    response: penaltyViewSchema,
    handler: async (ctx, { body }) => quoteJknPenalty(ctx, body),
  }),
];
