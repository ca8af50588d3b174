import { defineRoute } from '../../http/route.ts';
import { idParamsSchema } from './encounters.schema.ts';
import { ILLNESS_RECORDERS, STATUS_READERS } from './health.roles.ts';
import { illnessInputSchema, illnessListSchema, illnessStatusSchema, illnessViewSchema } from './illness.schema.ts';
import { correctIllness, getIllnessStatus, listIllnesses, recordIllnessOnce } from './illness.service.ts';

/** Illness episodes (unable to trade): not clinical, no diagnosis in them. */
export const illnessRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/illnesses',
    tag: 'health',
    summary: 'Record that a member cannot work: from, to (null while still ill), days unable (computed when left out); 409 on overlap',
    auth: ILLNESS_RECORDERS,
    params: idParamsSchema,
    body: illnessInputSchema,
    response: illnessViewSchema,
    successStatus: 201,
    problems: [409],
    idempotency: 'optional',
    handler: (ctx, { params, body, idempotencyKey }) => recordIllnessOnce(ctx, params.id, body, idempotencyKey),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/illnesses/:id',
    tag: 'health',
    summary: 'Close an illness episode (its end) or correct it; 409 on overlap',
    auth: ILLNESS_RECORDERS,
    params: idParamsSchema,
    body: illnessInputSchema,
    response: illnessViewSchema,
    problems: [409],
    handler: (ctx, { params, body }) => correctIllness(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/illnesses',
    tag: 'health',
    summary: 'A person’s illness episodes, newest first, with the status shown beside their financing',
    auth: ILLNESS_RECORDERS,
    params: idParamsSchema,
    response: illnessListSchema,
    handler: (ctx, { params }) => listIllnesses(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/illness-status',
    tag: 'health',
    summary: 'Whether a person cannot work now, since and until when (ill, recovering within 30 days, or null): never why',
    auth: STATUS_READERS,
    params: idParamsSchema,
    response: illnessStatusSchema,
    handler: (ctx, { params }) => getIllnessStatus(ctx, params.id),
  }),
];
