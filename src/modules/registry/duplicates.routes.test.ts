import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`duplicate review over HTTP [${kind}]`, () => {
    let server: TestServer;
    const clock = fixedClock(new Date('2026-11-23T03:00:00Z'));
    const as = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };

    beforeAll(async () => {
      server = await startTestServer(kind, { clock, serveWeb: false });
      await fillDemo(systemTestContext(server.database, clock));
      // "Budi Audiitono" and "Budi Auditono", born the same day in Katapang, each heading a KK.
      const admin = await as('admin');
      for (const [index, name] of ['Budi Audiitono', 'Budi Auditono'].entries()) {
        const created = await admin.post('/api/v1/households', {
          kkNumber: `320411010126910${index + 1}`,
          villageCode: '32.04.11.2002',
          members: [
            {
              nik: `320411120575091${index + 1}`,
              fullName: name,
              sex: 'M',
              birthPlace: 'Bandung',
              birthDate: '1975-05-12',
              relation: 'head',
            },
          ],
        });
        if (created.status !== 201) throw new Error(`household not registered: ${JSON.stringify(created.body)}`);
      }
    });
    afterAll(async () => server.close());

    it('lists the typo pair with its reasons and score', async () => {
      const response = await (await as('admin')).get('/api/v1/registry/duplicates?village=32.04.11.2002&limit=50');
      expect(response.status).toBe(200);
      const budi = response.body.items.find((p: { a: { fullName: string } }) => p.a.fullName.startsWith('Budi Aud'));
      expect(budi).toMatchObject({
        reason: 'similar_name_birth_date_village',
        reasons: ['similar_name_birth_date_village', 'same_person_two_households'],
        score: 1,
      });
    });

    it('lets readers see the settings and only admins change them', async () => {
      const manager = await as('manajer');
      expect((await manager.get('/api/v1/registry/duplicates/settings')).body).toEqual({ nameSimilarity: 0.6 });
      expect((await manager.request('PUT', '/api/v1/registry/duplicates/settings', { nameSimilarity: 0.8 })).status).toBe(403);
      const admin = await as('admin');
      expect((await admin.request('PUT', '/api/v1/registry/duplicates/settings', { nameSimilarity: 0.2 })).status).toBe(422);
      const saved = await admin.request('PUT', '/api/v1/registry/duplicates/settings', { nameSimilarity: 0.8 });
      expect([saved.status, saved.body]).toEqual([200, { nameSimilarity: 0.8 }]);
      expect((await manager.get('/api/v1/registry/duplicates/settings')).body).toEqual({ nameSimilarity: 0.8 });
    });
  });
}
