import { z } from 'zod';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency.ts';
import type { AnyRoute } from './route.ts';

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

/** OpenAPI 3.1 of every /api/v1 route, generated from the routes' zod schemas. */
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
      operationId: `${route.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      security: route.auth === 'public' ? [] : [{ session: [], csrf: [] }, { bearer: [] }],
      parameters: [
        ...parametersOf(route.params as z.ZodType | undefined, 'path'),
        ...parametersOf(route.query as z.ZodType | undefined, 'query'),
        ...(route.idempotency ? [idempotencyParameter(route.idempotency === 'required')] : []),
      ],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.body as z.ZodType, 'input') } } } }
        : {}),
      responses: {
        [status]: { description: 'Success', content: { 'application/json': { schema: toJsonSchema(route.response, 'output') } } },
        default: {
          description: 'Problem (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jaring API',
      version,
      description:
        'Jaring: social-safety-net programmes. Errors are application/problem+json with a stable `code`. ' +
        'Cookie sessions need the X-CSRF-Token header on changes; integrations use Authorization: Bearer <token>.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'jaring_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        bearer: { type: 'http', scheme: 'bearer' },
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
