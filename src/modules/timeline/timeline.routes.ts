import { defineRoute } from '../../http/route.ts';
import { TIMELINE_READERS } from './timeline.roles.ts';
import { householdOverviewSchema, timelineParamsSchema, timelineSchema } from './timeline.schema.ts';
import { householdOverview, personTimeline } from './timeline.service.ts';

export const timelineRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/timeline',
    tag: 'timeline',
    summary:
      "A person's events newest first (registration, groups, financings, aid payments, JKN contributions, cadre visits; health encounters for health roles, audited) and what they owe",
    auth: TIMELINE_READERS,
    params: timelineParamsSchema,
    response: timelineSchema,
    handler: (ctx, { params }) => personTimeline(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id/overview',
    tag: 'timeline',
    summary: "A family at a glance: address, RT/RW, phone, and each member's financing arrears, JKN card and aid programmes",
    auth: TIMELINE_READERS,
    params: timelineParamsSchema,
    response: householdOverviewSchema,
    handler: (ctx, { params }) => householdOverview(ctx, params.id),
  }),
];
