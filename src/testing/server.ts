import type { FastifyInstance } from 'fastify';
import type { TrustProxy } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Database, DatabaseKind } from '../db/database.ts';
import { buildServer } from '../http/server.ts';
import { openTestDatabase } from './databases.ts';

export { systemTestContext } from './context.ts';

export type TestServer = { url: string; app: FastifyInstance; database: Database; close(): Promise<void> };

/** The real server on a free port over a fresh test database (with the demo data when `demo`, see openTestDatabase). */
export async function startTestServer(
  kind: DatabaseKind,
  options: { clock?: Clock; serveWeb?: boolean; trustProxy?: TrustProxy; demo?: boolean } = {},
): Promise<TestServer> {
  const database = await openTestDatabase(kind, { demo: options.demo });
  const app = await buildServer({ database, clock: options.clock, serveWeb: options.serveWeb, trustProxy: options.trustProxy });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A tiny HTTP client that keeps the session cookie and CSRF token like the web app does. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    Object.assign(headers, extraHeaders);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    const json = text ? (isJson ? (JSON.parse(text) as Record<string, unknown>) : { text }) : null;
    return { status: response.status, headers: response.headers, body: json as Record<string, any> };
  }

  async login(username: string, password: string) {
    const response = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.csrfToken = response.body.csrfToken as string;
    return response;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
}
