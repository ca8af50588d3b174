import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Context } from '../context.ts';
import type { Idempotent } from '../core/idempotency.ts';
import type { Role } from '../core/roles.ts';

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type RouteAuth = 'public' | 'authenticated' | readonly Role[];

/** The API's sections; each is described in the OpenAPI document (src/http/openapi.ts). */
export type ApiTag =
  | 'setup'
  | 'auth'
  | 'users'
  | 'offices'
  | 'organisation'
  | 'regions'
  | 'audit'
  | 'registry'
  | 'groups'
  | 'jkn'
  | 'financing'
  | 'cadres'
  | 'ledger'
  | 'sync'
  | 'savings'
  | 'health'
  | 'aid'
  | 'partnerships'
  | 'usep'
  | 'home'
  | 'dashboards'
  | 'search'
  | 'timeline'
  | 'reminders';

/** Media types of files that routes send or take instead of JSON. */
export const FILE_MEDIA_TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
  fhir: 'application/fhir+json',
} as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[keyof typeof FILE_MEDIA_TYPES];

/** The 4xx statuses the API answers, each a problem+json. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

type AnySchema = z.ZodType;
type Infer<S> = S extends AnySchema ? z.output<S> : undefined;

export type RouteInput<B, Q, P> = {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  /** The request's Idempotency-Key, checked by the route loop, on routes that declare `idempotency`. */
  idempotencyKey: string | undefined;
};
export type HttpParts = { request: FastifyRequest; reply: FastifyReply };

type Handler<B, Q, P, T> = (ctx: Context, input: RouteInput<B, Q, P>, http: HttpParts) => Promise<T>;

export type RouteDefinition<B = unknown, Q = unknown, P = unknown, R extends AnySchema = AnySchema> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path syntax: /api/v1/regions/:code */
  url: string;
  summary: string;
  tag: ApiTag;
  auth: RouteAuth;
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  successStatus?: 200 | 201 | 204;
  /** Bytes; for uploads larger than the default 1 MiB. */
  bodyLimit?: number;
  /**
   * The success answer is a file of these media types, not JSON (the handler sets which):
   * the OpenAPI document declares binary content instead of `response`.
   */
  produces?: readonly FileMediaType[];
  /** The body is a file of these media types, not JSON: the OpenAPI document declares them instead of `body`. */
  consumes?: readonly FileMediaType[];
  /** 4xx the route's use case answers that its definition does not imply (src/http/openapi.ts `problemStatuses`), e.g. 409, 429. */
  problems?: readonly ProblemStatus[];
  /**
   * The query holds what the log may not (a diagnosis searched for by name or code): the
   * request's log line keeps the path only.
   */
  queryNotLogged?: true;
  /**
   * A read-only GET (report, dashboard, export, sync bundle) that may read from the streaming
   * replica (DATABASE_REPLICA_URL): ctx.db and ctx.readDb are then the replica once it has
   * replayed the user's last write (src/db/replica.ts). Transactions stay on the primary.
   */
  reads?: 'replica';
} & (
  | { idempotency?: undefined; handler: Handler<B, Q, P, z.input<R>> }
  | {
      /**
       * The one idempotent-command path: the route loop reads and checks the Idempotency-Key
       * (`required`: 422 without one), the OpenAPI document lists the header, and the handler
       * answers `Idempotent<…>`, a replay going out with `Idempotent-Replayed: true`.
       */
      idempotency: 'required' | 'optional';
      handler: Handler<B, Q, P, Idempotent<z.input<R>>>;
    }
);

export type AnyRoute = RouteDefinition<AnySchema | undefined, AnySchema | undefined, AnySchema | undefined, AnySchema>;

/** Identity function that gives a route definition its types. */
export function defineRoute<
  B extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  P extends AnySchema | undefined = undefined,
  R extends AnySchema = AnySchema,
>(route: RouteDefinition<B, Q, P, R>): AnyRoute {
  return route as unknown as AnyRoute;
}
