import { z } from 'zod';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency.ts';
import type { AnyRoute, ApiTag, FileMediaType, ProblemStatus } from './route.ts';

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable error code, e.g. auth.invalid_credentials' },
    detail: { type: 'string', description: 'Human message in the request’s language (Accept-Language: id | en)' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

const idempotencyParameter = (required: boolean) => ({
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required,
  description:
    'A new key (e.g. a UUID) per submission, the same key on its retries: the work is done once and a repeat gets the first answer ' +
    'with `Idempotent-Replayed: true`; the same key with another body is a 409.',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
});

const TAG_DESCRIPTIONS: Record<ApiTag, string> = {
  setup: 'First run: the organisation and its first administrator.',
  auth: 'Sign-in and sign-out, the signed-in user.',
  users: 'User accounts, their roles and passwords.',
  organisation: 'The organisation and its settings.',
  offices: 'Offices (branches) and the villages each serves.',
  regions: 'Indonesian administrative regions, province to village (Kemendagri codes).',
  audit: 'The audit trail: who changed what, when.',
  registry: 'Persons and households (DTKS layout): registration, NIK decoding, CSV/Excel import and export, duplicates.',
  groups: 'Groups (kelompok): members, officers, meetings and their minutes, assets.',
  jkn: 'JKN health insurance: contribution quotes and dues, collection by cadres, receipts, deposits and visits.',
  financing: 'Financing, conventional and sharia: products, applications, approval, disbursement, repayments, close of day, documents.',
  cadres: 'Cadres (kader): profiles, ID cards and their public verification, photos, trainings, assigned families.',
  ledger: 'General ledger: chart of accounts, journal entries, funds, cash drawers, trial balance and financial statements.',
  sync: 'The offline field app: the bundle it downloads and the commands it pushes.',
  savings: 'Savings (simpanan): accounts, deposits, withdrawals, reversals, passbooks.',
  health:
    'The family-doctor programme: health profiles, encounters, referrals, illness, counselling, screening and recall, the family health index (IKS), members at risk, FHIR exchange.',
  aid: 'Social assistance (bantuan sosial): programmes with eligibility rules and dated benefit tables, eligibility explained rule by rule, entitlement quotes.',
  partnerships:
    'Partnerships for health promotion (kemitraan): partners, the six steps, roles matrix, communication log, activities, agreements (MoU) with their PDF, evaluations of the principles, and M&E with outcomes computed from the health records.',
  usep: 'USEP KM (seed 002): the chain stimulus (stimulan berantai) and its multiplier, the 6-monthly group report and its chain of signatures, businesses over time and coaching.',
  home: "Hari ini: each role's figures for today (cash drawer, instalments due, applications waiting, PAR, recalls, …), each linked to the list behind it.",
  dashboards:
    'Dashboards by office, region and period (portfolio, social assistance, JKN, health, partnerships), read from monthly aggregates filled at close of day; PDF and Excel.',
  search:
    'The header search box: a person by NIK, KK or name, a financing by number, a group, a cadre, within the caller’s role and regions.',
  timeline:
    'One view of a person and a family: the person’s events and what they owe, a family’s members with their flags, each part only for the roles that read it.',
  reminders:
    'Reminders outbox: what was sent, failed and waits (instalments, JKN contributions, screening recalls, agreements, group reports, books roots), and how a person or user is reached or opts out.',
};

/** Each 4xx the API answers, as a reusable response (components.responses). */
const PROBLEM_RESPONSES: Record<ProblemStatus, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is not well-formed (e.g. a malformed URL or JSON body).' },
  401: { name: 'Unauthenticated', description: 'No valid session or API token.' },
  403: {
    name: 'Forbidden',
    description: 'The user’s role may not do this, the record is outside their scope, or the X-CSRF-Token header is missing.',
  },
  404: { name: 'NotFound', description: 'No such record (or one outside the caller’s scope: both answer alike).' },
  409: { name: 'Conflict', description: 'The change conflicts with the current state, or the Idempotency-Key was used with another body.' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the route accepts.' },
  415: { name: 'UnsupportedMediaType', description: 'The body’s Content-Type is not one the route accepts.' },
  422: { name: 'ValidationFailed', description: 'The input is invalid; `errors` names each field and why.' },
  429: { name: 'TooManyRequests', description: 'Too many attempts; try again after the Retry-After seconds.' },
};

const SAFE_METHODS = new Set(['GET']);

/** The 4xx a route can answer: those its definition implies plus the ones it declares. */
export function problemStatuses(route: AnyRoute): ProblemStatus[] {
  // A malformed URL (any route) or JSON body is a 400 before the route's own checks.
  const statuses = new Set<ProblemStatus>([400, ...(route.problems ?? [])]);
  if (route.body !== undefined) for (const status of [413, 415] as const) statuses.add(status);
  if (route.auth !== 'public') {
    statuses.add(401);
    // Roles are checked per route; a signed-in session changes nothing without its CSRF token.
    if (route.auth !== 'authenticated' || !SAFE_METHODS.has(route.method)) statuses.add(403);
  }
  if (route.params) statuses.add(404);
  if (route.idempotency) statuses.add(409);
  if (route.body !== undefined || route.query || route.params || route.idempotency) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const problemResponseComponents = () =>
  Object.fromEntries(
    Object.entries(PROBLEM_RESPONSES).map(([status, { name, description }]) => [
      name,
      {
        description,
        ...(status === '429'
          ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } } }
          : {}),
        content: problemContent,
      },
    ]),
  );

/** A file's bytes: text formats as a string, the others as binary. */
const fileContent = (mediaTypes: readonly FileMediaType[]) =>
  Object.fromEntries(
    mediaTypes.map((mediaType) => [
      mediaType,
      { schema: mediaType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary', contentMediaType: mediaType } },
    ]),
  );

function requestBodyOf(route: AnyRoute) {
  if (route.body === undefined) return {};
  const content = route.consumes
    ? fileContent(route.consumes)
    : { 'application/json': { schema: toJsonSchema(route.body as z.ZodType, 'input') } };
  return { requestBody: { required: true, content } };
}

function successResponseOf(route: AnyRoute) {
  if (route.successStatus === 204) return { description: 'Done (no content)' };
  const content = route.produces ? fileContent(route.produces) : { 'application/json': { schema: toJsonSchema(route.response, 'output') } };
  return { description: 'Success', content };
}

const operationIdOf = (method: string, path: string) =>
  `${method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;

/** OpenAPI 3.1 of every /api/v1 route, generated from the route definitions and their zod schemas. */
export function buildOpenApi(routes: AnyRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const status = String(route.successStatus ?? 200);
    const auth = route.auth === 'public' ? 'public' : route.auth === 'authenticated' ? 'any signed-in user' : route.auth.join(', ');
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: route.summary,
      description: `Who may call: ${auth}.`,
      tags: [route.tag],
      operationId: operationIdOf(route.method, path),
      security: route.auth === 'public' ? [] : [{ session: [], csrf: [] }, { bearer: [] }],
      parameters: [
        ...parametersOf(route.params as z.ZodType | undefined, 'path'),
        ...parametersOf(route.query as z.ZodType | undefined, 'query'),
        ...(route.idempotency ? [idempotencyParameter(route.idempotency === 'required')] : []),
      ],
      ...requestBodyOf(route),
      responses: {
        [status]: successResponseOf(route),
        ...Object.fromEntries(
          problemStatuses(route).map((problem) => [String(problem), { $ref: `#/components/responses/${PROBLEM_RESPONSES[problem].name}` }]),
        ),
        default: { description: 'Problem (RFC 9457)', content: problemContent },
      },
    };
  }
  const usedTags = new Set(routes.map((route) => route.tag));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jaring API',
      version,
      description:
        'Jaring: social-safety-net programmes. Errors are application/problem+json with a stable `code`. ' +
        'Cookie sessions need the X-CSRF-Token header on changes; integrations use Authorization: Bearer <token>.',
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'The Jaring server that serves this document' }],
    tags: (Object.keys(TAG_DESCRIPTIONS) as ApiTag[])
      .filter((tag) => usedTags.has(tag))
      .map((tag) => ({ name: tag, description: TAG_DESCRIPTIONS[tag] })),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      responses: problemResponseComponents(),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'jaring_session',
          description: 'The session cookie POST /api/v1/auth/login sets; changes also need the csrf header.',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'The csrfToken of the session (from login or GET /api/v1/auth/me), sent with every change.',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`jaring token create <user>`), for integrations.' },
      },
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A readable reference page, rendered on the server (no CDN: offices are often offline). */
export function renderApiDocs(doc: ReturnType<typeof buildOpenApi>): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const operation = op as {
          summary: string;
          description: string;
          tags: string[];
          parameters: unknown[];
          requestBody?: unknown;
          responses: Record<string, unknown>;
        };
        const body = operation.requestBody
          ? `<details><summary>Request body</summary><pre>${escapeHtml(JSON.stringify(operation.requestBody, null, 2))}</pre></details>`
          : '';
        const params = operation.parameters.length
          ? `<details><summary>Parameters</summary><pre>${escapeHtml(JSON.stringify(operation.parameters, null, 2))}</pre></details>`
          : '';
        return `<section id="${escapeHtml(method + path)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}. <em>${escapeHtml(operation.description)}</em></p>${params}${body}
<details><summary>Responses</summary><pre>${escapeHtml(JSON.stringify(operation.responses, null, 2))}</pre></details></section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jaring API reference</title><style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.4}
section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem}
.m{display:inline-block;min-width:4rem;font-size:.8rem;padding:.1rem .3rem;border-radius:3px;color:#fff;background:#555}
.get{background:#2b7}.post{background:#27c}.patch{background:#c80}.put{background:#c80}.delete{background:#c33}
</style></head><body><h1>Jaring API reference</h1><p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}).</p>${sections}</body></html>`;
}
