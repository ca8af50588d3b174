import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { recruitCadreWithOneFamily } from '../../testing/cadre-fixtures.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`offline sync: bundle and push, exactly once [${kind}]`, () => {
    let server: TestServer;
    let cadreUser: ApiClient;
    let cadreId: string;
    let family: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      ({ cadreId, family } = await recruitCadreWithOneFamily(admin, server.database));
      cadreUser = new ApiClient(server.url);
      await cadreUser.login('kader', DEMO_PASSWORD);
    });
    afterAll(async () => server.close());

    it('gives the cadre their families and dues to take offline', async () => {
      const bundle = await cadreUser.get('/api/v1/sync/bundle');
      expect(bundle.status).toBe(200);
      expect(bundle.body).toMatchObject({ cadreId, asOf: '2026-03-10', groups: [] });
      expect(bundle.body.families).toEqual([
        expect.objectContaining({ householdId: family, arrearsMonths: 1, persons: 1, jknClass: 'III', monthlyDue: '35000' }),
      ]);
    });

    it('applies pushed ops once, however often and in whatever order they are pushed; a refused one says why', async () => {
      const ops = [
        {
          id: '01900000-0000-7000-8000-00000000a001',
          type: 'contribution',
          recordedAt: '2026-03-09T08:00:00+07:00',
          payload: { cadreId, householdId: family, months: 2, amount: '70000' },
        },
        {
          id: '01900000-0000-7000-8000-00000000a002',
          type: 'visit',
          recordedAt: '2026-03-09T08:05:00+07:00',
          payload: { cadreId, householdId: family, kind: 'reminder', outcome: 'Sudah bayar 2 bulan' },
        },
        {
          id: '01900000-0000-7000-8000-00000000a003',
          type: 'contribution',
          recordedAt: '2026-03-09T08:10:00+07:00',
          payload: { cadreId, householdId: family, months: 1, amount: '50000' },
        },
      ];
      const first = (await cadreUser.post('/api/v1/sync/push', { ops })).body.results;
      expect(first.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      expect(first[2]).toMatchObject({ code: 'contributions.amount_wrong' });
      expect(first[2].message).toContain('Rp35.000');
      for (const batch of [ops, [...ops].reverse(), [ops[1], ops[0]]]) {
        const again = (await cadreUser.post('/api/v1/sync/push', { ops: batch })).body.results;
        for (const r of again) expect(r.status).toBe(r.id.endsWith('a003') ? 'rejected' : 'duplicate');
      }
      const english = await new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('kader', DEMO_PASSWORD);
      expect((await english.post('/api/v1/sync/push', { ops: [ops[2]] })).body.results[0].message).toContain(
        'The contribution for 1 month from',
      );
      const db = server.database.db;
      expect(await db.selectFrom('jkn_contribution_payment').select('id').execute()).toHaveLength(1);
      expect(await db.selectFrom('cadre_visit').select('id').execute()).toHaveLength(1);
      expect((await cadreUser.get(`/api/v1/households/${family}/jkn-dues`)).body.paidThrough).toBe('2026-03');
    });

    it('rejects an op with a malformed payload, naming the fields, without stopping the rest', async () => {
      const results = (
        await cadreUser.post('/api/v1/sync/push', {
          ops: [
            { id: '01900000-0000-7000-8000-00000000b001', type: 'visit', recordedAt: '2026-03-10T08:00:00+07:00', payload: { cadreId } },
            {
              id: '01900000-0000-7000-8000-00000000b002',
              type: 'visit',
              recordedAt: '2026-03-10T08:00:00+07:00',
              payload: { cadreId, householdId: family, kind: 'follow_up', outcome: 'Kartu aktif kembali' },
            },
          ],
        })
      ).body.results;
      expect(results[0]).toMatchObject({ status: 'rejected', code: 'sync.payload_invalid' });
      expect(results[0].message).toContain('householdId');
      expect(results[1].status).toBe('applied');
    });
  });
}
