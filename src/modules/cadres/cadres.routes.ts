import { z } from 'zod';
import { businessDate } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';
import { defineRoute } from '../../http/route.ts';
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
  CARD_PRINTERS,
  cadreCardPdf,
  changeCadreStatus,
  getCadre,
  issueCadreCard,
  listCadres,
  MANAGERS,
  READERS,
  registerCadre,
  updateCadre,
  verifyCadreCard,
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

/** Public lookups are rate-limited per client so that nobody can enumerate cards; one limiter per server. */
const limiters = new WeakMap<object, ReturnType<typeof createRateLimiter>>();

/** Counts one lookup by the client (the JSON API and the /v/ page share the allowance). */
export function countVerificationLookup(server: object, ip: string, now: number) {
  let limiter = limiters.get(server);
  if (!limiter) {
    limiter = createRateLimiter({ limit: 30, windowMs: 60_000 });
    limiters.set(server, limiter);
  }
  return limiter.hit(ip, now);
}

export function assertVerificationAllowed(server: object, ip: string, now: number) {
  const hit = countVerificationLookup(server, ip, now);
  if (!hit.allowed) throw new AppError('common.rate_limited', 429, { headers: { 'retry-after': String(hit.retryAfterSeconds) } });
}

export const cadreRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/cadres',
    tag: 'cadres',
    summary: 'Register a JKN-KIS cadre: a person in the registry, assignment letter, villages',
    auth: ['admin', 'manager'],
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
    auth: ['admin', 'manager', 'supervisor', 'auditor', 'cadre'],
    response: cadreListSchema,
    handler: (ctx) => listCadres(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/settings',
    tag: 'cadres',
    summary: 'Cadre settings: the caseload cap (families per cadre, default 500) and the origin printed in card QR codes',
    auth: ['admin'],
    response: cadreSettingsSchema,
    handler: (ctx) => getCadreSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cadres/settings',
    tag: 'cadres',
    summary: 'Change the caseload cap and the card origin (audited)',
    auth: ['admin'],
    body: cadreSettingsInputSchema,
    response: cadreSettingsSchema,
    handler: (ctx, { body }) => updateCadreSettings(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id',
    tag: 'cadres',
    summary: 'One cadre',
    auth: ['admin', 'manager', 'supervisor', 'auditor', 'cadre'],
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
    auth: ['admin', 'manager'],
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
    handler: async (ctx, { params }, { request, reply }) => {
      const pdf = await cadreCardPdf(ctx, params.id, await cardOrigin(ctx, `${request.protocol}://${request.host}`));
      reply.type('application/pdf').header('content-disposition', `inline; filename="kartu-kader-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/cadres/:id/status',
    tag: 'cadres',
    summary: 'Suspend, revoke or reactivate a cadre, with the reason (audited)',
    auth: ['admin', 'manager'],
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
    handler: async (ctx, { params }, { request }) => {
      assertVerificationAllowed(request.server, request.ip, ctx.clock.now().getTime());
      return verifyCadreCard(ctx.db, params.token, businessDate(ctx.clock), ctx.locale);
    },
  }),
];
