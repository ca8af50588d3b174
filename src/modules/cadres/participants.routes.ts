import { defineRoute } from '../../http/route.ts';
import { PARTICIPANT_WRITERS, READERS } from './cadres.roles.ts';
import { householdJknViewSchema, jknIdParamsSchema, personJknInputSchema } from './participants.schema.ts';
import { getHouseholdJkn, recordPersonJkn } from './participants.service.ts';

export const participantRoutes = [
  defineRoute({
    method: 'PUT',
    url: '/api/v1/persons/:id/jkn',
    tag: 'cadres',
    summary:
      'Record a person’s JKN-KIS card: 13-digit number, segment (PBPU/PBI/PPU), class (one per family), status; optionally the recruiting cadre',
    auth: PARTICIPANT_WRITERS,
    params: jknIdParamsSchema,
    body: personJknInputSchema,
    response: householdJknViewSchema,
    handler: (ctx, { params, body }) => recordPersonJkn(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id/jkn',
    tag: 'cadres',
    summary: 'A family’s JKN-KIS participation: members’ cards, the class, this month’s due at the dated rate, cadre and recruitment',
    auth: READERS,
    params: jknIdParamsSchema,
    response: householdJknViewSchema,
    handler: (ctx, { params }) => getHouseholdJkn(ctx, params.id),
  }),
];
