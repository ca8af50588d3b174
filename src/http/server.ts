import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { TrustProxy } from '../config.ts';
import type { Actor, Context } from '../context.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { AppError, type FieldError } from '../core/errors.ts';
import { uuidv7 } from '../core/ids.ts';
import { isCleanText, uncleanTextPaths } from '../core/text.ts';
import type { Database } from '../db/database.ts';
import { checkCadreCard, countVerificationLookup, renderTooManyLookupsPage, renderVerificationPage } from '../modules/cadres/index.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '../modules/identity/index.ts';
import { type ReminderSettings, startReminderSchedule } from '../modules/reminders/index.ts';
import { idempotentAnswer, readIdempotencyKey } from './idempotency.ts';
import { createLogger } from './logger.ts';
import { buildOpenApi, renderApiDocs } from './openapi.ts';
import { fieldErrorsFromZod, localeOf, problemFrom, sendProblem, validationError } from './problem.ts';
import type { AnyRoute } from './route.ts';
import { allRoutes } from './routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken?: string;
  }
  interface FastifyContextConfig {
    /** The route's `queryNotLogged`: its log line keeps the path only. */
    queryNotLogged?: boolean;
  }
}

export const BODY_LIMIT_BYTES = 1_048_576;
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ServerOptions = {
  database: Database;
  clock?: Clock;
  logger?: Logger;
  version?: string;
  serveWeb?: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (JARING_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Reminders on a schedule (`jaring serve`); absent: none (tests ask for them). Stopped when the server closes. */
  reminders?: ReminderSettings;
};

/**
 * Fastify's own hop count trusts no one (it cannot check the peer), so hops are counted here:
 * the `hops` nearest addresses are proxies, the one before them is the client.
 */
function fastifyTrustProxy(setting: TrustProxy | undefined) {
  if (!setting) return false;
  if ('hops' in setting) return (_address: string, hop: number) => hop < setting.hops;
  return setting.addresses;
}

/** One log line per request, when it is answered (method, masked path, status, time), instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    const req = request.routeOptions.config?.queryNotLogged
      ? { method: request.method, url: request.url.split('?')[0] ?? '', id: request.id }
      : request;
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

async function resolveActor(request: FastifyRequest, database: Database, clock: Clock): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(database.db, authorization.slice(7).trim(), clock.now());
    if (!actor) throw new AppError('auth.unauthenticated', 'unauthenticated');
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return { kind: 'anonymous' };
  const session = await resolveSession(database.db, cookie, clock.now());
  if (!session) return { kind: 'anonymous' };
  request.csrfToken = session.csrfToken;
  return session.actor;
}

function authorise(route: AnyRoute, actor: Actor, request: FastifyRequest) {
  if (route.auth === 'public') return;
  if (actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
  if (actor.via === 'session' && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken)
    throw new AppError('auth.csrf_missing', 'forbidden');
  if (route.auth !== 'authenticated' && !route.auth.includes(actor.role)) throw new AppError('auth.forbidden', 'forbidden');
}

function parsePart(schema: z.ZodType | undefined, input: unknown, part: string, errors: FieldError[]) {
  if (!schema) return undefined;
  const result = schema.safeParse(input ?? (part === 'body' ? undefined : {}));
  if (!result.success) errors.push(...fieldErrorsFromZod(result.error, input, ''));
  return result.data;
}

/**
 * Params, query and body are checked together so that one answer names every bad field. A text
 * body (a CSV upload) is otherwise left to its reader, which names the line holding a NUL; when the
 * request is refused anyway, an unclean text body is named here too.
 */
function parseRequest(route: AnyRoute, request: FastifyRequest) {
  const errors: FieldError[] = [];
  const params = parsePart(route.params as z.ZodType | undefined, request.params, 'params', errors);
  const query = parsePart(route.query as z.ZodType | undefined, request.query, 'query', errors);
  const body = parsePart(route.body as z.ZodType | undefined, request.body, 'body', errors);
  if (errors.length > 0) {
    if (typeof request.body === 'string' && !isCleanText(request.body)) errors.push({ field: 'body', code: 'invalid_characters' });
    throw validationError(errors);
  }
  return { params, query, body };
}

/**
 * Every text that comes in (path, query, body, whatever the route's schema) is held to
 * `isCleanText` before anything reads it, so that no route can forget it.
 */
function refuseUncleanText(request: FastifyRequest) {
  const fields = [
    ...uncleanTextPaths(request.params),
    ...uncleanTextPaths(request.query),
    // A text body (a CSV upload) is left to its reader, which names the line holding the NUL.
    ...(typeof request.body === 'string' ? [] : uncleanTextPaths(request.body)),
  ];
  if (fields.length > 0) throw validationError(fields.map((field) => ({ field, code: 'invalid_characters' })));
}

/** Where a route marked `reads: 'replica'` reads from, when a replica is configured. */
function readerForRoute(route: AnyRoute, database: Database, actor: Actor) {
  if (!database.replica || route.reads !== 'replica' || route.method !== 'GET') return undefined;
  return database.replica.readerFor(actor.kind === 'user' ? actor.id : undefined);
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { database } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('silent');
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => uuidv7(),
    // Cadre card tokens (Ed25519-signed) travel in the path.
    routerOptions: { maxParamLength: 500 },
    // Router-level failures (e.g. a malformed URL) are problems too, never Fastify's own format.
    frameworkErrors: (_error, request, reply) =>
      sendProblem(reply, problemFrom(new AppError('common.bad_request', 'bad_request'), request)),
    logController: new OneLinePerRequest(),
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });
  await app.register(fastifyCookie);
  // Field workers download their bundle over weak 3G links: JSON and pages go gzipped when the
  // client asks (every browser does). Small answers (a repayment's) are not worth compressing.
  await app.register(fastifyCompress, { encodings: ['gzip', 'deflate'], threshold: 2048 });
  // CSV uploads (household import) arrive as text; their routes set their own body limit.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // Cadre photos arrive as the image itself.
  app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Signed agreements (MoU) arrive as the PDF itself; the partnerships module checks its bytes.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError)
      appError = new AppError('common.malformed_json', 'bad_request');
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      appError = new AppError('common.body_too_large', 'too_large', { params: { limit: BODY_LIMIT_BYTES } });
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      appError = new AppError('common.unsupported_media_type', 'unsupported_media_type');
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      appError = new AppError('common.bad_request', 'bad_request');
    else {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, { ...problemFrom(new AppError('common.internal', 'unavailable'), request), status: 500 });
    }
    return sendProblem(reply, problemFrom(appError, request), appError.headers);
  });

  if (options.reminders) {
    const schedule = startReminderSchedule(database, logger, clock, options.reminders);
    if (schedule) app.addHook('onClose', () => schedule.stop());
  }

  const routes = allRoutes();
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      bodyLimit: route.bodyLimit,
      config: { queryNotLogged: route.queryNotLogged === true },
      handler: async (request, reply) => {
        const actor = await resolveActor(request, database, clock);
        authorise(route, actor, request);
        refuseUncleanText(request);
        const reader = await readerForRoute(route, database, actor);
        if (reader) reply.header('x-jaring-read-from', reader.from);
        const readDb = reader?.db ?? database.db;
        const ctx: Context = {
          database,
          db: readDb,
          readDb,
          actor,
          clock,
          log: request.log as unknown as Logger,
          locale: localeOf(request),
          requestId: request.id,
        };
        const input = {
          ...parseRequest(route, request),
          idempotencyKey: route.idempotency ? readIdempotencyKey(request, route.idempotency === 'required') : undefined,
        };
        const result = route.idempotency
          ? idempotentAnswer(reply, await route.handler(ctx, input, { request, reply }))
          : await route.handler(ctx, input, { request, reply });
        // Read-your-writes: the replica reads of this user wait for what they just wrote.
        if (database.replica && route.method !== 'GET' && actor.kind === 'user') await database.replica.wrote(actor.id);
        reply.header('cache-control', 'no-store');
        return reply.code(route.successStatus ?? 200).send(result);
      },
    });
  }

  const openApi = buildOpenApi(routes, options.version ?? '0.1.0');
  app.get('/api/health', async () => {
    await database.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    return { status: 'ok', database: database.kind };
  });
  app.get('/api/openapi.json', async () => openApi);
  const docsHtml = renderApiDocs(openApi);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsHtml));

  // The page a cadre card's QR code opens: server-rendered, no session, no app to load.
  app.get<{ Params: { token: string } }>('/v/:token', async (request, reply) => {
    const lookup = countVerificationLookup(request.server, request.ip, clock.now().getTime());
    // A person scanning with a phone gets a page they can read, not the API's problem JSON.
    if (!lookup.allowed)
      return reply
        .code(429)
        .type('text/html; charset=utf-8')
        .header('retry-after', String(lookup.retryAfterSeconds))
        .header('cache-control', 'no-store')
        .send(renderTooManyLookupsPage(lookup.retryAfterSeconds));
    const result = await checkCadreCard(database.db, request.params.token.slice(0, 400), clock.now(), 'id');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderVerificationPage(result));
  });

  const serveWeb = options.serveWeb !== false && existsSync(WEB_DIST);
  const indexHtml = serveWeb ? await readFile(`${WEB_DIST}index.html`, 'utf8') : null;
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: false, wildcard: true });
    // The static plugin refuses the bare directory; the app's own entry page answers it.
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml));
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !indexHtml)
      return sendProblem(reply, problemFrom(new AppError('common.route_not_found', 'not_found'), request));
    // Every other GET is a page of the single-page web app.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
  return app;
}
