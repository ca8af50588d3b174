import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';
import { defineRoute } from '../../http/route.ts';
import {
  cadreIdParamsSchema,
  cadreStatusInputSchema,
  cadreViewSchema,
  cardViewSchema,
  publicVerificationSchema,
  registerCadreInputSchema,
  tokenParamsSchema,
} from './cadres.schema.ts';
import { cadreCardPdf, changeCadreStatus, getCadre, issueCadreCard, listCadres, registerCadre, verifyCadreCard } from './cadres.service.ts';

/** Public lookups are rate-limited per client so that nobody can enumerate cards; one limiter per server. */
const limiters = new WeakMap<object, ReturnType<typeof createRateLimiter>>();

export function assertVerificationAllowed(server: object, ip: string, now: number) {
  let limiter = limiters.get(server);
  if (!limiter) {
    limiter = createRateLimiter({ limit: 30, windowMs: 60_000 });
    limiters.set(server, limiter);
  }
  const hit = limiter.hit(ip, now);
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
    response: z.object({
      items: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), letterNumber: z.string(), validUntil: z.string() })),
    }),
    handler: (ctx) => listCadres(ctx),
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
    summary: 'The printable ID card (credit-card size, PDF): the current card, or a first one issued now; its QR code opens /v/{token}',
    auth: ['admin', 'manager'],
    params: cadreIdParamsSchema,
    response: z.string(),
    handler: async (ctx, { params }, { request, reply }) => {
      const pdf = await cadreCardPdf(ctx, params.id, `${request.protocol}://${request.host}`);
      reply.type('application/pdf').header('content-disposition', `inline; filename="kartu-kader-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/cadres/:id/status',
    tag: 'cadres',
    summary: 'Suspend, revoke or reactivate a cadre',
    auth: ['admin', 'manager'],
    params: cadreIdParamsSchema,
    body: cadreStatusInputSchema,
    response: cadreViewSchema,
    handler: (ctx, { params, body }) => changeCadreStatus(ctx, params.id, body.status),
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
      return verifyCadreCard(ctx.db, params.token, ctx.clock.now().toISOString().slice(0, 10), ctx.locale);
    },
  }),
];
