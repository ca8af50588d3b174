import { z } from 'zod';
import { type AnyRoute, defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { AID_READERS } from './aid.roles.ts';
import { programmeParamsSchema } from './programme.schema.ts';
import {
  eligibleNotEnrolledSchema,
  enrolledNotEligibleSchema,
  progressQuerySchema,
  progressSchema,
  unitAidSchema,
  unitListQuerySchema,
} from './rollout.schema.ts';
import { eligibleNotEnrolled, enrolledNotEligible, householdAid, personAid, progressFile, rolloutProgress } from './rollout.service.ts';

const idParamsSchema = z.strictObject({ id: z.uuid() });

const progressFileRoutes = (['pdf', 'xlsx'] as const).map(
  (format): AnyRoute =>
    defineRoute({
      method: 'GET',
      url: `/api/v1/programmes/:id/progress.${format}`,
      tag: 'aid',
      summary: `Rollout progress as ${format === 'pdf' ? 'a printable PDF with a bar chart' : 'an Excel workbook'} (Bahasa Indonesia; same query)`,
      auth: AID_READERS,
      params: programmeParamsSchema,
      query: progressQuerySchema,
      response: z.string(),
      produces: [FILE_MEDIA_TYPES[format]],
      handler: async (ctx, { params, query }, { reply }) => {
        const file = await progressFile(ctx, params.id, query, format);
        reply
          .type(FILE_MEDIA_TYPES[format])
          .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
        return file.body as unknown as string;
      },
    }),
);

export const rolloutRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes/:id/eligible-not-enrolled',
    tag: 'aid',
    summary:
      'Households (or persons) in your regions eligible for the programme today and not enrolled, a page at a time (a page reads at most 5,000 units and may come back short with a cursor)',
    auth: AID_READERS,
    params: programmeParamsSchema,
    query: unitListQuerySchema,
    response: eligibleNotEnrolledSchema,
    handler: (ctx, { params, query }) => eligibleNotEnrolled(ctx, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes/:id/enrolled-not-eligible',
    tag: 'aid',
    summary: 'Enrolments (not ended) in your regions whose unit no longer passes the programme’s rules, with the rules it fails',
    auth: AID_READERS,
    params: programmeParamsSchema,
    query: unitListQuerySchema,
    response: enrolledNotEligibleSchema,
    handler: (ctx, { params, query }) => enrolledNotEligible(ctx, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes/:id/progress',
    tag: 'aid',
    summary:
      'Rollout progress by province, regency or district (within parent): eligible, enrolled, entitled, paid, failed, percent paid of a cycle (default the newest); priority regions first',
    auth: AID_READERS,
    params: programmeParamsSchema,
    query: progressQuerySchema,
    response: progressSchema,
    handler: (ctx, { params, query }) => rolloutProgress(ctx, params.id, query),
  }),
  ...progressFileRoutes,
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/aid',
    tag: 'aid',
    summary: 'A person’s social assistance: the programmes they and their family are in, and the payment history',
    auth: AID_READERS,
    params: idParamsSchema,
    response: unitAidSchema,
    handler: (ctx, { params }) => personAid(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id/aid',
    tag: 'aid',
    summary: 'A family’s social assistance: the programmes the family and its members are in, and the payment history',
    auth: AID_READERS,
    params: idParamsSchema,
    response: unitAidSchema,
    handler: (ctx, { params }) => householdAid(ctx, params.id),
  }),
];
