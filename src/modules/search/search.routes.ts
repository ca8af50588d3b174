import { defineRoute } from '../../http/route.ts';
import { SEARCHERS } from './search.roles.ts';
import { searchQuerySchema, searchResultSchema } from './search.schema.ts';
import { searchEverything } from './search.service.ts';

export const searchRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/search',
    tag: 'search',
    summary: 'The header search box: persons by NIK, KK or name, households by KK, financings by number, groups by name (cadres marked)',
    auth: SEARCHERS,
    query: searchQuerySchema,
    response: searchResultSchema,
    handler: (ctx, { query }) => searchEverything(ctx, query),
  }),
];
