import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/**
 * The chain stimulus over HTTP: a Dinas stimulus allocated to a USEP KM group, a musyawarah passing
 * it to the first recipients, a repayment passed on by a second musyawarah, and the multiplier.
 */
for (const kind of testDatabaseKinds()) {
  describe(`USEP KM chain stimulus [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let bandung: ApiClient;
    let groupId: string;
    let members: { id: string; name: string }[];
    let stranger: string;
    let firstMeeting: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      bandung = new ApiClient(server.url);
      await bandung.login('pendamping', DEMO_PASSWORD);
      const heads = await server.database.db
        .selectFrom('person')
        .select(['id', 'full_name'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(5)
        .execute();
      members = heads.map((h) => ({ id: h.id, name: h.full_name }));
      stranger = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', '34.71.02.1001')
          .where('relation', '=', 'head')
          .executeTakeFirstOrThrow()
      ).id;
      const group = await admin.post('/api/v1/groups', {
        kind: 'usep_km',
        name: 'USEP KM Kricak Maju',
        officeCode: 'YK01',
        villageCodes: ['34.71.01.1001'],
        formedOn: '2026-08-01',
      });
      expect(group.status).toBe(201);
      groupId = group.body.id;
      for (const m of members)
        expect((await admin.post(`/api/v1/groups/${groupId}/members`, { personId: m.id, joinedOn: '2026-08-01' })).status).toBe(201);
      const funds = [
        {
          code: 'USEP-DINSOS',
          name: 'Stimulan USEP KM 2026',
          kind: 'stimulus',
          source: 'APBD Kota Yogyakarta 2026',
          initialCapital: '19714000',
        },
        { code: 'POT-KRICAK', name: 'Dana bergulir USEP KM Kricak Maju', kind: 'group_revolving', source: 'Stimulan berantai', groupId },
      ];
      for (const fund of funds)
        expect((await admin.post('/api/v1/funds', { ...fund, officeCode: 'YK01', capitalDate: '2026-08-01' })).status).toBe(201);
      expect(
        (
          await admin.post('/api/v1/financing/products', {
            code: 'USEP-QARDH',
            name: 'Stimulan bergulir tanpa jasa',
            kind: 'qardh',
            ratePercent: '0',
            frequency: 'monthly',
            minAmount: '500000',
            maxAmount: '10000000',
            minInstallments: 1,
            maxInstallments: 12,
          })
        ).status,
      ).toBe(201);
      firstMeeting = (
        await admin.post(`/api/v1/groups/${groupId}/meetings`, {
          heldOn: '2026-08-10',
          agenda: 'Penerima stimulan pertama',
          decisions: 'Stimulan untuk dua anggota: warung dan jahit.',
          attendance: members.map((m) => ({ personId: m.id, present: true })),
        })
      ).body.id;
    });
    afterAll(async () => server.close());

    const allocate = (key: string, amount: string) =>
      manager.request(
        'POST',
        '/api/v1/usep/allocations',
        { stimulusFundCode: 'USEP-DINSOS', groupId, amount, allocatedOn: '2026-08-05', reference: 'SK Kadinsos 460/123/2026' },
        { [IDEMPOTENCY_HEADER]: key },
      );
    const passOn = (meetingId: string, recipients: { personId: string; amount: string }[], appliedOn = '2026-08-11') =>
      admin.post(`/api/v1/usep/groups/${groupId}/pass-on`, {
        meetingId,
        productCode: 'USEP-QARDH',
        appliedOn,
        recipients: recipients.map((r) => ({ ...r, installments: 10, purpose: 'Modal usaha' })),
      });
    const fundCash = async (code: string) =>
      ((await manager.get('/api/v1/funds')).body.items as { code: string; cash: string; capital: string }[]).find((f) => f.code === code);
    const approveAndDisburse = async (id: string, disbursedOn = '2026-08-15') => {
      expect((await manager.post(`/api/v1/financings/${id}/approve`, {})).status).toBe(200);
      expect((await admin.post(`/api/v1/financings/${id}/disburse`, { disbursedOn, method: 'transfer' })).status).toBe(200);
    };

    it('allocates Rp10.000.000 of the Dinas stimulus to the group once per key: capital and cash move between the funds', async () => {
      const first = await allocate('alloc-1', '10000000');
      expect(first.status).toBe(201);
      expect(first.body.allocations).toEqual([
        expect.objectContaining({ stimulusFundCode: 'USEP-DINSOS', amount: '10000000', reference: 'SK Kadinsos 460/123/2026' }),
      ]);
      expect(first.body.pot).toEqual({ fundCode: 'POT-KRICAK', cash: '10000000', promised: '0', free: '10000000' });
      const again = await allocate('alloc-1', '10000000');
      expect(again.body.allocations).toHaveLength(1);
      expect(await fundCash('USEP-DINSOS')).toMatchObject({ cash: '9714000', capital: '9714000' });
      expect(await fundCash('POT-KRICAK')).toMatchObject({ cash: '10000000', capital: '10000000' });
      const tooMuch = await allocate('alloc-2', '9714001');
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.code).toBe('usep.stimulus_insufficient');
    });

    it('refuses a decision beyond the pot, a non-member, and another office’s facilitator', async () => {
      const [a, b, c] = members as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];
      const beyond = await passOn(firstMeeting, [
        { personId: a.id, amount: '4000000' },
        { personId: b.id, amount: '4000000' },
        { personId: c.id, amount: '2000001' },
      ]);
      expect(beyond.status).toBe(409);
      expect(beyond.body).toMatchObject({
        code: 'usep.pot_exceeded',
        detail: 'Tidak dapat menggulirkan lebih dari isi kas kelompok: tersedia Rp10.000.000, diputuskan Rp10.000.001.',
      });
      const outsider = await passOn(firstMeeting, [
        { personId: a.id, amount: '1000000' },
        { personId: stranger, amount: '1000000' },
      ]);
      expect(outsider.status).toBe(409);
      expect(outsider.body.code).toBe('financing.fund_members_only');
      expect(outsider.body.errors[0].field).toBe('recipients.1.personId');
      // Nothing of the refused decisions was written: the first recipient's application went back too.
      expect((await admin.get(`/api/v1/usep/groups/${groupId}/chain`)).body.recipients).toEqual([]);
      expect((await bandung.get(`/api/v1/usep/groups/${groupId}/chain`)).status).toBe(404);
    });

    it('first round from the stimulus, second round from a recipient’s repayment, naming whose; the multiplier grows', async () => {
      const [a, b, c] = members as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }];
      const first = await passOn(firstMeeting, [
        { personId: a.id, amount: '4000000' },
        { personId: b.id, amount: '6000000' },
      ]);
      expect(first.status).toBe(201);
      expect(first.body.pot).toMatchObject({ cash: '10000000', promised: '10000000', free: '0' });
      const allocationId = first.body.allocations[0].id;
      expect(first.body.recipients.map((r: Record<string, unknown>) => [r.fullName, r.round, r.amount, r.sources])).toEqual([
        [a.name, 1, '4000000', [{ kind: 'stimulus', amount: '4000000', allocationId, fromFinancingId: null, fromName: null }]],
        [b.name, 1, '6000000', [{ kind: 'stimulus', amount: '6000000', allocationId, fromFinancingId: null, fromName: null }]],
      ]);
      // Decided, not paid out yet: nothing has reached anyone.
      expect(first.body.multiplier).toMatchObject({ revolvedRupiah: '0', families: 0, rounds: 0, multiplier: '0.00' });
      const [fa, fb] = first.body.recipients.map((r: { financingId: string }) => r.financingId) as [string, string];
      await approveAndDisburse(fa);
      await approveAndDisburse(fb);
      const paid = await admin.request(
        'POST',
        `/api/v1/financings/${fa}/repayments`,
        { amount: '2000000', paidOn: '2026-09-15' },
        { [IDEMPOTENCY_HEADER]: 'repay-a-1' },
      );
      expect(paid.status).toBe(201);

      const secondMeeting = (
        await admin.post(`/api/v1/groups/${groupId}/meetings`, {
          heldOn: '2026-09-20',
          agenda: 'Menggulirkan angsuran yang sudah kembali',
          decisions: 'Angsuran Rp1.500.000 digulirkan kepada satu anggota berikutnya.',
        })
      ).body.id;
      const beyond = await passOn(secondMeeting, [{ personId: c.id, amount: '2000001' }], '2026-09-21');
      expect(beyond.status).toBe(409);
      expect(beyond.body.params).toEqual({ available: '2000000', requested: '2000001' });
      const second = await passOn(secondMeeting, [{ personId: c.id, amount: '1500000' }], '2026-09-21');
      expect(second.status).toBe(201);
      const third = second.body.recipients.find((r: { personId: string }) => r.personId === c.id);
      expect(third).toMatchObject({
        round: 2,
        meetingId: secondMeeting,
        meetingHeldOn: '2026-09-20',
        sources: [{ kind: 'repayment', amount: '1500000', allocationId: null, fromFinancingId: fa, fromName: a.name }],
      });
      expect(second.body.pot).toMatchObject({ cash: '2000000', promised: '1500000', free: '500000' });
      await approveAndDisburse(third.financingId, '2026-09-25');
      const chain = (await manager.get(`/api/v1/usep/groups/${groupId}/chain`)).body;
      expect(chain.multiplier).toEqual({
        stimulusRupiah: '10000000',
        revolvedRupiah: '11500000',
        families: 3,
        rounds: 2,
        multiplier: '1.15',
        familiesPerMillion: '0.30',
      });
      const city = await manager.get('/api/v1/usep/multiplier?regency=34.71');
      expect(city.status).toBe(200);
      expect(city.body.regency.code).toBe('34.71');
      expect(city.body.groups).toEqual([expect.objectContaining({ groupId, name: 'USEP KM Kricak Maju', recipientsInArrears: 0 })]);
      expect(city.body.total).toMatchObject({ revolvedRupiah: '11500000', families: 3, rounds: 2 });
      expect((await bandung.get('/api/v1/usep/multiplier?regency=34.71')).body.groups).toEqual([]);
    });
  });
}
