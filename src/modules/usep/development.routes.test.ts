import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/** Businesses over time: edited, month by month, coached, closed; similar businesses merged by a musyawarah. */
for (const kind of testDatabaseKinds()) {
  describe(`USEP KM businesses over time [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let bandung: ApiClient;
    let groupId: string;
    let heads: { id: string }[];
    let meetingId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      bandung = new ApiClient(server.url);
      await bandung.login('pendamping', DEMO_PASSWORD);
      heads = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(3)
        .execute();
      groupId = (
        await manager.post('/api/v1/groups', {
          kind: 'usep_km',
          name: 'USEP KM Kricak Maju',
          officeCode: 'YK01',
          villageCodes: ['34.71.01.1001'],
          formedOn: '2026-06-01',
        })
      ).body.id;
      for (const h of heads) await manager.post(`/api/v1/groups/${groupId}/members`, { personId: h.id, joinedOn: '2026-06-01' });
      meetingId = (await manager.post(`/api/v1/groups/${groupId}/meetings`, { heldOn: '2026-09-01', agenda: 'Penggabungan usaha keripik' }))
        .body.id;
    });
    afterAll(async () => server.close());

    const business = (personId: string, name: string, sector = 'food') =>
      manager.post(`/api/v1/persons/${personId}/businesses`, {
        name,
        businessType: 'Keripik singkong',
        sector,
        startedOn: '2025-01-01',
        capitalRupiah: '1000000',
        monthlyRevenueRupiah: '900000',
        monthlyCostsRupiah: '600000',
      });

    it('keeps a business month by month with the coaching its owner attended, then closes it', async () => {
      const [a] = heads as [{ id: string }];
      const created = await business(a.id, 'Keripik Bu Sri');
      const id = created.body.id as string;
      const edited = await manager.patch(`/api/v1/persons/${a.id}/businesses/${id}`, {
        name: 'Keripik Sri Rejeki',
        capitalRupiah: '1500000',
      });
      expect(edited.body).toMatchObject({ name: 'Keripik Sri Rejeki', capitalRupiah: '1500000', monthlyProfitRupiah: '300000' });
      for (const [month, capital, revenue, costs] of [
        ['2026-07', '1500000', '900000', '600000'],
        ['2026-10', '2250000', '1750000', '1125000'],
      ] as const)
        expect(
          (
            await manager.request('PUT', `/api/v1/usep/businesses/${id}/months/${month}`, {
              capitalRupiah: capital,
              revenueRupiah: revenue,
              costsRupiah: costs,
            })
          ).status,
        ).toBe(200);
      const future = await manager.request('PUT', `/api/v1/usep/businesses/${id}/months/2099-01`, {
        capitalRupiah: '1',
        revenueRupiah: '1',
        costsRupiah: '1',
      });
      expect(future.status).toBe(422);
      // A member listed twice is a form error naming the second line, not a server error.
      const twice = await manager.post('/api/v1/usep/coaching', {
        groupId,
        villageCode: '34.71.01.1001',
        heldOn: '2026-08-20',
        topic: 'marketing',
        title: 'Menjual keripik lewat marketplace',
        coachName: 'Yohanes Wibowo',
        attendance: [
          { personId: a.id, present: true },
          { personId: a.id, present: false },
        ],
      });
      expect(twice.status).toBe(422);
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'attendance.1.personId', code: 'person_listed_twice' })]);
      const coaching = await manager.post('/api/v1/usep/coaching', {
        groupId,
        villageCode: '34.71.01.1001',
        heldOn: '2026-08-20',
        topic: 'marketing',
        title: 'Menjual keripik lewat marketplace',
        followUp: 'Setiap anggota membuka toko daring',
        coachName: 'Yohanes Wibowo',
        attendance: [{ personId: a.id, present: true, followUp: 'Foto produk' }],
      });
      expect(coaching.status).toBe(201);
      expect(coaching.body.attendance).toEqual([expect.objectContaining({ personId: a.id, present: true, followUp: 'Foto produk' })]);
      const development = (await manager.get(`/api/v1/usep/businesses/${id}/development`)).body;
      expect(development.months).toEqual([
        { month: '2026-07', capitalRupiah: '1500000', revenueRupiah: '900000', costsRupiah: '600000', profitRupiah: '300000' },
        { month: '2026-10', capitalRupiah: '2250000', revenueRupiah: '1750000', costsRupiah: '1125000', profitRupiah: '625000' },
      ]);
      expect(development.coaching).toEqual([expect.objectContaining({ topic: 'marketing', present: true, followUp: 'Foto produk' })]);
      expect((await bandung.get(`/api/v1/usep/businesses/${id}/development`)).status).toBe(404);

      const closed = await manager.post(`/api/v1/persons/${a.id}/businesses/${id}/close`, { closedOn: '2026-11-30', reason: 'Digabung' });
      expect(closed.body).toMatchObject({ active: false, closedOn: '2026-11-30', closedReason: 'Digabung' });
      const again = await manager.patch(`/api/v1/persons/${a.id}/businesses/${id}`, { name: 'x' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('registry.business_closed');
    });

    it('merges two members’ similar businesses with the musyawarah that agreed, shares adding up to 100%, and keeps its own figures', async () => {
      const [, b, c] = heads as [{ id: string }, { id: string }, { id: string }];
      const first = (await business(b.id, 'Keripik Pak Budi')).body.id as string;
      const second = (await business(c.id, 'Keripik Bu Tini')).body.id as string;
      const other = (await business(c.id, 'Jahit Bu Tini', 'craft')).body.id as string;
      const merge = (members: { businessId: string; shareBp: number }[]) =>
        manager.post(`/api/v1/usep/groups/${groupId}/merged-businesses`, {
          meetingId,
          name: 'Keripik Kricak Bersatu',
          businessType: 'Keripik singkong',
          mergedOn: '2026-09-05',
          members,
        });
      const uneven = await merge([
        { businessId: first, shareBp: 5000 },
        { businessId: second, shareBp: 4000 },
      ]);
      expect(uneven.status).toBe(422);
      expect(uneven.body.errors[0]).toMatchObject({ code: 'usep.shares_not_whole', message: expect.stringContaining('9000') });
      const unlike = await merge([
        { businessId: first, shareBp: 6000 },
        { businessId: other, shareBp: 4000 },
      ]);
      expect(unlike.body.errors[0].code).toBe('usep.merge_not_alike');
      const merged = await merge([
        { businessId: first, shareBp: 6000 },
        { businessId: second, shareBp: 4000 },
      ]);
      expect(merged.status).toBe(201);
      expect(merged.body).toMatchObject({ meetingId, name: 'Keripik Kricak Bersatu' });
      expect(merged.body.members.map((m: { businessName: string; shareBp: number }) => [m.businessName, m.shareBp]).sort()).toEqual([
        ['Keripik Bu Tini', 4000],
        ['Keripik Pak Budi', 6000],
      ]);
      const month = await manager.request('PUT', `/api/v1/usep/merged-businesses/${merged.body.id}/months/2026-10`, {
        capitalRupiah: '4000000',
        revenueRupiah: '3500000',
        costsRupiah: '2100000',
      });
      expect(month.body.months).toEqual([
        { month: '2026-10', capitalRupiah: '4000000', revenueRupiah: '3500000', costsRupiah: '2100000', profitRupiah: '1400000' },
      ]);
      expect((await manager.get(`/api/v1/usep/groups/${groupId}/merged-businesses`)).body.items).toHaveLength(1);
    });
  });
}
