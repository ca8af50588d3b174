import { defineRoute } from '../../http/route.ts';
import {
  allocationInputSchema,
  chainViewSchema,
  cityMultiplierSchema,
  cityQuerySchema,
  groupIdParamsSchema,
  passOnInputSchema,
} from './stimulus.schema.ts';
import { allocateStimulus, cityChain, getChain, passOnStimulus } from './stimulus.service.ts';
import { ALLOCATORS, CHAIN_READERS, PASSERS } from './usep.roles.ts';

export const usepRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/usep/allocations',
    tag: 'usep',
    summary: "Allocate a Dinas/NGO stimulus to a group: capital and cash move from the stimulus fund to the group's revolving fund",
    auth: ALLOCATORS,
    body: allocationInputSchema,
    response: chainViewSchema,
    successStatus: 201,
    idempotency: 'required',
    handler: (ctx, { body, idempotencyKey }) => allocateStimulus(ctx, body, idempotencyKey as string),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/usep/groups/:id/pass-on',
    tag: 'usep',
    summary:
      "A musyawarah's decision: the group's revolving money passed on to the members named (applications from the group's fund, linked to the meeting); 409 beyond what the pot holds",
    auth: PASSERS,
    params: groupIdParamsSchema,
    body: passOnInputSchema,
    response: chainViewSchema,
    successStatus: 201,
    idempotency: 'optional',
    handler: (ctx, { params, body, idempotencyKey }) => passOnStimulus(ctx, params.id, body, idempotencyKey),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/usep/groups/:id/chain',
    tag: 'usep',
    summary: "A group's chain: allocations, recipients round by round with whose money they received, the pot, arrears, the multiplier",
    auth: CHAIN_READERS,
    params: groupIdParamsSchema,
    response: chainViewSchema,
    handler: (ctx, { params }) => getChain(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/usep/multiplier',
    tag: 'usep',
    summary: 'The chain multiplier of a city: per stimulated group in your scope and for the city as a whole',
    auth: CHAIN_READERS,
    query: cityQuerySchema,
    response: cityMultiplierSchema,
    handler: (ctx, { query }) => cityChain(ctx, query.regency),
  }),
];
