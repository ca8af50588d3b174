import { describe, expect, it } from 'vitest';
import { buildOpenApi, problemStatuses } from './openapi.ts';
import { allRoutes } from './routes.ts';

type Operation = {
  operationId: string;
  tags: string[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
};

const doc = buildOpenApi(allRoutes(), '0.1.0');
const operation = (path: string, method: string) => (doc.paths[path] as Record<string, Operation>)[method] as Operation;
const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods) as Operation[]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('OpenAPI document', () => {
  it('declares file answers with their media type, as binary, not JSON', () => {
    const receipt = operation('/api/v1/contributions/{id}/receipt.pdf', 'get').responses['200']?.content;
    expect(receipt).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary', contentMediaType: 'application/pdf' } } });
    expect(Object.keys(operation('/api/v1/households/export.csv', 'get').responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(operation('/api/v1/ledger/balance-sheet.xlsx', 'get').responses['200']?.content ?? {})).toEqual([XLSX]);
    expect(Object.keys(operation('/api/v1/cadres/{id}/photo', 'get').responses['200']?.content ?? {})).toEqual(['image/jpeg', 'image/png']);
  });

  it('declares every route whose URL names a file type as answering that type', () => {
    const types: Record<string, string> = { pdf: 'application/pdf', csv: 'text/csv', xlsx: XLSX };
    const fileRoutes = allRoutes().filter((route) => /\.(pdf|csv|xlsx)$/.test(route.url));
    expect(fileRoutes.length).toBeGreaterThan(10);
    for (const route of fileRoutes) expect(route.produces, route.url).toEqual([types[route.url.split('.').pop() as string]]);
  });

  it('declares the upload bodies as what they are: CSV or Excel for the import, JPEG or PNG for the photo', () => {
    const importBody = operation('/api/v1/households/import', 'post').requestBody?.content ?? {};
    expect(Object.keys(importBody)).toEqual(['text/csv', XLSX]);
    expect(importBody['text/csv']?.schema).toEqual({ type: 'string' });
    expect(Object.keys(operation('/api/v1/cadres/{id}/photo', 'put').requestBody?.content ?? {})).toEqual(['image/jpeg', 'image/png']);
  });

  it('lists the problem+json 4xx of each operation', () => {
    const users = operation('/api/v1/users', 'get').responses;
    expect(users['401']).toEqual({ $ref: '#/components/responses/Unauthenticated' });
    expect(users['403']).toEqual({ $ref: '#/components/responses/Forbidden' });
    expect(doc.components.responses.Forbidden?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    const statusesOf = (method: string, url: string) =>
      problemStatuses(allRoutes().find((route) => route.method === method && route.url === url) as never);
    // Public, no input: only a malformed request.
    expect(statusesOf('GET', '/api/v1/setup')).toEqual([400]);
    // Signed-in reads need no role and no CSRF token.
    expect(statusesOf('GET', '/api/v1/auth/me')).toEqual([400, 401]);
    // A body: malformed, too large, wrong type, invalid; the login is also refused and rate-limited.
    expect(statusesOf('POST', '/api/v1/auth/login')).toEqual([400, 401, 413, 415, 422, 429]);
    // Path params (404), roles (403), an Idempotency-Key (409).
    expect(statusesOf('POST', '/api/v1/savings/accounts/:id/deposits')).toEqual([400, 401, 403, 404, 409, 413, 415, 422]);
    for (const op of operations) expect(op.responses.default, op.operationId).toBeDefined();
  });

  it('has no content on a 204 answer', () => {
    expect(operation('/api/v1/cadres/{id}/families/{householdId}', 'delete').responses['204']).toEqual({
      description: 'Done (no content)',
    });
  });

  it('names the licence, describes every tag and keeps operationIds unique', () => {
    expect(doc.info.license).toEqual({ name: 'Apache 2.0', identifier: 'Apache-2.0' });
    const declared = new Map<string, string>(doc.tags.map((tag) => [tag.name, tag.description]));
    for (const op of operations) for (const tag of op.tags) expect(declared.get(tag), tag).toBeTruthy();
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
