import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres } from '../demo/index.ts';

const KATAPANG = '32.04.11.2002';

for (const kind of testDatabaseKinds()) {
  describe(`a cadre reaches only the families assigned to them (dues, paid-through month, collections, visits) [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let kader: ApiClient;
    let ownCadre: string;
    let ownFamily: string;
    let otherCadre: string;
    let othersFamily: string;
    let unassigned: string;
    let otherReceipt: string;
    const key = (k: string) => ({ [IDEMPOTENCY_HEADER]: k });

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      await fillDemoCadres(systemTestContext(server.database, clock));
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      kader = new ApiClient(server.url);
      await kader.login('kader', DEMO_PASSWORD);
      const db = server.database.db;
      const own = await db
        .selectFrom('cadre_family as f')
        .innerJoin('cadre as c', 'c.id', 'f.cadre_id')
        .innerJoin('app_user as u', 'u.id', 'c.user_id')
        .select(['f.cadre_id', 'f.household_id'])
        .where('u.username', '=', 'kader')
        .orderBy('f.household_id')
        .executeTakeFirstOrThrow();
      ownCadre = own.cadre_id;
      ownFamily = own.household_id;
      // Another cadre in the same village, with a family of their own in class III.
      const free = await db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', KATAPANG)
        .where('relation', '=', 'head')
        .where('household_id', 'not in', (q) => q.selectFrom('cadre_family').select('household_id'))
        .where('id', 'not in', (q) => q.selectFrom('cadre').select('person_id'))
        .orderBy('nik', 'desc')
        .limit(3)
        .execute();
      const [person, family, spare] = free;
      const other = await admin.post('/api/v1/cadres', {
        personId: person?.id,
        officeCode: 'BD01',
        phone: '081399887766',
        letterNumber: '31/ST/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang',
        validUntil: '2027-01-04',
        villageCodes: [KATAPANG],
      });
      expect(other.status).toBe(201);
      otherCadre = other.body.id;
      othersFamily = family?.household_id as string;
      unassigned = spare?.household_id as string;
      expect((await admin.post(`/api/v1/cadres/${otherCadre}/families`, { householdIds: [othersFamily] })).status).toBe(200);
      const card = await admin.request('PUT', `/api/v1/persons/${family?.id}/jkn`, {
        cardNumber: '0001999000001',
        segment: 'PBPU',
        class: 'III',
        status: 'active',
        statusRecordedOn: '2026-03-01',
      });
      expect(card.status).toBe(200);
      expect((await admin.request('PUT', `/api/v1/households/${othersFamily}/jkn-account`, { paidThrough: '2026-01' })).status).toBe(200);
      const paid = await admin.request(
        'POST',
        `/api/v1/cadres/${otherCadre}/contributions`,
        { householdId: othersFamily, months: 1, amount: '35000' },
        key('other-1'),
      );
      expect(paid.status).toBe(201);
      otherReceipt = paid.body.receiptPath;
    });
    afterAll(async () => server?.close());

    it('reads and sets the dues of their own family', async () => {
      const dues = await kader.get(`/api/v1/households/${ownFamily}/jkn-dues`);
      expect(dues.status).toBe(200);
      expect(dues.body.householdId).toBe(ownFamily);
      const before = dues.body.paidThrough as string;
      const set = await kader.request('PUT', `/api/v1/households/${ownFamily}/jkn-account`, { paidThrough: before });
      expect(set.status).toBe(200);
      expect(set.body.paidThrough).toBe(before);
    });

    it('gets 404 for another cadre’s family, an unassigned family in their village and one outside their branch', async () => {
      const kricak = await server.database.db
        .selectFrom('household')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .executeTakeFirstOrThrow();
      for (const household of [othersFamily, unassigned, kricak.id]) {
        const read = await kader.get(`/api/v1/households/${household}/jkn-dues`);
        expect(read.status, household).toBe(404);
        expect(read.body.code).toBe('common.not_found');
        const write = await kader.request('PUT', `/api/v1/households/${household}/jkn-account`, { paidThrough: '2026-03' });
        expect(write.status, household).toBe(404);
      }
      // Nothing changed: the other cadre's family is still paid through February (January + the one month collected).
      expect((await admin.get(`/api/v1/households/${othersFamily}/jkn-dues`)).body.paidThrough).toBe('2026-02');
      // Other roles keep to their offices' regions: the Yogyakarta manager does not see Katapang.
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      expect((await manager.get(`/api/v1/households/${ownFamily}/jkn-dues`)).status).toBe(404);
      expect((await admin.get(`/api/v1/households/${ownFamily}/jkn-dues`)).status).toBe(200);
    });

    it('cannot collect, visit, or read the cash, receipts, visits or worklist of another cadre', async () => {
      expect((await fetch(`${server.url}${otherReceipt}`, { headers: { cookie: kader.cookie ?? '' } })).status).toBe(404);
      for (const part of ['cash', 'contributions', 'deposits', 'visits', 'worklist', 'performance?month=2026-03'])
        expect((await kader.get(`/api/v1/cadres/${otherCadre}/${part}`)).status, part).toBe(404);
      const collect = await kader.request(
        'POST',
        `/api/v1/cadres/${otherCadre}/contributions`,
        { householdId: othersFamily, months: 1, amount: '35000' },
        key('kader-1'),
      );
      expect(collect.status).toBe(404);
      expect(
        (await kader.post(`/api/v1/cadres/${otherCadre}/visits`, { householdId: othersFamily, kind: 'reminder', outcome: 'x' })).status,
      ).toBe(404);
      // Through their own record, a family that is not theirs answers as one that does not exist.
      const visitTo = (householdId: string) =>
        kader.post(`/api/v1/cadres/${ownCadre}/visits`, { householdId, kind: 'reminder', outcome: 'x' });
      const visit = await visitTo(othersFamily);
      expect(visit.status).toBe(422);
      expect(visit.body).toEqual((await visitTo('01900000-0000-7000-8000-000000000000')).body);
      expect(visit.body.errors).toEqual([
        { field: 'householdId', code: 'contributions.family_unknown', message: 'Keluarga ini tidak ada di wilayah Anda.' },
      ]);
      const ownCollect = await kader.request(
        'POST',
        `/api/v1/cadres/${ownCadre}/contributions`,
        { householdId: othersFamily, months: 1, amount: '35000' },
        key('kader-2'),
      );
      expect(ownCollect.status).toBe(422);
      expect(
        (await kader.get(`/api/v1/cadres/${ownCadre}/worklist`)).body.items.map((f: { householdId: string }) => f.householdId),
      ).not.toContain(othersFamily);
    });
  });
}
