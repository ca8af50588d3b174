import { z } from 'zod';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { CARD_PRINTERS, MANAGERS, READERS, SETTINGS_KEEPERS } from './cadres.roles.ts';
import {
  assignFamiliesInputSchema,
  assignFamiliesResultSchema,
  cadreIdParamsSchema,
  cadreListSchema,
  cadreSettingsInputSchema,
  cadreSettingsSchema,
  cadreStatusInputSchema,
  cadreViewSchema,
  cardViewSchema,
  familiesQuerySchema,
  familyPageSchema,
  familyParamsSchema,
  publicVerificationSchema,
  registerCadreInputSchema,
  tokenParamsSchema,
  trainingInputSchema,
  trainingListSchema,
  trainingViewSchema,
  updateCadreInputSchema,
} from './cadres.schema.ts';
import {
  cadreAssignmentLetterPdf,
  cadreCardPdf,
  changeCadreStatus,
  checkCadreCard,
  getCadre,
  issueCadreCard,
  listCadres,
  registerCadre,
  updateCadre,
} from './cadres.service.ts';
import {
  assignFamilies,
  cardOrigin,
  getCadreSettings,
  listCadreFamilies,
  listCadreTrainings,
  recordCadreTraining,
  unassignFamily,
  updateCadreSettings,
} from './caseload.service.ts';
import { assertVerificationAllowed } from './verification-limit.ts';

export const cadreRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/cadres',
    tag: 'cadres',
    summary: 'Register a JKN-KIS cadre: a person in the registry, assignment letter, villages',
    auth: MANAGERS,
    body: registerCadreInputSchema,
    response: cadreViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => registerCadre(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres',
    tag: 'cadres',
    summary: 'Cadres in your scope (a cadre sees their own record)',
    auth: READERS,
    response: cadreListSchema,
    handler: (ctx) => listCadres(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/settings',
    tag: 'cadres',
    summary: 'Cadre settings: the caseload cap (families per cadre, default 500) and the origin printed in card QR codes',
    auth: SETTINGS_KEEPERS,
    response: cadreSettingsSchema,
    handler: (ctx) => getCadreSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cadres/settings',
    tag: 'cadres',
    summary: 'Change the caseload cap and the card origin (audited)',
    auth: SETTINGS_KEEPERS,
    body: cadreSettingsInputSchema,
    response: cadreSettingsSchema,
    handler: (ctx, { body }) => updateCadreSettings(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id',
    tag: 'cadres',
    summary: 'One cadre',
    auth: READERS,
    params: cadreIdParamsSchema,
    response: cadreViewSchema,
    handler: (ctx, { params }) => getCadre(ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/cadres/:id',
    tag: 'cadres',
    summary:
      'Change the phone, the assignment letter (renew it) or the villages (409 cadres.village_has_families when a removed village still has the cadre’s families); audited',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    body: updateCadreInputSchema,
    response: cadreViewSchema,
    handler: (ctx, { params, body }) => updateCadre(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cadres/:id/card',
    tag: 'cadres',
    summary: 'Issue an ID card: a signed token for its QR code (earlier cards stop verifying)',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    response: cardViewSchema,
    successStatus: 201,
    handler: (ctx, { params }) => issueCadreCard(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id/card.pdf',
    tag: 'cadres',
    summary:
      'The printable ID card (credit-card size, PDF): the current card, or a first one issued now; its QR code opens /v/{token}. A cadre prints only their own',
    auth: CARD_PRINTERS,
    params: cadreIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params }, { request, reply }) => {
      const pdf = await cadreCardPdf(ctx, params.id, await cardOrigin(ctx, `${request.protocol}://${request.host}`));
      reply.type('application/pdf').header('content-disposition', `inline; filename="kartu-kader-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id/assignment-letter.pdf',
    tag: 'cadres',
    summary:
      'The cadre’s assignment letter (surat tugas, A4 PDF): letterhead, number, NIK, villages, period, signed by the office head by full name (409 when revoked)',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    problems: [409],
    handler: async (ctx, { params }, { reply }) => {
      const pdf = await cadreAssignmentLetterPdf(ctx, params.id);
      reply.type('application/pdf').header('content-disposition', `inline; filename="surat-tugas-kader-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/cadres/:id/status',
    tag: 'cadres',
    summary: 'Suspend, revoke or reactivate a cadre, with the reason (audited)',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    body: cadreStatusInputSchema,
    response: cadreViewSchema,
    handler: (ctx, { params, body }) => changeCadreStatus(ctx, params.id, body.status, body.reason),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cadres/:id/trainings',
    tag: 'cadres',
    summary: 'Record a training the cadre attended: title, organiser, date, hours, certificate number (audited)',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    body: trainingInputSchema,
    response: trainingViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => recordCadreTraining(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id/trainings',
    tag: 'cadres',
    summary: 'The cadre’s trainings, latest first, with the total hours',
    auth: READERS,
    params: cadreIdParamsSchema,
    response: trainingListSchema,
    handler: (ctx, { params }) => listCadreTrainings(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/cadres/:id/families',
    tag: 'cadres',
    summary:
      'Assign families (households) to the cadre: in your scope and the cadre’s villages, no other cadre, within the caseload cap (409 cadre.caseload_full)',
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    body: assignFamiliesInputSchema,
    response: assignFamiliesResultSchema,
    handler: (ctx, { params, body }) => assignFamilies(ctx, params.id, body.householdIds),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id/families',
    tag: 'cadres',
    summary: 'The cadre’s families, a page at a time, with the caseload and its cap',
    auth: READERS,
    params: cadreIdParamsSchema,
    query: familiesQuerySchema,
    response: familyPageSchema,
    handler: (ctx, { params, query }) => listCadreFamilies(ctx, params.id, query),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/cadres/:id/families/:householdId',
    tag: 'cadres',
    summary: 'Take a family off the cadre’s caseload',
    auth: MANAGERS,
    params: familyParamsSchema,
    response: z.null(),
    successStatus: 204,
    handler: async (ctx, { params }) => {
      await unassignFamily(ctx, params.id, params.householdId);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/cadres/verify/:token',
    tag: 'cadres',
    summary: 'Public verification of a cadre card token (no session; rate-limited)',
    auth: 'public',
    params: tokenParamsSchema,
    response: publicVerificationSchema,
    problems: [429],
    handler: async (ctx, { params }, { request }) => {
      assertVerificationAllowed(request.server, request.ip, ctx.clock.now().getTime());
      return checkCadreCard(ctx.db, params.token, ctx.clock.now(), ctx.locale);
    },
  }),
];
