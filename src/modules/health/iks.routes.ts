import { defineRoute } from '../../http/route.ts';
import { AGGREGATE_READERS, CLINICAL_READERS } from './health.roles.ts';
import {
  iksAggregateQuerySchema,
  iksAggregateViewSchema,
  iksQuoteInputSchema,
  iksRecomputeQuerySchema,
  iksRecomputeViewSchema,
  iksViewSchema,
} from './iks.schema.ts';
import { householdIks, iksAggregates, quoteIks, recomputeVillageIks } from './iks.service.ts';
import { householdParamsSchema } from './profile.schema.ts';

export const iksRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id/iks',
    tag: 'health',
    summary: "A family's Indeks Keluarga Sehat (PIS-PK): IKS, category and the 12 indicators; keeps the month's snapshot (audited read)",
    auth: CLINICAL_READERS,
    params: householdParamsSchema,
    response: iksViewSchema,
    handler: async (ctx, { params }) => householdIks(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/health/iks-quote',
    tag: 'health',
    summary: 'The IKS rules engine over a family described in the body (ages, relations, conditions, answers); stores nothing',
    auth: 'authenticated',
    body: iksQuoteInputSchema,
    response: iksViewSchema,
    successStatus: 200,
    handler: async (ctx, { body }) => quoteIks(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/iks',
    tag: 'health',
    summary: 'IKS by village or office in scope: families, mean IKS, healthy share, sehat / pra-sehat / tidak sehat, monthly trend',
    auth: AGGREGATE_READERS,
    query: iksAggregateQuerySchema,
    response: iksAggregateViewSchema,
    handler: async (ctx, { query }) => iksAggregates(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/health/iks/recompute',
    tag: 'health',
    summary: "Recomputes this month's IKS of every family of a village (batched) for the aggregates",
    auth: CLINICAL_READERS,
    query: iksRecomputeQuerySchema,
    response: iksRecomputeViewSchema,
    successStatus: 200,
    handler: async (ctx, { query }) => recomputeVillageIks(ctx, query.village),
  }),
];
