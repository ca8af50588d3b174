import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/roles.ts';
import { isCleanText } from '../core/text.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

/**
 * Walks every /api/v1 operation of the OpenAPI document and sends malformed values
 * (fast-check) in each path and query parameter, each body field, the body itself and the
 * Idempotency-Key header, as an admin and as scoped roles. Whatever comes in: no 5xx, every
 * 4xx is problem+json, and text that cannot be stored (NUL, a lone surrogate) is a 422 naming
 * its field. It grows by itself with every route a later issue adds.
 */

type Operation = {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  bodySchema: JsonSchema | null;
  bodyTypes: string[];
};

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

type Where = 'path' | 'query' | 'body' | 'rawBody' | 'header';
type Mutation = { where: Where; field: string; value: unknown; base?: unknown };

const ROLES_TRIED: Role[] = ['admin', 'cashier', 'cadre'];
const RUNS_PER_OPERATION = Number(process.env.JARING_WALK_RUNS ?? 16);
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
/** Sent raw in a URL: a NUL and a lone surrogate (CESU-8 bytes), which cannot be percent-encoded from JS strings. */
const RAW_URL_UNCLEAN = ['%00', 'a%00b', '%ED%A0%80', '%C0%80', '%FF'];
const forgedCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const unclean = fc.constantFrom('a\u0000b', '\u0000', '\ud800', 'x\udfff', 'Budi\ud83d');
const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  unclean,
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '-0',
    '1e308',
    '1.5',
    'NaN',
    'Infinity',
    '99999999999999999999999999999',
    '2026-02-30',
    '9999-12-31',
    '1900-01-01',
    '0000-00-00',
    '2026-13-01',
    '31/02/2026',
    'null',
    '../../etc/passwd',
    "'; DROP TABLE person; --",
    '<script>alert(1)</script>',
    'x'.repeat(10_000),
    forgedCursor([-1]),
    forgedCursor([1e308]),
    forgedCursor(['x', 'y']),
    UNKNOWN_ID,
  ),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.integer(),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 63, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.constantFrom(null, true, false, [], {}, [null], { $ne: 1 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), unclean), { maxLength: 3 }),
);

const HEADER_VALUES = ['x'.repeat(256), 'x'.repeat(201), '', '   ', 'kunci\u00e9', 'a\tb'];

function operationsOf(document: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (path === '/api/v1/auth/logout') continue;
      const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
      const content = (operation.requestBody?.content ?? {}) as Record<string, { schema?: { properties?: Record<string, unknown> } }>;
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(content['application/json']?.schema?.properties ?? {}),
        bodySchema: (content['application/json']?.schema as JsonSchema | undefined) ?? null,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return out;
}

/** A value in a URL; a lone surrogate, which encodeURIComponent refuses, goes as its CESU-8 bytes. */
/**
 * A plausible value for a schema: what a client that read the OpenAPI document would send, with
 * the demo's real ids and codes by field name, so that a request with one field made bad gets
 * past the others into the use case.
 */
function plausible(schema: JsonSchema, name: string, known: Map<string, string[]>): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => plausible(variant, name, known)));
  const realValues = known.get(name);
  switch (schema.type) {
    case 'string': {
      if (realValues?.length) return fc.constantFrom(...realValues);
      if (schema.format === 'date') return fc.constantFrom('2026-12-04', '2026-11-30', '2026-01-01', '1980-05-17');
      if (schema.format === 'uuid') return fc.constant(UNKNOWN_ID);
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= (schema.maxLength ?? 200));
      const min = schema.minLength ?? 0;
      return fc
        .constantFrom('Contoh data uji', 'Jl. Kaliurang Km 5', 'x')
        .map((text) => text.padEnd(min, 'x').slice(0, schema.maxLength ?? 200));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? 1_000_000, min + 1_000_000);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items ?? {}, name, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 2),
      });
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(entries.map(([key, inner]) => [key, plausible(inner, key, known)])), {
        requiredKeys: entries.map(([key]) => key).filter((key) => required.has(key)),
      });
    }
    default:
      return fc.constant(null);
  }
}

const urlText = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

describe.each(testDatabaseKinds())('malformed input on every route [%s]', (kind) => {
  let server: TestServer;
  let operations: Operation[] = [];
  const sessions = new Map<Role, { cookie: string; csrf: string }>();
  /** Real ids of the demo by the collection a path names, so that requests reach past "not found". */
  const realIds = new Map<string, string>();
  /** Real ids and codes of the demo by body field name. */
  const known = new Map<string, string[]>();

  beforeAll(async () => {
    server = await startTestServer(kind, { demo: true, serveWeb: false });
    for (const role of ROLES_TRIED) {
      const user = DEMO_USERS.find((u) => u.role === role);
      if (!user) throw new Error(`demo has no ${role}`);
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: DEMO_PASSWORD }),
      });
      const body = (await response.json()) as { csrfToken: string };
      sessions.set(role, { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken });
    }
    const firstId = async (table: string) =>
      (await sql<{ id: string }>`SELECT id::text AS id FROM ${sql.table(table)} ORDER BY id LIMIT 1`.execute(server.database.db)).rows[0]
        ?.id;
    const tables: Record<string, string> = {
      cadres: 'cadre',
      'cash-drawers': 'cash_drawer',
      contributions: 'jkn_contribution_payment',
      products: 'financing_product',
      financings: 'financing',
      funds: 'fund',
      groups: 'business_group',
      households: 'household',
      entries: 'journal_entry',
      offices: 'office',
      persons: 'person',
      programmes: 'aid_programme',
      accounts: 'savings_account',
      users: 'app_user',
    };
    for (const [collection, table] of Object.entries(tables)) {
      const id = await firstId(table);
      if (id) realIds.set(collection, id);
    }
    const column = async (query: string) =>
      (await sql<{ v: string }>`${sql.raw(query)}`.execute(server.database.db)).rows.map((row) => row.v).filter(Boolean);
    const byField: Record<string, string> = {
      personId: 'SELECT id::text AS v FROM person ORDER BY id LIMIT 3',
      householdId: 'SELECT id::text AS v FROM household ORDER BY id LIMIT 3',
      cadreId: 'SELECT id::text AS v FROM cadre ORDER BY id LIMIT 2',
      groupId: 'SELECT id::text AS v FROM business_group ORDER BY id LIMIT 2',
      financingId: 'SELECT id::text AS v FROM financing ORDER BY id LIMIT 2',
      productId: 'SELECT id::text AS v FROM financing_product ORDER BY id LIMIT 2',
      fundId: 'SELECT id::text AS v FROM fund ORDER BY id LIMIT 2',
      officeId: 'SELECT id::text AS v FROM office ORDER BY id LIMIT 2',
      businessId: 'SELECT id::text AS v FROM business ORDER BY id LIMIT 2',
      entryId: 'SELECT id::text AS v FROM journal_entry ORDER BY id LIMIT 2',
      officeCode: 'SELECT code AS v FROM office ORDER BY code',
      fundCode: 'SELECT code AS v FROM fund ORDER BY code',
      productCode: 'SELECT code AS v FROM financing_product ORDER BY code',
      accountCode: "SELECT code AS v FROM ledger_account WHERE code IN ('1.1.01', '1.1.02', '4.2.03', '5.2.01')",
    };
    for (const [field, query] of Object.entries(byField)) known.set(field, await column(query));
    known.set('villageCode', ['32.04.11.2001', '34.71.05.1001']);
    known.set('regionCode', ['32.04.11.2001', '34.71']);
    known.set('username', ['admin', 'kasir', 'tidak-ada']);
    known.set('password', ['salah-sekali']);
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = operationsOf(document as { paths: Record<string, Record<string, any>> });
  });
  afterAll(async () => server?.close());

  function samplePath(operation: Operation, mutation?: Mutation) {
    return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string, offset: number) => {
      if (mutation?.where === 'path' && mutation.field === name) {
        return RAW_URL_UNCLEAN.includes(mutation.value as string) ? (mutation.value as string) : urlText(mutation.value);
      }
      if (name === 'code') return operation.path.includes('/ledger/') ? '1.1.01' : '34.71';
      if (name === 'nik') return '3404010101800001';
      const collection = operation.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
      return realIds.get(collection) ?? UNKNOWN_ID;
    });
  }

  async function send(role: Role, operation: Operation, mutation: Mutation) {
    const session = sessions.get(role);
    let url = `${server.url}${samplePath(operation, mutation)}`;
    if (mutation.where === 'query') {
      const value = RAW_URL_UNCLEAN.includes(mutation.value as string) ? (mutation.value as string) : urlText(mutation.value);
      url += `?${encodeURIComponent(mutation.field)}=${value}`;
    }
    const headers: Record<string, string> = { cookie: session?.cookie ?? '', 'accept-language': 'en' };
    if (operation.method !== 'GET') {
      headers['x-csrf-token'] = session?.csrf ?? '';
      headers['idempotency-key'] = mutation.where === 'header' ? String(mutation.value) : `walk-${Math.random()}`;
    }
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (mutation.where === 'body') {
      headers['content-type'] = 'application/json';
      const base = mutation.base && typeof mutation.base === 'object' ? mutation.base : {};
      body = JSON.stringify({ ...base, [mutation.field]: mutation.value });
    } else if (mutation.where === 'rawBody') {
      headers['content-type'] = mutation.field;
      body = typeof mutation.value === 'string' ? mutation.value : new TextEncoder().encode(JSON.stringify(mutation.value));
    } else if (operation.method !== 'GET' && operation.bodyTypes.includes('application/json')) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(mutation.base ?? {});
    }
    const response = await fetch(url, { method: operation.method, headers, body });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text };
  }

  function check(operation: Operation, role: Role, mutation: Mutation, response: { status: number; type: string; text: string }) {
    const what = `${role} ${operation.method} ${operation.path} ${mutation.where} ${mutation.field}=${JSON.stringify(mutation.value)?.slice(0, 80)}`;
    expect(response.status, `${what} → ${response.text.slice(0, 300)}`).toBeLessThan(500);
    if (response.status < 400) return;
    expect(response.type, what).toContain('application/problem+json');
    const problem = JSON.parse(response.text) as { code: string; errors?: { field: string }[] };
    expect(typeof problem.code, what).toBe('string');
    if (response.status === 422) expect(problem.errors?.length, `${what}: a 422 names its fields`).toBeGreaterThan(0);
    // In a URL a NUL travels as %00; a lone surrogate cannot travel at all (its bytes decode to U+FFFD).
    const uncleanValue =
      typeof mutation.value === 'string' &&
      (mutation.where === 'body' || mutation.where === 'rawBody'
        ? !isCleanText(mutation.value)
        : mutation.value.includes('\u0000') || mutation.value.includes('%00'));
    if (uncleanValue && response.status === 422 && mutation.where !== 'header')
      expect(
        problem.errors?.map((error) => error.field),
        what,
      ).toContain(mutation.where === 'rawBody' ? 'body' : mutation.field);
  }

  function mutationsOf(operation: Operation): fc.Arbitrary<Mutation>[] {
    const field = (where: Where, names: string[]) =>
      names.length === 0 ? [] : [fc.record({ where: fc.constant(where), field: fc.constantFrom(...names), value: malformedValue })];
    const raw = operation.bodyTypes.filter((type) => type !== 'application/json');
    return [
      ...field('path', operation.pathParams),
      ...field('query', operation.queryParams),
      ...(operation.bodyFields.length && operation.bodySchema
        ? [
            fc.record({
              where: fc.constant<Where>('body'),
              field: fc.constantFrom(...operation.bodyFields),
              value: malformedValue,
              base: plausible(operation.bodySchema, '', known),
            }),
          ]
        : []),
      ...(raw.length
        ? [
            fc.record({
              where: fc.constant<Where>('rawBody'),
              field: fc.constantFrom(...raw),
              value: fc.oneof(unclean, fc.string({ unit: 'binary', maxLength: 50 }), fc.constant('PK\u0003\u0004garbage')),
            }),
          ]
        : []),
      ...(operation.method === 'GET'
        ? []
        : [
            fc.record({
              where: fc.constant<Where>('header'),
              field: fc.constant('Idempotency-Key'),
              value: fc.constantFrom(...HEADER_VALUES),
              base: operation.bodySchema ? plausible(operation.bodySchema, '', known) : fc.constant(undefined),
            }),
          ]),
    ];
  }

  it('answers every malformed value with a 4xx problem, never a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const noting = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        const message = String((error as Error).message).replace(/x{40,}/g, (run) => `x*${run.length}`);
        const cause = String((error as { cause?: Error }).cause?.message ?? '').split('\n')[0];
        failures.push(`${message.split('\n').slice(0, 4).join('\n')}\n${cause}`);
      }
    };
    for (const operation of operations) {
      const arbitraries = mutationsOf(operation);
      if (arbitraries.length === 0) continue;
      // Each field once with text that cannot be stored: the 422 must name it.
      for (const role of ROLES_TRIED) {
        for (const where of ['path', 'query', 'body'] as const) {
          const names = where === 'path' ? operation.pathParams : where === 'query' ? operation.queryParams : operation.bodyFields;
          for (const name of names) {
            const values = where === 'body' ? ['a\u0000b', '\ud800'] : ['%00', '%ED%A0%80'];
            for (const value of values) {
              const mutation = { where, field: name, value };
              await noting(async () => check(operation, role, mutation, await send(role, operation, mutation)));
            }
          }
        }
      }
      await noting(() =>
        fc.assert(
          fc.asyncProperty(fc.constantFrom(...ROLES_TRIED), fc.oneof(...arbitraries), async (role, mutation) => {
            check(operation, role, mutation, await send(role, operation, mutation));
          }),
          { numRuns: RUNS_PER_OPERATION },
        ),
      );
    }
    expect(failures.join('\n\n')).toBe('');
  }, 900_000);
});
