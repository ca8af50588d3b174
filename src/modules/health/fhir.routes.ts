import { z } from 'zod';
import { type AnyRoute, defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { personIdParamsSchema } from './fhir.schema.ts';
import { exportPersonFhir } from './fhir.service.ts';
import { CLINICAL_READERS } from './health.roles.ts';

/** FHIR R4 exchange (see docs/health.md). */
export const fhirRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/fhir',
    tag: 'health',
    summary: 'The person’s health record as an HL7 FHIR R4 Bundle (collection) in the shape SATUSEHAT takes; the read is audited',
    auth: CLINICAL_READERS,
    params: personIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.fhir],
    handler: async (ctx, { params }, { reply }) => {
      const bundle = await exportPersonFhir(ctx, params.id);
      reply.type(FILE_MEDIA_TYPES.fhir).header('content-disposition', `attachment; filename="fhir-${params.id}.json"`);
      return JSON.stringify(bundle);
    },
  }),
];
