import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { uuidv7 } from '../../core/ids.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';
import { signingKeys } from './cadres.service.ts';
import { signCardToken } from './card-token.ts';

// 18:00 UTC on 10 March is already 11 March in WIB: the business date decides expiry.
const NOW = new Date('2026-03-10T18:00:00Z');

for (const kind of testDatabaseKinds()) {
  describe(`public verification of unknown and expired cards [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    const verify = (token: string, headers: Record<string, string> = {}) =>
      new ApiClient(server.url, headers).get(`/api/v1/public/cadres/verify/${encodeURIComponent(token)}`);
    const page = async (token: string) => (await fetch(`${server.url}/v/${encodeURIComponent(token)}`)).text();

    /** A cadre whose assignment letter is valid until `validUntil`, with a first card issued. */
    async function cadreWithCard(personId: string, validUntil: string) {
      const registered = await manager.post('/api/v1/cadres', {
        personId,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: `${validUntil}/ST/KC-YK`,
        letterDate: '2025-03-01',
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil,
        villageCodes: ['34.71.01.1001'],
      });
      expect(registered.status).toBe(201);
      const card = await manager.post(`/api/v1/cadres/${registered.body.id}/card`);
      expect(card.status).toBe(201);
      return card.body.token as string;
    }

    beforeAll(async () => {
      const clock = fixedClock(NOW);
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
    });
    afterAll(async () => server.close());

    async function residents(count: number) {
      const rows = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .where('id', 'not in', (q) => q.selectFrom('cadre').select('person_id'))
        .orderBy('nik')
        .limit(count)
        .execute();
      expect(rows.length).toBe(count);
      return rows.map((r) => r.id);
    }

    it('answers valid: false for a genuinely signed token that names no cadre', async () => {
      const token = signCardToken(await signingKeys(server.database.db), { c: uuidv7(NOW.getTime()), v: 1 });
      const response = await verify(token);
      expect(response.status).toBe(200);
      // Every answer says whose check it is and when the server made it.
      const context = { organisation: expect.any(String), reportContact: null, checkedAt: NOW.toISOString() };
      expect(response.body).toEqual({ valid: false, reason: 'Kartu ini tidak terdaftar.', ...context });
      expect((await verify(token, { 'accept-language': 'en' })).body).toEqual({
        valid: false,
        reason: 'This card is not registered.',
        ...context,
      });
      const html = await page(token);
      expect(html).toContain('AWAS: KARTU TIDAK SAH');
      expect(html).toContain('Kartu ini tidak terdaftar.');
    });

    it('marks a card expired from the day after its letter is valid until (business date, WIB)', async () => {
      const [lapsedPerson, lastDayPerson] = await residents(2);
      // Valid until 10 March: expired on 11 March WIB, although it is still 10 March in UTC.
      const lapsed = await cadreWithCard(lapsedPerson as string, '2026-03-10');
      expect((await verify(lapsed)).body).toMatchObject({
        valid: true,
        status: 'active',
        letterNumber: '2026-03-10/ST/KC-YK',
        validUntil: '2026-03-10',
        expired: true,
      });
      const html = await page(lapsed);
      expect(html).toContain('AWAS: KARTU KEDALUWARSA');
      expect(html).not.toContain('KADER JKN TERVERIFIKASI');

      const lastDay = await cadreWithCard(lastDayPerson as string, '2026-03-11');
      expect((await verify(lastDay)).body).toMatchObject({ valid: true, status: 'active', validUntil: '2026-03-11', expired: false });
      expect(await page(lastDay)).toContain('KADER JKN TERVERIFIKASI');
    });
  });
}
