import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { startTestServer, type TestServer } from '../../testing/server.ts';

// A fixed clock: the window never rolls over, so the 31st lookup is refused with 60 s to wait.
const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
const LIMIT = 30;

for (const kind of testDatabaseKinds()) {
  describe(`the verification page's per-client limit [${kind}]`, () => {
    let direct: TestServer;
    let proxied: TestServer;
    let listed: TestServer;
    const scan = (server: TestServer, headers: Record<string, string> = {}) => fetch(`${server.url}/v/bukan-token`, { headers });

    beforeAll(async () => {
      [direct, proxied, listed] = await Promise.all([
        startTestServer(kind, { serveWeb: false, clock }),
        startTestServer(kind, { serveWeb: false, clock, trustProxy: { hops: 1 } }),
        startTestServer(kind, { serveWeb: false, clock, trustProxy: { addresses: ['loopback'] } }),
      ]);
    });
    afterAll(async () => Promise.all([direct?.close(), proxied?.close(), listed?.close()]));

    it('answers a phone-friendly Indonesian page with Retry-After once used up; the JSON API keeps its problem', async () => {
      // Without a trusted proxy the header is the client's own claim: ignored, one allowance.
      for (let i = 0; i < LIMIT; i++) {
        const page = await scan(direct, { 'x-forwarded-for': `198.51.100.${i}` });
        expect(page.status).toBe(200);
      }
      const refused = await scan(direct, { 'x-forwarded-for': '198.51.100.200' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(refused.headers.get('retry-after')).toBe('60');
      const html = await refused.text();
      expect(html).toContain('Terlalu banyak pemeriksaan, coba lagi dalam 60 detik');
      expect(html).toContain('<html lang="id">');
      expect(html).toContain('name="viewport" content="width=device-width,initial-scale=1"');
      expect(html).not.toContain('AWAS');

      const api = await fetch(`${direct.url}/api/v1/public/cadres/verify/bukan-token`);
      expect(api.status).toBe(429);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      expect(api.headers.get('retry-after')).toBe('60');
      expect((await api.json()).code).toBe('common.rate_limited');
    });

    it('behind a trusted proxy, counts each client named in X-Forwarded-For on its own', async () => {
      for (const server of [proxied, listed]) {
        for (let i = 0; i < LIMIT; i++) expect((await scan(server, { 'x-forwarded-for': '203.0.113.5' })).status).toBe(200);
        expect((await scan(server, { 'x-forwarded-for': '203.0.113.5' })).status).toBe(429);
        const other = await scan(server, { 'x-forwarded-for': '203.0.113.6' });
        expect(other.status).toBe(200);
        expect(await other.text()).toContain('AWAS: KARTU TIDAK SAH');
        // A client cannot add a hop of its own: the proxy appends the address it saw last.
        expect((await scan(server, { 'x-forwarded-for': '192.0.2.1, 203.0.113.5' })).status).toBe(429);
      }
    });

    it('counts the card photo as a lookup: it answers 429 once lookups used the allowance, and its requests use it up', async () => {
      const photo = (client: string) =>
        fetch(`${proxied.url}/api/v1/public/cadres/verify/bukan-token/photo`, { headers: { 'x-forwarded-for': client } });
      const lookup = (client: string) =>
        fetch(`${proxied.url}/api/v1/public/cadres/verify/bukan-token`, { headers: { 'x-forwarded-for': client } });

      for (let i = 0; i < LIMIT; i++) expect((await lookup('203.0.113.7')).status).toBe(200);
      const refused = await photo('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect((await refused.json()).code).toBe('common.rate_limited');

      for (let i = 0; i < LIMIT; i++) expect((await photo('203.0.113.8')).status).toBe(404);
      const api = await lookup('203.0.113.8');
      expect(api.status).toBe(429);
      expect(api.headers.get('retry-after')).toBe('60');
      expect((await scan(proxied, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(429);
      expect((await photo('203.0.113.8')).status).toBe(429);
    });
  });
}
