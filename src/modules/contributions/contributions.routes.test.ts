import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`JKN contributions collected by a cadre, cash held, deposits, visits, worklist, performance [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cadreId: string;
    let family: string;
    let behind: string;
    const key = (k: string) => ({ [IDEMPOTENCY_HEADER]: k });

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const db = server.database.db;
      const heads = await db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(3)
        .execute();
      const cadre = await manager.post('/api/v1/cadres', {
        personId: heads[0]?.id,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: '7/ST/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang',
        validUntil: '2027-01-04',
        villageCodes: ['34.71.01.1001'],
      });
      expect(cadre.status).toBe(201);
      cadreId = cadre.body.id;
      family = heads[1]?.household_id as string;
      behind = heads[2]?.household_id as string;
      for (const household of [family, behind])
        await db.insertInto('cadre_family').values({ household_id: household, cadre_id: cadreId, assigned_by: 'test' }).execute();
      const members = await db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('household_id', 'in', [family, behind])
        .orderBy('nik')
        .execute();
      let card = 1_000_000_000_000;
      const familyMembers = members.filter((m) => m.household_id === family).slice(0, 2);
      const behindMember = members.find((m) => m.household_id === behind);
      for (const [person, jknClass] of [...familyMembers.map((m) => [m.id, 'III'] as const), [behindMember?.id as string, 'II'] as const])
        await db
          .insertInto('jkn_participant')
          .values({
            person_id: person,
            card_number: String(card++),
            segment: 'PBPU',
            jkn_class: jknClass,
            status: 'active',
            status_recorded_on: '2026-01-01',
          })
          .execute();
      await manager.request('PUT', `/api/v1/households/${behind}/jkn-account`, { paidThrough: '2025-06' });
    });
    afterAll(async () => server.close());

    it('refuses to collect until the paid-through month is recorded, which only admins, managers and cadres may do', async () => {
      expect((await manager.get(`/api/v1/households/${family}/jkn-dues`)).body).toMatchObject({
        persons: 2,
        paidThrough: null,
        quote: null,
      });
      const refused = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: family, months: 1, amount: '70000' },
        key('c-unknown'),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('contributions.paid_through_unknown');
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect((await supervisor.request('PUT', `/api/v1/households/${family}/jkn-account`, { paidThrough: '2025-12' })).status).toBe(403);
      const malformed = await manager.request('PUT', `/api/v1/households/${family}/jkn-account`, { paidThrough: '2025-13' });
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['paidThrough']);
      expect((await supervisor.get(`/api/v1/households/${family}/jkn-dues`)).body.paidThrough).toBeNull();
    });

    it('plans REHAB instalments for a family 4–24 months behind: on its dues and on the worklist', async () => {
      // Class II, one person, paid through June 2025: July 2025 – February 2026 unpaid, 8 × Rp100.000.
      const dues = (await manager.get(`/api/v1/households/${behind}/jkn-dues`)).body;
      expect(dues.quote).toMatchObject({ arrearsMonths: 8, arrearsAmount: 800000, rehabEligible: true });
      expect(dues.rehab).toEqual({
        instalments: 8,
        total: '800000',
        firstMonth: '2025-07',
        lastMonth: '2026-02',
        monthlyDue: '100000',
        parts: [{ count: 8, months: 1, amount: '100000' }],
      });
      const list = (await manager.get(`/api/v1/cadres/${cadreId}/worklist`)).body.items;
      expect(list.find((f: { householdId: string }) => f.householdId === behind).rehab).toEqual(dues.rehab);
      expect(list.find((f: { householdId: string }) => f.householdId === family)).not.toHaveProperty('rehab');
      // 20 months behind (July 2024 – February 2026): 12 instalments, 8 of two months first, then 4 of one.
      await manager.request('PUT', `/api/v1/households/${behind}/jkn-account`, { paidThrough: '2024-06' });
      expect((await manager.get(`/api/v1/households/${behind}/jkn-dues`)).body.rehab).toMatchObject({
        instalments: 12,
        total: '2000000',
        firstMonth: '2024-07',
        parts: [
          { count: 8, months: 2, amount: '200000' },
          { count: 4, months: 1, amount: '100000' },
        ],
      });
      await manager.request('PUT', `/api/v1/households/${behind}/jkn-account`, { paidThrough: '2025-06' });
    });

    it('shows what a family owes, collects exactly those months once, and prints the receipt', async () => {
      const dues = await manager.request('PUT', `/api/v1/households/${family}/jkn-account`, { paidThrough: '2025-12' });
      expect(dues.body).toMatchObject({ persons: 2, jknClass: 'III', paidThrough: '2025-12' });
      expect(dues.body.quote).toMatchObject({
        status: 'inactive',
        arrearsMonths: 2,
        arrearsAmount: 140000,
        currentMonthAmount: 70000,
        reactivationTotal: 210000,
        rehabEligible: false,
      });
      expect(dues.body.rehab).toBeNull();

      const wrong = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: family, months: 3, amount: '200000' },
        key('c-0'),
      );
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'amount', code: 'contributions.amount_wrong' });
      expect(wrong.body.errors[0].message).toBe('Iuran 3 bulan mulai Januari 2026 adalah Rp210.000; periksa jumlah yang diterima.');
      const english = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: family, months: 3, amount: '200000' },
        { ...key('c-0-en'), 'accept-language': 'en' },
      );
      expect(english.body.errors[0].message).toBe('Contributions for 3 months from January 2026 are Rp210.000; check the amount received.');

      const paid = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: family, months: 3, amount: '210000' },
        key('c-1'),
      );
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({
        firstMonth: '2026-01',
        lastMonth: '2026-03',
        amount: '210000',
        amountInWords: 'dua ratus sepuluh ribu rupiah',
        paidOn: '2026-03-10',
      });
      const replay = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: family, months: 3, amount: '210000' },
        key('c-1'),
      );
      expect(replay.body).toEqual(paid.body);
      expect((await manager.get(`/api/v1/households/${family}/jkn-dues`)).body.quote).toMatchObject({ status: 'active', arrearsMonths: 0 });

      const receipt = await fetch(`${server.url}${paid.body.receiptPath}`, { headers: { cookie: manager.cookie ?? '' } });
      expect(receipt.status).toBe(200);
      expect(receipt.headers.get('content-type')).toBe('application/pdf');
      expect(pdfText(Buffer.from(await receipt.arrayBuffer()))).toContain('Iuran JKN-KIS 3 bulan (Januari 2026 s.d. Maret 2026)');

      const head = await server.database.db
        .selectFrom('person')
        .select('full_name')
        .where('household_id', '=', family)
        .where('relation', '=', 'head')
        .executeTakeFirstOrThrow();
      const collections = await manager.get(`/api/v1/cadres/${cadreId}/contributions`);
      expect(collections.body.items).toEqual([
        {
          id: paid.body.id,
          receiptNumber: paid.body.receiptNumber,
          householdId: family,
          headName: head.full_name,
          firstMonth: '2026-01',
          lastMonth: '2026-03',
          months: 3,
          amount: '210000',
          paidOn: '2026-03-10',
          receivedBy: paid.body.receivedBy,
          receiptPath: paid.body.receiptPath,
        },
      ]);
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await facilitator.get(`/api/v1/cadres/${cadreId}/contributions`)).status).toBe(403);
    });

    it('knows how much cash the cadre holds and since when, flags it when held too long, and settles it by deposit', async () => {
      expect((await manager.get(`/api/v1/cadres/${cadreId}/cash`)).body).toMatchObject({
        held: '210000',
        since: '2026-03-10',
        daysHeld: 0,
        flagged: false,
      });
      expect((await manager.get(`/api/v1/cadres/${cadreId}/cash?asOf=2026-03-15`)).body).toMatchObject({ daysHeld: 5, flagged: true });
      const tooMuch = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/deposits`,
        { amount: '300000', channel: 'bank', reference: 'BRI 001' },
        key('d-0'),
      );
      expect(tooMuch.status).toBe(409);
      const deposit = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/deposits`,
        { amount: '210000', channel: 'bank', reference: 'BRI 001' },
        key('d-1'),
      );
      expect(deposit.body).toMatchObject({ heldAfter: '0' });
      expect((await manager.get(`/api/v1/cadres/${cadreId}/cash`)).body).toMatchObject({ held: '0', since: null, flagged: false });
      expect((await manager.get(`/api/v1/cadres/${cadreId}/deposits`)).body.items).toEqual([
        expect.objectContaining({
          amount: '210000',
          depositedOn: '2026-03-10',
          channel: 'bank',
          reference: 'BRI 001',
          recordedBy: 'manajer',
        }),
      ]);
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      expect(trial.debit).toBe(trial.credit);
      expect(trial.accounts.find((a: { code: string }) => a.code === '1.1.03')).toMatchObject({ debit: '0', credit: '0' });
    });

    it('records visits to its own families only, and puts the family most in arrears first on the worklist', async () => {
      const visit = await manager.post(`/api/v1/cadres/${cadreId}/visits`, {
        householdId: family,
        kind: 'reminder',
        outcome: 'Bersedia membayar bulan depan',
      });
      expect(visit.status).toBe(201);
      // Sent twice with one key (a weak connection): recorded once.
      const body = { householdId: family, kind: 'socialisation', outcome: 'Dijelaskan manfaat JKN' };
      const first = await manager.request('POST', `/api/v1/cadres/${cadreId}/visits`, body, key('v-1'));
      const again = await manager.request('POST', `/api/v1/cadres/${cadreId}/visits`, body, key('v-1'));
      expect(again.body.id).toBe(first.body.id);
      const visits = await server.database.db.selectFrom('cadre_visit').select('id').where('kind', '=', 'socialisation').execute();
      expect(visits).toHaveLength(1);
      const stranger = await server.database.db
        .selectFrom('household')
        .select('id')
        .where('village_code', '=', '34.71.01.1002')
        .executeTakeFirstOrThrow();
      expect(
        (await manager.post(`/api/v1/cadres/${cadreId}/visits`, { householdId: stranger.id, kind: 'reminder', outcome: 'x' })).status,
      ).toBe(409);
      const list = (await manager.get(`/api/v1/cadres/${cadreId}/worklist`)).body.items;
      expect(list.map((f: { householdId: string }) => f.householdId)).toEqual([behind, family]);
      expect(list[0]).toMatchObject({ arrearsMonths: 8, lastVisitOn: null });
      expect(list[1]).toMatchObject({ arrearsMonths: 0, lastVisitOn: '2026-03-10', daysSinceVisit: 0 });
    });

    it('sums up the cadre’s month with the incentive', async () => {
      const month = (await manager.get(`/api/v1/cadres/${cadreId}/performance?month=2026-03`)).body;
      // Due in March: 2 × Rp35.000 (class III) + 1 × Rp100.000 (class II). Arrears collected: Jan and Feb of the 3 months paid.
      expect(month).toMatchObject({
        familiesAssigned: 2,
        familiesVisited: 1,
        payments: 1,
        collected: '210000',
        due: '170000',
        collectabilityPercent: '123.53',
        arrearsCollected: '140000',
        incentive: '35000',
        cashHeld: '0',
        deposits: 1,
        depositsOnTime: 1,
      });
      expect((await manager.get(`/api/v1/cadres/${cadreId}/performance?month=2026-02`)).body).toMatchObject({
        deposits: 0,
        depositsOnTime: 0,
        collected: '0',
      });
    });

    it('follows the collection rules the admin sets: the incentive rule and the days cash may be held', async () => {
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      expect((await manager.get('/api/v1/contributions/settings')).body).toEqual({
        cashHoldingLimitDays: 3,
        incentiveRule: { kind: 'share_of_arrears', percent: 25 },
      });
      const rules = { cashHoldingLimitDays: 1, incentiveRule: { kind: 'fees', perParticipant: 2500, perRecruit: 10000 } };
      expect((await manager.request('PUT', '/api/v1/contributions/settings', rules)).status).toBe(403);
      const bad = await admin.request('PUT', '/api/v1/contributions/settings', {
        ...rules,
        incentiveRule: { kind: 'fees', perParticipant: -1 },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['incentiveRule.perParticipant', 'incentiveRule.perRecruit']),
      );
      // An emptied field sent as 0 days (or no field at all) is refused, not stored.
      for (const days of [0, undefined]) {
        const noDays = await admin.request('PUT', '/api/v1/contributions/settings', { ...rules, cashHoldingLimitDays: days });
        expect(noDays.status).toBe(422);
        expect(noDays.body.errors.map((e: { field: string }) => e.field)).toEqual(['cashHoldingLimitDays']);
      }
      expect((await admin.request('PUT', '/api/v1/contributions/settings', rules)).body).toEqual(rules);
      // One payment in March, no recruits: 1 × Rp2.500.
      expect((await manager.get(`/api/v1/cadres/${cadreId}/performance?month=2026-03`)).body).toMatchObject({
        incentiveRule: rules.incentiveRule,
        incentive: '2500',
      });
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('action', '=', 'contributions.settings')
        .executeTakeFirstOrThrow();
      expect(audit.after).toEqual(rules);
      await admin.request('PUT', '/api/v1/contributions/settings', {
        cashHoldingLimitDays: 3,
        incentiveRule: { kind: 'share_of_arrears', percent: 25 },
      });
    });

    it('bills a family more than 24 months behind for the latest 24 and the current month: paying that reactivates', async () => {
      await manager.request('PUT', `/api/v1/households/${behind}/jkn-account`, { paidThrough: '2023-08' });
      const dues = (await manager.get(`/api/v1/households/${behind}/jkn-dues`)).body;
      // Class II, one person: 30 months behind, 24 billed + March = 25 × Rp100.000.
      expect(dues.quote).toMatchObject({ arrearsMonths: 30, billedArrearsMonths: 24, reactivationTotal: 2_500_000 });
      const wrong = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: behind, months: 25, amount: '3100000' },
        key('old-1'),
      );
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0].message).toContain('mulai Maret 2024');
      const paid = await manager.request(
        'POST',
        `/api/v1/cadres/${cadreId}/contributions`,
        { householdId: behind, months: 25, amount: '2500000' },
        key('old-2'),
      );
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ firstMonth: '2024-03', lastMonth: '2026-03', amount: '2500000' });
      const after = (await manager.get(`/api/v1/households/${behind}/jkn-dues`)).body;
      expect(after.paidThrough).toBe('2026-03');
      expect(after.quote).toMatchObject({ status: 'active', arrearsMonths: 0 });
    });
  });
}
