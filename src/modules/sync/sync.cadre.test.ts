import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`offline sync: bundle and push, exactly once [${kind}]`, () => {
    let server: TestServer;
    let cadreUser: ApiClient;
    let cadreId: string;
    let family: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      await fillDemo(systemTestContext(server.database));
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const db = server.database.db;
      const heads = await db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', '32.04.11.2002')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(2)
        .execute();
      const cadre = await admin.post('/api/v1/cadres', {
        personId: heads[0]?.id,
        officeCode: 'BD01',
        username: 'kader',
        phone: '081234567890',
        letterNumber: '9/ST/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang',
        validUntil: '2027-01-04',
        villageCodes: ['32.04.11.2002'],
      });
      expect(cadre.status).toBe(201);
      cadreId = cadre.body.id;
      family = heads[1]?.household_id as string;
      expect((await admin.post(`/api/v1/cadres/${cadreId}/families`, { householdIds: [family] })).status).toBeLessThan(300);
      const member = await db.selectFrom('person').select('id').where('household_id', '=', family).orderBy('nik').executeTakeFirstOrThrow();
      await db
        .insertInto('jkn_participant')
        .values({
          person_id: member.id,
          card_number: '0001234567890',
          segment: 'PBPU',
          jkn_class: 'III',
          status: 'active',
          status_recorded_on: '2026-01-01',
        })
        .execute();
      await admin.request('PUT', `/api/v1/households/${family}/jkn-account`, { paidThrough: '2026-01' });
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
