import { defineRoute } from '../../http/route.ts';
import { HOME_READERS } from './home.roles.ts';
import { homeQuerySchema, homeViewSchema } from './home.schema.ts';
import { homeOf } from './home.service.ts';

export const homeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/home',
    tag: 'home',
    summary: "Today's figures for the signed-in user's role (Hari ini), scoped to their regions, each with the list behind it",
    auth: HOME_READERS,
    query: homeQuerySchema,
    response: homeViewSchema,
    handler: (ctx, { query }) => homeOf(ctx, query),
  }),
];
