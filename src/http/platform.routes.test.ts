import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../context.ts';
import { fixedClock } from '../core/clock.ts';
import { addUser } from '../modules/identity/index.ts';
import { addOffice, createOrganisation } from '../modules/organisation/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../testing/server.ts';

for (const kind of testDatabaseKinds()) {
  describe(`platform HTTP contracts [${kind}]`, () => {
    let server: TestServer;
    const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));

    beforeAll(async () => {
      server = await startTestServer(kind, { clock, serveWeb: false });
      const ctx = systemTestContext(server.database, clock);
      await inTransaction(ctx, async (tx) => {
        await createOrganisation(tx, ctx, { name: 'JKM Uji' });
        await addOffice(tx, ctx, {
          code: 'BD01',
          name: 'Cabang Bandung',
          kind: 'branch',
          regionCode: '32.04',
          coveredRegionCodes: ['32.04'],
        });
        await addUser(tx, ctx, { username: 'admin', fullName: 'Admin Uji', role: 'admin', password: 'rahasia-admin', officeCodes: [] });
        await addUser(tx, ctx, {
          username: 'kasir',
          fullName: 'Kasir Uji',
          role: 'cashier',
          password: 'rahasia-kasir',
          officeCodes: ['BD01'],
        });
      });
    });
    afterAll(async () => server.close());

    it('answers health with the database kind', async () => {
      const response = await new ApiClient(server.url).get('/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', database: kind });
    });

    it('lists the districts of Kabupaten Bandung and finds Katapang with its parents', async () => {
      const api = new ApiClient(server.url);
      const districts = await api.get('/api/v1/regions?parent=32.04');
      expect(districts.status).toBe(200);
      const names = districts.body.items.map((r: { name: string }) => r.name);
      expect(names).toContain('Katapang');
      expect(names).toContain('Soreang');
      expect(districts.body.items).toHaveLength(31);
      expect(districts.body.items.every((r: { code: string }) => r.code.startsWith('32.04.'))).toBe(true);

      const village = await api.get('/api/v1/regions/32.04.11.2002');
      expect(village.body).toMatchObject({ code: '32.04.11.2002', name: 'Katapang', level: 4, kind: 'desa' });
      expect(village.body.parents.map((p: { name: string }) => p.name)).toEqual(['Jawa Barat', 'Kabupaten Bandung', 'Katapang']);

      const search = await api.get('/api/v1/regions?q=katapang');
      expect(search.body.items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['32.04.11', '32.04.11.2002']));
    });

    it('holds all 38 provinces, 514 regencies, 7,285 districts and 83,762 villages', async () => {
      const rows = await server.database.db
        .selectFrom('region')
        .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('level')
        .orderBy('level')
        .execute();
      expect(rows.map((r) => Number(r.n))).toEqual([38, 514, 7285, 83762]);
    });

    it('signs in with a cookie, returns the user, and refuses wrong credentials with 401', async () => {
      const api = new ApiClient(server.url);
      expect((await api.get('/api/v1/auth/me')).status).toBe(401);
      const wrong = await api.post('/api/v1/auth/login', { username: 'kasir', password: 'salah-sekali' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('content-type')).toContain('application/problem+json');
      expect(wrong.body).toMatchObject({ status: 401, code: 'auth.invalid_credentials', detail: 'Nama pengguna atau kata sandi salah.' });

      const ok = await api.request('POST', '/api/v1/auth/login', { username: 'kasir', password: 'rahasia-kasir' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('set-cookie')).toMatch(/jaring_session=.+HttpOnly/i);
      api.csrfToken = ok.body.csrfToken;
      const me = await api.get('/api/v1/auth/me');
      expect(me.body).toMatchObject({ username: 'kasir', role: 'cashier', offices: [{ code: 'BD01', regionCodes: ['32.04'] }] });
    });

    it('locks a username for 15 minutes after 5 failures', async () => {
      const api = new ApiClient(server.url, { 'accept-language': 'en' });
      for (let i = 0; i < 5; i++)
        expect((await api.post('/api/v1/auth/login', { username: 'admin', password: 'wrong-one' })).status).toBe(401);
      const locked = await api.post('/api/v1/auth/login', { username: 'admin', password: 'rahasia-admin' });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('auth.too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBe(900);
      clock.advance(14 * 60_000);
      expect((await api.post('/api/v1/auth/login', { username: 'admin', password: 'rahasia-admin' })).status).toBe(429);
      clock.advance(61_000);
      expect((await api.post('/api/v1/auth/login', { username: 'admin', password: 'rahasia-admin' })).status).toBe(200);
    });

    it('refuses a cookie-authenticated change without the CSRF header (403) and accepts it with', async () => {
      const api = new ApiClient(server.url);
      await api.login('admin', 'rahasia-admin');
      const token = api.csrfToken;
      api.csrfToken = null;
      const refused = await api.patch('/api/v1/organisation', { name: 'JKM Baru' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('auth.csrf_missing');
      api.csrfToken = token;
      const accepted = await api.patch('/api/v1/organisation', { name: 'JKM Baru' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.name).toBe('JKM Baru');
    });

    it('answers bad input with problem+json naming the field, in the requested language, never 500', async () => {
      const api = new ApiClient(server.url, { 'accept-language': 'en' });
      const wrongTypes = await api.post('/api/v1/auth/login', { username: 42, extra: true });
      expect(wrongTypes.status).toBe(422);
      expect(wrongTypes.body.errors).toEqual([
        { field: 'username', code: 'invalid_type', message: 'Wrong type: expected string.' },
        { field: 'password', code: 'required', message: 'Required.' },
        { field: 'extra', code: 'unrecognized_keys', message: 'Unknown field.' },
      ]);
      const malformed = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":',
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { code: string }).code).toBe('common.malformed_json');
      const huge = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
      });
      expect(huge.status).toBe(413);
      const unknownRoute = await api.get('/api/v1/nothing-here');
      expect(unknownRoute.status).toBe(404);
      expect(unknownRoute.body.code).toBe('common.route_not_found');
    });

    it('accepts API tokens as Bearer credentials', async () => {
      const { createApiToken } = await import('../modules/identity/index.ts');
      const { token } = await createApiToken(systemTestContext(server.database, clock), 'kasir', 'integrasi');
      const withToken = new ApiClient(server.url, { authorization: `Bearer ${token}` });
      expect((await withToken.get('/api/v1/auth/me')).body.username).toBe('kasir');
      const bogus = new ApiClient(server.url, { authorization: 'Bearer jrg_not-a-token' });
      expect((await bogus.get('/api/v1/auth/me')).status).toBe(401);
    });

    it('publishes an OpenAPI 3.1 document of every /api/v1 route and a reference page', async () => {
      const api = new ApiClient(server.url);
      const doc = await api.get('/api/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/auth/login', '/api/v1/regions/{code}', '/api/v1/users', '/api/v1/audit']),
      );
      expect(doc.body.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
        'username',
        'password',
      ]);
      const page = await fetch(`${server.url}/api/docs`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('/api/v1/regions/{code}');
    });

    it('sends large answers gzipped to a client that asks (field phones on weak links), small ones as they are', async () => {
      const { request } = await import('node:http');
      const { gunzipSync } = await import('node:zlib');
      const get = (path: string) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
          request(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          })
            .on('error', reject)
            .end();
        });
      const doc = await get('/api/openapi.json');
      expect(doc.encoding).toBe('gzip');
      expect(JSON.parse(gunzipSync(doc.body).toString()).openapi).toBe('3.1.0');
      const health = await get('/api/health');
      expect(health.encoding).toBeUndefined();
      expect(JSON.parse(health.body.toString()).status).toBe('ok');
    });
  });
}
