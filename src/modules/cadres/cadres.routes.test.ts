import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`cadre cards and public verification [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cadreId: string;
    let token: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false });
      await fillDemo(systemTestContext(server.database));
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01, Kota Yogyakarta
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
        letterNumber: '123/ST/KC-YK/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil: '2027-01-04',
        villageCodes: ['34.71.01.1001', '34.71.01.1002'],
      });
      expect(registered.status).toBe(201);
      cadreId = registered.body.id;
      const card = await manager.post(`/api/v1/cadres/${cadreId}/card`);
      expect(card.status).toBe(201);
      token = card.body.token;
    });
    afterAll(async () => server.close());

    it('verifies a genuine card without a session', async () => {
      const response = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`);
      expect(response.body).toMatchObject({
        valid: true,
        status: 'active',
        letterNumber: '123/ST/KC-YK/2026',
        area: 'Kricak, Karangwaru',
        expired: false,
      });
      const page = await fetch(`${server.url}/v/${token}`);
      expect(await page.text()).toContain('KADER JKN TERVERIFIKASI');
    });

    it('prints the current card as a card-sized PDF without replacing it', async () => {
      const response = await fetch(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`, { headers: { cookie: manager.cookie ?? '' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain('KADER JKN-KIS');
      expect(text).toContain((await manager.get(`/api/v1/cadres/${cadreId}`)).body.name);
      expect(text).toContain('123/ST/KC-YK/2026');
      expect(text).toContain(new URL(server.url).host);
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.cardVersion).toBe(1);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body.valid).toBe(true);
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect((await supervisor.get(`/api/v1/cadres/${cadreId}/card.pdf`)).status).toBe(403);
    });

    it('refuses a forged or altered token', async () => {
      const [body, signature] = token.split('.') as [string, string];
      const forgedPayload = Buffer.from(JSON.stringify({ c: cadreId, v: 99 })).toString('base64url');
      for (const forged of [
        `${forgedPayload}.${signature}`,
        `${body}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`,
        'bukan-token',
      ]) {
        const response = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${encodeURIComponent(forged)}`);
        expect(response.body).toEqual({ valid: false, reason: 'Kode kartu ini tidak dibuat oleh sistem kami (palsu atau rusak).' });
      }
      expect(await (await fetch(`${server.url}/v/bukan-token`)).text()).toContain('AWAS: KARTU TIDAK SAH');
    });

    it('warns loudly once a cadre is revoked, and an old card stops verifying after a new one is issued', async () => {
      const reason = 'Surat tugas dicabut: iuran tidak disetor';
      expect((await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'revoked', reason })).body.status).toBe('revoked');
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('action', '=', 'cadre.status')
        .where('entity_id', '=', cadreId)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ before: { status: 'active' }, after: { status: 'revoked', reason } });
      expect((await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'suspended', reason: '' })).status).toBe(422);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body).toMatchObject({
        valid: true,
        status: 'revoked',
      });
      expect(await (await fetch(`${server.url}/v/${token}`)).text()).toContain('AWAS: KARTU DICABUT');
      await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'active' });
      await manager.post(`/api/v1/cadres/${cadreId}/card`);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body).toMatchObject({
        valid: false,
        reason: expect.stringContaining('diganti'),
      });
    });

    it('keeps cadres of one office from another office', async () => {
      const facilitator = new ApiClient(server.url);
      await facilitator.login('admin', DEMO_PASSWORD);
      const bandungManager = new ApiClient(server.url);
      await bandungManager.login('pendamping', DEMO_PASSWORD);
      expect((await bandungManager.get(`/api/v1/cadres/${cadreId}`)).status).toBe(403);
      expect((await facilitator.get(`/api/v1/cadres/${cadreId}`)).status).toBe(200);
    });

    it('rate-limits public lookups', async () => {
      const api = new ApiClient(server.url);
      let last = 0;
      for (let i = 0; i < 35; i++) last = (await api.get(`/api/v1/public/cadres/verify/${token}`)).status;
      expect(last).toBe(429);
    });
  });
}
