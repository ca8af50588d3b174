import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../core/roles.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../testing/server.ts';
import { allRoutes } from './routes.ts';

/**
 * Every route, without a session and with each role: 401 / 403 exactly where the route's
 * declared access says so. Grows by itself as modules add routes to allRoutes().
 */
const SAMPLE_PARAMS: Record<string, string> = { id: '01900000-0000-7000-8000-000000000000', code: '32.04' };

describe('authorization matrix', () => {
  let server: TestServer;
  const clients = new Map<Role, ApiClient>();

  beforeAll(async () => {
    server = await startTestServer('pglite', { demo: true, serveWeb: false });
    for (const role of ROLES) {
      const user = DEMO_USERS.find((u) => u.role === role);
      if (!user) throw new Error(`demo has no ${role}`);
      const client = new ApiClient(server.url);
      await client.login(user.username, DEMO_PASSWORD);
      clients.set(role, client);
    }
  });
  afterAll(async () => server.close());

  const routes = allRoutes().filter((route) => !route.url.includes('/auth/logout'));
  const pathOf = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');

  it.each(routes.map((route) => [`${route.method} ${route.url}`, route] as const))('%s', async (_name, route) => {
    const path = pathOf(route.url);
    const body = route.method === 'GET' ? undefined : {};
    const anonymous = await new ApiClient(server.url).request(route.method, path, body);
    if (route.auth === 'public') expect(anonymous.status).not.toBe(401);
    else expect(anonymous.status).toBe(401);

    for (const role of ROLES) {
      const response = await (clients.get(role) as ApiClient).request(route.method, path, body);
      const allowed = route.auth === 'public' || route.auth === 'authenticated' || route.auth.includes(role);
      if (allowed) expect([401, 403], `${role} should be allowed`).not.toContain(response.status);
      else expect(response.status, `${role} should be refused`).toBe(403);
    }
  });

  it('refuses every changing route to a cookie without the CSRF header', async () => {
    const admin = clients.get('admin') as ApiClient;
    for (const route of routes.filter((r) => r.method !== 'GET' && r.auth !== 'public')) {
      const response = await admin.request(route.method, pathOf(route.url), {}, { 'x-csrf-token': 'wrong' });
      expect(response.status, `${route.method} ${route.url}`).toBe(403);
      expect(response.body.code).toBe('auth.csrf_missing');
    }
  });
});
