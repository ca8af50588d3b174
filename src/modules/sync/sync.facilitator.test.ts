import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// Client ids as a phone makes them (any UUID); one per recorded operation.
const cid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

for (const kind of testDatabaseKinds()) {
  describe(`offline sync: a facilitator's meeting sheets and pushed ops, exactly once [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let facilitator: ApiClient;
    let facilitatorEn: ApiClient;
    let groupId: string;
    let otherGroupId: string;
    let members: string[];
    /** Financings of the facilitator's group: [0] and [1] 12.000.000 over 12 months (1.100.000 a month), [2] 6.000.000 over 6 (1.050.000). */
    let financings: string[];
    let outsider: string;

    const repaymentsOf = (financingId: string) =>
      server.database.db.selectFrom('financing_repayment').selectAll().where('financing_id', '=', financingId).execute();
    const repaymentEntries = (financingId: string) =>
      server.database.db
        .selectFrom('journal_entry')
        .select('id')
        .where('source_type', '=', 'financing.repayment')
        .where('source_id', 'in', server.database.db.selectFrom('financing_repayment').select('id').where('financing_id', '=', financingId))
        .execute();
    /** Ops as the field app pushes them, written here as {clientId, kind, ...payload} for brevity. */
    const asOp = ({ clientId, kind, ...payload }: Record<string, unknown>) =>
      clientId === undefined ? { type: kind, payload } : { id: clientId, type: kind, recordedAt: '2026-03-10T09:00:00+07:00', payload };
    const sync = (client: ApiClient, operations: Record<string, unknown>[]) =>
      client.post('/api/v1/sync/push', { ops: operations.map(asOp) });

    beforeAll(async () => {
      // Tuesday 10 March 2026, 10:00 WIB: the sheet looks to 17 March.
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const user = await admin.post('/api/v1/users', {
        username: 'fasil.kricak',
        fullName: 'Sri Wahyuni',
        role: 'facilitator',
        password: DEMO_PASSWORD,
        officeCodes: ['YK01'],
      });
      expect(user.status).toBe(201);
      const heads = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', '34.71.02.1001')
          .where('relation', '=', 'head')
          .orderBy('nik')
          .limit(6)
          .execute()
      ).map((p) => p.id);
      members = heads.slice(0, 4);
      outsider = heads[5] as string;
      const group = await admin.post('/api/v1/groups', {
        kind: 'jkm',
        name: 'Kelompok Lapangan Karangwaru',
        officeCode: 'YK01',
        villageCodes: ['34.71.02.1001'],
        facilitatorUsername: 'fasil.kricak',
        formedOn: '2026-01-02',
      });
      expect(group.status).toBe(201);
      groupId = group.body.id;
      for (const personId of members)
        expect((await admin.post(`/api/v1/groups/${groupId}/members`, { personId, joinedOn: '2026-01-02' })).status).toBe(201);
      const other = await admin.post('/api/v1/groups', {
        kind: 'usep_km',
        name: 'USEP tanpa pendamping',
        officeCode: 'YK01',
        villageCodes: ['34.71.02.1001'],
        formedOn: '2026-01-02',
      });
      otherGroupId = other.body.id;
      expect((await admin.post(`/api/v1/groups/${otherGroupId}/members`, { personId: outsider, joinedOn: '2026-01-02' })).status).toBe(201);
      expect(
        (
          await manager.post('/api/v1/financing/products', {
            code: 'FLAT10',
            name: 'Modal usaha flat 10%',
            kind: 'flat',
            ratePercent: '10',
            frequency: 'monthly',
            minAmount: '1000000',
            maxAmount: '50000000',
            minInstallments: 3,
            maxInstallments: 24,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await manager.post('/api/v1/funds', {
            code: 'USEP-KRW',
            name: 'Stimulus USEP Karangwaru',
            kind: 'stimulus',
            source: 'APBD Kota Yogyakarta',
            officeCode: 'YK01',
            initialCapital: '50000000',
            capitalDate: '2026-01-02',
          })
        ).status,
      ).toBe(201);
      const open = async (personId: string, principal: string, installments: number, group?: string) => {
        const applied = await admin.post('/api/v1/financings', {
          personId,
          productCode: 'FLAT10',
          fundCode: 'USEP-KRW',
          principal,
          installments,
          purpose: 'Modal warung',
          appliedOn: '2026-01-05',
          groupId: group,
        });
        expect(applied.status).toBe(201);
        expect((await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
        const disbursed = await manager.post(`/api/v1/financings/${applied.body.id}/disburse`, {
          disbursedOn: '2026-01-15',
          method: 'cash',
        });
        expect(disbursed.status).toBe(200);
        return applied.body.id as string;
      };
      financings = [
        await open(members[0] as string, '12000000', 12, groupId),
        await open(members[1] as string, '12000000', 12, groupId),
        await open(members[2] as string, '6000000', 6, groupId),
      ];
      // Not on the sheet: a member's financing outside the group, and another group's.
      await open(members[3] as string, '3000000', 3);
      await open(outsider, '3000000', 3, otherGroupId);
      facilitator = new ApiClient(server.url);
      await facilitator.login('fasil.kricak', DEMO_PASSWORD);
      facilitatorEn = new ApiClient(server.url, { 'accept-language': 'en' });
      await facilitatorEn.login('fasil.kricak', DEMO_PASSWORD);
    });
    afterAll(async () => server.close());

    it("gives the facilitator their group's sheet: due this week, overdue and outstanding per member", async () => {
      const sheet = await facilitator.get('/api/v1/sync/bundle');
      expect(sheet.status).toBe(200);
      expect(sheet.body).toMatchObject({ asOf: '2026-03-10', dueUntil: '2026-03-17', generatedAt: '2026-03-10T03:00:00.000Z' });
      expect(sheet.body.groups).toHaveLength(1);
      const [group] = sheet.body.groups;
      expect(group).toMatchObject({ groupId, name: 'Kelompok Lapangan Karangwaru', villageCodes: ['34.71.02.1001'] });
      expect(group.members.map((m: { personId: string }) => m.personId).sort()).toEqual([...members].sort());
      expect(group.financings).toHaveLength(3);
      const first = group.financings.find((f: { financingId: string }) => f.financingId === financings[0]);
      // Instalment 1 (15 Feb) is overdue, instalment 2 (15 Mar) falls in the coming week.
      expect(first).toMatchObject({
        personId: members[0],
        productName: 'Modal usaha flat 10%',
        instalment: { n: 2, dueDate: '2026-03-15', amount: '1100000' },
        overdue: '1100000',
        lateCharges: '0',
        dueNow: '2200000',
        outstanding: '13200000',
      });
      expect(group.dueNow).toBe((2_200_000 + 2_200_000 + 2_100_000).toString());
      const later = await facilitator.get('/api/v1/sync/bundle?until=2026-03-14');
      expect(later.body.groups[0].financings.find((f: { financingId: string }) => f.financingId === financings[0])).toMatchObject({
        instalment: { n: 1 },
        dueNow: '1100000',
      });
    });

    it('counts late charges after a close of day', async () => {
      expect((await admin.post('/api/v1/financing/close-day', { date: '2026-03-09' })).status).toBe(200);
      const sheet = (await facilitator.get('/api/v1/sync/bundle')).body;
      const row = sheet.groups[0].financings.find((f: { financingId: string }) => f.financingId === financings[1]);
      const view = (await manager.get(`/api/v1/financings/${financings[1]}`)).body;
      const penalty = view.schedule.reduce((sum: bigint, i: { penalty?: string }) => sum + BigInt(i.penalty ?? '0'), 0n);
      expect(row.lateCharges).toBe(penalty.toString());
      expect(BigInt(row.dueNow)).toBe(2_200_000n + penalty);
      expect(BigInt(row.overdue)).toBe(1_100_000n + penalty);
      // The close of day's portfolio names the group and its facilitator.
      const byGroup = (await manager.get('/api/v1/financing/portfolio?by=group')).body.rows;
      expect(byGroup.find((r: { key: string }) => r.key === groupId)).toMatchObject({
        label: 'Kelompok Lapangan Karangwaru',
        financings: 3,
      });
      const byFacilitator = (await manager.get('/api/v1/financing/portfolio?by=facilitator')).body.rows;
      expect(byFacilitator.map((r: { label: string | null }) => r.label)).toContain('Sri Wahyuni');
    });

    it('scopes the sheet: a manager names a group; a facilitator gets only their own', async () => {
      expect((await manager.get('/api/v1/sync/bundle')).body.groups).toEqual([]);
      const named = await manager.get(`/api/v1/sync/bundle?group=${otherGroupId}`);
      expect(named.status).toBe(200);
      expect(named.body.groups[0]).toMatchObject({ groupId: otherGroupId, financings: [expect.objectContaining({ personId: outsider })] });
      expect((await facilitator.get(`/api/v1/sync/bundle?group=${otherGroupId}`)).status).toBe(404);
      expect((await facilitator.get(`/api/v1/sync/bundle?group=${groupId}`)).body.groups).toHaveLength(1);
      // The demo facilitator of Katapang sees their two KUBE groups, which have no financing.
      const demo = new ApiClient(server.url);
      await demo.login('pendamping', DEMO_PASSWORD);
      const theirs = (await demo.get('/api/v1/sync/bundle')).body.groups;
      expect(theirs.map((g: { name: string }) => g.name)).toEqual(['KUBE Mekar Sari', 'KUBE Sauyunan']);
      expect(theirs[0].members.length).toBeGreaterThan(0);
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.get('/api/v1/sync/bundle')).status).toBe(403);
      expect((await facilitator.get('/api/v1/sync/bundle?until=17-03-2026')).status).toBe(422);
    });

    it('applies a repayment once: the same sync sent again answers duplicate with the first result', async () => {
      const operation = { clientId: cid(1), kind: 'repayment', financingId: financings[0], amount: '1100000', paidOn: '2026-03-10' };
      const first = await sync(facilitator, [operation]);
      expect(first.status).toBe(200);
      expect(first.body.results).toEqual([
        {
          id: cid(1),
          status: 'applied',
          result: expect.objectContaining({
            financingId: financings[0],
            amount: '1100000',
            channel: 'group_meeting',
            paidOn: '2026-03-10',
          }),
        },
      ]);
      for (let i = 0; i < 2; i++) {
        const again = await sync(facilitator, [operation, operation]);
        expect(again.body.results).toEqual([
          { id: cid(1), status: 'duplicate', result: first.body.results[0].result },
          { id: cid(1), status: 'duplicate', result: first.body.results[0].result },
        ]);
      }
      const repayments = await repaymentsOf(financings[0] as string);
      expect(repayments).toHaveLength(1);
      expect(repayments[0]).toMatchObject({ amount: '1100000', channel: 'group_meeting', received_by: 'fasil.kricak' });
      expect(await repaymentEntries(financings[0] as string)).toHaveLength(1);
      const view = (await manager.get(`/api/v1/financings/${financings[0]}`)).body;
      expect(view.repayments).toHaveLength(1);
      expect(view.outstanding.total).toBe('12100000');
    });

    it('refuses an overpayment with a readable reason in Bahasa Indonesia and English; corrected, it is applied', async () => {
      const over = { clientId: cid(2), kind: 'repayment', financingId: financings[2], amount: '99000000', paidOn: '2026-03-10' };
      const id = (await sync(facilitator, [over])).body.results[0];
      expect(id).toEqual({
        id: cid(2),
        status: 'rejected',
        code: 'financing.overpayment',
        message: 'Jumlah melebihi sisa kewajiban (Rp6.300.000). Masukkan paling banyak sisa kewajiban.',
      });
      const en = (await sync(facilitatorEn, [over])).body.results[0];
      expect(en.message).toBe('The amount exceeds what is owed (Rp6.300.000). Enter at most what is owed.');
      expect(await repaymentsOf(financings[2] as string)).toHaveLength(0);
      // The worker edits the amount on the phone and sends the same operation again.
      const corrected = (await sync(facilitator, [{ ...over, amount: '1050000' }])).body.results[0];
      expect(corrected).toMatchObject({ id: cid(2), status: 'applied', result: { amount: '1050000' } });
      expect(await repaymentsOf(financings[2] as string)).toHaveLength(1);
    });

    it('goes on after a refusal: each operation of a mixed batch gets its own answer, in order', async () => {
      const before = await repaymentsOf(financings[1] as string);
      const batch = [
        { clientId: cid(10), kind: 'repayment', financingId: financings[1], amount: '500000000', paidOn: '2026-03-10' },
        {
          clientId: cid(11),
          kind: 'repayment',
          financingId: '01900000-0000-7000-8000-0000000000ff',
          amount: '100000',
          paidOn: '2026-03-10',
        },
        { clientId: cid(12), kind: 'repayment', financingId: financings[1], amount: '1100000', paidOn: '2026-03-10' },
        { clientId: cid(13), kind: 'repayment', financingId: financings[1], amount: '1.100.000', paidOn: '2026-03-10' },
        { clientId: cid(14), kind: 'meeting_minutes', householdId: members[0] },
        { clientId: cid(15), kind: 'attendance', groupId, heldOn: '2026-03-10', personIds: [members[0], members[2]] },
        { clientId: cid(16), kind: 'attendance', groupId, heldOn: '2026-03-10', personIds: [outsider] },
        { clientId: cid(17), kind: 'repayment', financingId: financings[1], amount: '50000', paidOn: '2026-01-01' },
      ];
      const response = await sync(facilitator, batch);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const results = response.body.results;
      expect(results.map((r: { status: string; code?: string }) => [r.status, r.code])).toEqual([
        ['rejected', 'financing.overpayment'],
        ['rejected', 'sync.financing_unknown'],
        ['applied', undefined],
        ['rejected', 'sync.payload_invalid'],
        ['rejected', 'sync.type_unknown'],
        ['applied', undefined],
        ['rejected', 'groups.attendee_not_member'],
        ['rejected', 'financing.paid_before_disbursement'],
      ]);
      expect(results[1].message).toContain('Pembiayaan ini tidak ditemukan');
      expect(results[3].message).toBe('Data catatan tidak lengkap atau salah: amount.');
      expect(results[4].message).toContain('"meeting_minutes"');
      expect(results[6].message).toBe('Peserta rapat harus anggota kelompok.');
      expect(results[5].result).toMatchObject({ heldOn: '2026-03-10', present: 2 });
      expect(await repaymentsOf(financings[1] as string)).toHaveLength(before.length + 1);

      // Sent again (say the connection dropped before the answer came): nothing new happens.
      const again = (await sync(facilitator, batch)).body.results;
      expect(again.map((r: { status: string }) => r.status)).toEqual([
        'rejected',
        'rejected',
        'duplicate',
        'rejected',
        'rejected',
        'duplicate',
        'rejected',
        'rejected',
      ]);
      expect(await repaymentsOf(financings[1] as string)).toHaveLength(before.length + 1);
      const meetings = (await manager.get(`/api/v1/groups/${groupId}/meetings`)).body.items;
      expect(meetings).toHaveLength(1);
      const present = meetings[0].attendance
        .filter((a: { present: boolean }) => a.present)
        .map((a: { personId: string }) => a.personId)
        .sort();
      expect(present).toEqual([members[0], members[2]].sort());
      expect(meetings[0].attendance).toHaveLength(members.length);

      // Attendance taken again the same day ("Semua hadir" after a latecomer): the day's meeting is edited, not doubled.
      const everyone = await sync(facilitator, [
        { clientId: cid(18), kind: 'attendance', groupId, heldOn: '2026-03-10', personIds: members },
      ]);
      expect(everyone.body.results[0]).toMatchObject({ status: 'applied', result: { meetingId: meetings[0].id, present: members.length } });
      const edited = (await manager.get(`/api/v1/groups/${groupId}/meetings`)).body.items;
      expect(edited).toHaveLength(1);
      expect(edited[0].attendance.filter((a: { present: boolean }) => a.present)).toHaveLength(members.length);
      // Another day is another meeting.
      const nextDay = await sync(facilitator, [
        { clientId: cid(19), kind: 'attendance', groupId, heldOn: '2026-03-09', personIds: [members[1]] },
      ]);
      expect(nextDay.body.results[0].status).toBe('applied');
      expect((await manager.get(`/api/v1/groups/${groupId}/meetings`)).body.items).toHaveLength(2);
    });

    it('checks the batch: at most 200 operations, each with an id; only field workers', async () => {
      const many = Array.from({ length: 201 }, (_, i) => ({
        clientId: cid(1000 + i),
        kind: 'repayment',
        financingId: financings[1],
        amount: '1',
        paidOn: '2026-03-10',
      }));
      expect((await sync(facilitator, many)).status).toBe(422);
      expect((await sync(facilitator, [{ kind: 'repayment' }])).status).toBe(422);
      expect((await sync(facilitator, [])).status).toBe(422);
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await sync(cashier, [many[0] as Record<string, unknown>])).status).toBe(403);
    });
  });
}
