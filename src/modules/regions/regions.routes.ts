import { defineRoute } from '../../http/route.ts';
import { regionCodeParamsSchema, regionDetailSchema, regionPageSchema, regionsQuerySchema } from './regions.schema.ts';
import { getRegion, listRegions } from './regions.service.ts';

export const regionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/regions',
    tag: 'regions',
    summary: 'List regions: provinces, the children of `parent`, or name matches of `q`',
    auth: 'public',
    query: regionsQuerySchema,
    response: regionPageSchema,
    handler: (ctx, { query }) => listRegions(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/regions/:code',
    tag: 'regions',
    summary: 'One region with its parents (province → regency → district)',
    auth: 'public',
    params: regionCodeParamsSchema,
    response: regionDetailSchema,
    handler: (ctx, { params }) => getRegion(ctx, params.code),
  }),
];
