import { defineRoute } from '../../http/route.ts';
import {
  householdInputSchema,
  householdViewSchema,
  idParamsSchema,
  nikDecodedSchema,
  nikParamsSchema,
  nikQuerySchema,
  personPageSchema,
  personsQuerySchema,
  personViewSchema,
} from './registry.schema.ts';
import { explainNik, findPersons, getHousehold, getPerson, registerHousehold } from './registry.service.ts';

const READERS = ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor'] as const;
const WRITERS = ['admin', 'manager', 'facilitator', 'cadre', 'health_worker'] as const;

export const registryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/nik/:nik',
    tag: 'registry',
    summary: 'Decode a NIK: sex, birth date, region codes and names, warnings for codes that no longer exist',
    auth: 'public',
    params: nikParamsSchema,
    query: nikQuerySchema,
    response: nikDecodedSchema,
    handler: (ctx, { params, query }) => explainNik(ctx, params.nik, query.birthDate),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/households',
    tag: 'registry',
    summary: 'Register a household (KK) with its members',
    auth: WRITERS,
    body: householdInputSchema,
    response: householdViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => registerHousehold(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id',
    tag: 'registry',
    summary: 'One household with its members',
    auth: READERS,
    params: idParamsSchema,
    response: householdViewSchema,
    handler: (ctx, { params }) => getHousehold(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons',
    tag: 'registry',
    summary: 'Find persons by NIK, KK number or part of a name (typos tolerated), optionally in one village',
    auth: READERS,
    query: personsQuerySchema,
    response: personPageSchema,
    handler: (ctx, { query }) => findPersons(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id',
    tag: 'registry',
    summary: 'One person with their household',
    auth: READERS,
    params: idParamsSchema,
    response: personViewSchema.extend({ household: householdViewSchema }),
    handler: (ctx, { params }) => getPerson(ctx, params.id),
  }),
];
