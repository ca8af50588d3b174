import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';
import {
  recallListSchema,
  recallsQuerySchema,
  screeningInputSchema,
  screeningListSchema,
  screeningViewSchema,
} from './screening.schema.ts';
import { listRecalls, listScreenings, recordScreeningOnce } from './screening.service.ts';

const personParams = z.strictObject({ id: z.uuid() });

export const screeningRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/screenings',
    tag: 'health',
    summary: 'Record an IVA or pap smear screening of a woman; answers the next screening date by the rule in force that day',
    auth: CLINICIANS,
    params: personParams,
    body: screeningInputSchema,
    response: screeningViewSchema,
    successStatus: 201,
    idempotency: 'optional',
    handler: (ctx, { params, body, idempotencyKey }) => recordScreeningOnce(ctx, params.id, body, idempotencyKey),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/screenings',
    tag: 'health',
    summary: 'A woman’s screenings, newest first, with her next screening date (clinical; every read audited)',
    auth: CLINICAL_READERS,
    params: personParams,
    response: screeningListSchema,
    handler: (ctx, { params }) => listScreenings(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/recalls',
    tag: 'health',
    summary:
      'Screening recalls due (within 30 days) or overdue in your regions, by village and health worker; the due list ends with women in the target ages never screened',
    auth: CLINICAL_READERS,
    query: recallsQuerySchema,
    response: recallListSchema,
    handler: (ctx, { query }) => listRecalls(ctx, query),
  }),
];
