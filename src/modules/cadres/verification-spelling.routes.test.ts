import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenRespellings } from '../../testing/base64url.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { TINY_JPEG } from '../../testing/images.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`a card verifies only as it was printed [${kind}]`, () => {
    let server: TestServer;
    let token: string;
    // Each request comes from its own client behind the trusted proxy, so the lookup limit stays out of the way.
    let client = 0;
    const from = () => ({ 'x-forwarded-for': `10.0.${Math.floor(++client / 250)}.${client % 250}` });
    const path = (spelled: string) => encodeURIComponent(spelled);
    /** What the API, the /v/ page and the photo answer for a token. */
    async function answers(spelled: string) {
      const api = await fetch(`${server.url}/api/v1/public/cadres/verify/${path(spelled)}`, { headers: from() });
      const page = await fetch(`${server.url}/v/${path(spelled)}`, { headers: from() });
      const photo = await fetch(`${server.url}/api/v1/public/cadres/verify/${path(spelled)}/photo`, { headers: from() });
      // The time of the check differs from one request to the next (it is there against screenshots).
      const { checkedAt, ...body } = (await api.json()) as { checkedAt?: string };
      expect(checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const html = (await page.text()).replace(/<p class="checked" data-testid="checked-at">.*?<\/p>/, '');
      return {
        api: { status: api.status, body },
        page: { status: page.status, body: html },
        photo: { status: photo.status, type: photo.headers.get('content-type') },
      };
    }

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, trustProxy: { hops: 1 } });
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      const registered = await manager.post('/api/v1/cadres', {
        personId: person.id,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: '7/ST/KC-YK/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil: '2027-01-04',
        villageCodes: ['34.71.01.1001'],
      });
      expect(registered.status).toBe(201);
      const uploaded = await fetch(`${server.url}/api/v1/cadres/${registered.body.id}/photo`, {
        method: 'PUT',
        headers: { cookie: manager.cookie ?? '', 'x-csrf-token': manager.csrfToken ?? '', 'content-type': 'image/jpeg' },
        body: new Uint8Array(TINY_JPEG),
      });
      expect(uploaded.status).toBe(200);
      token = (await manager.post(`/api/v1/cadres/${registered.body.id}/card`)).body.token;
    });
    afterAll(async () => server.close());

    it('answers any other spelling of a genuine token exactly as an unknown token, on the API, the page and the photo', async () => {
      const genuine = await answers(token);
      expect(genuine.api.body).toMatchObject({ valid: true, status: 'active' });
      expect(genuine.page.body).toContain('KADER JKN TERVERIFIKASI');
      expect(genuine.photo).toEqual({ status: 200, type: 'image/jpeg' });

      const unknown = await answers('bukan-token');
      expect(unknown.api).toEqual({
        status: 200,
        body: {
          valid: false,
          reason: 'Kode kartu ini tidak dibuat oleh sistem kami (palsu atau rusak).',
          organisation: 'JKM Demo — Jaringan Kesejahteraan Masyarakat',
          reportContact: null,
        },
      });
      expect(unknown.page.body).toContain('AWAS: KARTU TIDAK SAH');
      expect(unknown.photo.status).toBe(404);

      await fc.assert(
        fc.asyncProperty(tokenRespellings(token), async (spelled) => {
          expect(await answers(spelled)).toEqual(unknown);
        }),
        { numRuns: 40 },
      );
    });
  });
}
