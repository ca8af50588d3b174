import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// Friday 20 March 2026, 10:00 WIB. Four members borrowed 6.000.000 over 6 months on 15 January
// (1.050.000 due on the 15th of each month from February).
const TODAY = '2026-03-20';
const uuid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

for (const kind of testDatabaseKinds()) {
  describe(`health ↔ finance: status, members at risk, repayment comparison [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let cashier: ApiClient;
    let doctor: ApiClient;
    let facilitator: ApiClient;
    let otherFacilitator: ApiClient;
    let auditor: ApiClient;
    let groupId: string;
    /** m[0] ill since 3 March, nothing repaid; m[1] well again since 17 February (31 days), nothing repaid; m[2] ill until 25 March, paid to date; m[3] ill, nothing repaid, not in the group. */
    let m: string[];
    const financings: string[] = [];

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${TODAY}T03:00:00Z`)) });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      for (const username of ['fasil.kricak', 'fasil.lain'])
        expect(
          (
            await admin.post('/api/v1/users', {
              username,
              fullName: username,
              role: 'facilitator',
              password: DEMO_PASSWORD,
              officeCodes: ['YK01'],
            })
          ).status,
        ).toBe(201);
      const client = () => new ApiClient(server.url);
      [manager, cashier, doctor, facilitator, otherFacilitator, auditor] = [client(), client(), client(), client(), client(), client()];
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      await doctor.login('dokter', DEMO_PASSWORD);
      await facilitator.login('fasil.kricak', DEMO_PASSWORD);
      await otherFacilitator.login('fasil.lain', DEMO_PASSWORD);
      await auditor.login('auditor', DEMO_PASSWORD);
      m = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', '34.71.02.1001')
          .where('relation', '=', 'head')
          .orderBy('nik')
          .limit(4)
          .execute()
      ).map((p) => p.id);
      const group = await admin.post('/api/v1/groups', {
        kind: 'jkm',
        name: 'Kelompok Sehat Karangwaru',
        officeCode: 'YK01',
        villageCodes: ['34.71.02.1001'],
        facilitatorUsername: 'fasil.kricak',
        formedOn: '2026-01-02',
      });
      expect(group.status).toBe(201);
      groupId = group.body.id;
      for (const personId of m.slice(0, 3))
        expect((await admin.post(`/api/v1/groups/${groupId}/members`, { personId, joinedOn: '2026-01-02' })).status).toBe(201);
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
            code: 'DANA-SEHAT',
            name: 'Dana bergulir',
            kind: 'own_capital',
            source: 'Modal LKM',
            officeCode: 'YK01',
            initialCapital: '50000000',
            capitalDate: '2026-01-02',
          })
        ).status,
      ).toBe(201);
      for (const [i, personId] of m.entries()) {
        const applied = await admin.post('/api/v1/financings', {
          personId,
          productCode: 'FLAT10',
          fundCode: 'DANA-SEHAT',
          principal: '6000000',
          installments: 6,
          purpose: 'Modal warung',
          appliedOn: '2026-01-05',
          groupId: i < 3 ? groupId : undefined,
        });
        expect(applied.status).toBe(201);
        expect((await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
        expect(
          (await manager.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn: '2026-01-15', method: 'cash' })).status,
        ).toBe(200);
        financings.push(applied.body.id);
      }
      for (const [n, paidOn] of ['2026-02-15', '2026-03-15'].entries())
        expect(
          (
            await cashier.request(
              'POST',
              `/api/v1/financings/${financings[2]}/repayments`,
              { amount: '1050000', paidOn },
              { [IDEMPOTENCY_HEADER]: `pay-${n}` },
            )
          ).status,
        ).toBe(201);
      const db = server.database.db;
      await db
        .insertInto('illness_episode')
        .values([
          {
            id: uuid(1),
            person_id: m[0] as string,
            village_code: '34.71.02.1001',
            from_on: '2026-03-03',
            to_on: null,
            days_unable: null,
            recorded_by: null,
          },
          {
            id: uuid(2),
            person_id: m[1] as string,
            village_code: '34.71.02.1001',
            from_on: '2026-02-01',
            to_on: '2026-02-17',
            days_unable: 17,
            recorded_by: null,
          },
          {
            id: uuid(3),
            person_id: m[2] as string,
            village_code: '34.71.02.1001',
            from_on: '2026-03-10',
            to_on: '2026-03-25',
            days_unable: 16,
            recorded_by: null,
          },
          {
            id: uuid(4),
            person_id: m[3] as string,
            village_code: '34.71.02.1001',
            from_on: '2026-03-01',
            to_on: null,
            days_unable: null,
            recorded_by: null,
          },
        ])
        .execute();
      // m[0] was seen by the doctor on 10 February (under care from February): a diagnosis that must never leave.
      const office = await db.selectFrom('office').select('id').where('code', '=', 'YK01').executeTakeFirstOrThrow();
      const worker = await db.selectFrom('app_user').select('id').where('username', '=', 'dokter').executeTakeFirstOrThrow();
      await db
        .insertInto('health_encounter')
        .values({
          id: uuid(10),
          person_id: m[0] as string,
          village_code: '34.71.02.1001',
          office_id: office.id,
          worker_id: worker.id,
          profession: 'doctor',
          place: 'home',
          encountered_on: '2026-02-10',
          complaint: 'batuk berdahak tiga minggu',
          treatment: 'rujuk ke puskesmas',
        })
        .execute();
      await db
        .insertInto('encounter_diagnosis')
        .values({ encounter_id: uuid(10), code: 'A15.0', rank: 1 })
        .execute();
    });
    afterAll(async () => server.close());

    const noDiagnosis = (body: unknown) => {
      const text = JSON.stringify(body);
      for (const clinical of ['A15', 'batuk', 'puskesmas', 'complaint', 'diagnos']) expect(text).not.toContain(clinical);
    };

    it('tells any reader whether a member can work, never why; unknown ids are simply absent', async () => {
      const asked = [...m, uuid(99)].join(',');
      const response = await cashier.get(`/api/v1/health/status?persons=${asked}`);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        { personId: m[0], status: 'ill', unableFrom: '2026-03-03', unableUntil: null },
        { personId: m[2], status: 'ill', unableFrom: '2026-03-10', unableUntil: '2026-03-25' },
        { personId: m[3], status: 'ill', unableFrom: '2026-03-01', unableUntil: null },
      ]);
      noDiagnosis(response.body);
    });

    it('leaves out members outside the reader’s offices', async () => {
      // The demo facilitator works in BD01 only.
      const bandung = new ApiClient(server.url);
      await bandung.login('pendamping', DEMO_PASSWORD);
      const response = await bandung.get(`/api/v1/health/status?persons=${m.join(',')}`);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });

    it('refuses junk and too many members with a 422', async () => {
      expect((await cashier.get('/api/v1/health/status?persons=abc')).status).toBe(422);
      expect((await cashier.get('/api/v1/health/status?persons=')).status).toBe(422);
      const many = Array.from({ length: 201 }, (_, i) => uuid(1000 + i)).join(',');
      expect((await cashier.get(`/api/v1/health/status?persons=${many}`)).status).toBe(422);
    });

    it('lists members at risk: ill in the last 30 days and overdue or due within 14 days', async () => {
      const response = await doctor.get('/api/v1/health/at-risk?office=YK01');
      expect(response.status).toBe(200);
      // m[1] well again 31 days ago and m[2] next due in 26 days are left out.
      expect(response.body.items.map((i: { personId: string }) => i.personId).sort()).toEqual([m[0], m[3]].sort());
      const first = response.body.items.find((i: { personId: string }) => i.personId === m[0]);
      expect(first).toMatchObject({
        financingId: financings[0],
        villageCode: '34.71.02.1001',
        groupId,
        groupName: 'Kelompok Sehat Karangwaru',
        status: 'ill',
        unableFrom: '2026-03-03',
        unableUntil: null,
        nextDueOn: null,
        nextDueAmount: '0',
        overdueAmount: '2100000',
        daysPastDue: 33,
      });
      expect(response.body.totals).toEqual({ members: 2, financings: 2, overdueAmount: '4200000', dueWithin14Days: '0' });
      noDiagnosis(response.body);
    });

    it('shows a facilitator only the members of the groups they facilitate', async () => {
      const own = await facilitator.get('/api/v1/health/at-risk?office=YK01');
      expect(own.status).toBe(200);
      expect(own.body.items.map((i: { personId: string }) => i.personId)).toEqual([m[0]]);
      const other = await otherFacilitator.get('/api/v1/health/at-risk');
      expect(other.status).toBe(200);
      expect(other.body.items).toEqual([]);
    });

    it('answers an office out of scope like an unknown one, and keeps the list from a cashier', async () => {
      expect((await doctor.get('/api/v1/health/at-risk?office=BD01')).status).toBe(404);
      expect((await doctor.get('/api/v1/health/at-risk?office=NOPE')).status).toBe(404);
      expect((await cashier.get('/api/v1/health/at-risk?office=YK01')).status).toBe(403);
      expect((await auditor.get('/api/v1/health/at-risk?office=YK01')).status).toBe(403);
    });

    it('compares repayment of members under care with the others, month by month, with exact figures', async () => {
      const response = await manager.get('/api/v1/health/repayment-comparison?from=2026-01&to=2026-03');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2026-01',
        to: '2026-03',
        asOf: TODAY,
        // m[0]: two instalments due, neither paid; 33 days past due on 20 March.
        underCare: { members: 1, onTimeRate: '0.000', par30: '1.000', meanDaysPastDue: '33.0' },
        // m[1], m[2], m[3]: six due, m[2]'s two on time; 12.000.000 of 16.000.000 outstanding 30+ days past due.
        others: { members: 3, onTimeRate: '0.333', par30: '0.750', meanDaysPastDue: '22.0' },
        months: [
          {
            month: '2026-01',
            underCare: { members: 0, onTimeRate: null, par30: null, meanDaysPastDue: null },
            others: { members: 4, onTimeRate: null, par30: '0.000', meanDaysPastDue: '0.0' },
          },
          {
            month: '2026-02',
            underCare: { members: 1, onTimeRate: '0.000', par30: '0.000', meanDaysPastDue: '13.0' },
            others: { members: 3, onTimeRate: '0.333', par30: '0.000', meanDaysPastDue: '8.7' },
          },
          {
            month: '2026-03',
            underCare: { members: 1, onTimeRate: '0.000', par30: '1.000', meanDaysPastDue: '33.0' },
            others: { members: 3, onTimeRate: '0.333', par30: '0.750', meanDaysPastDue: '22.0' },
          },
        ],
      });
      noDiagnosis(response.body);
    });

    it('limits the comparison to the actor’s offices and to aggregate readers', async () => {
      const bandung = new ApiClient(server.url);
      await bandung.login('pendamping', DEMO_PASSWORD);
      expect((await bandung.get('/api/v1/health/repayment-comparison?from=2026-01&to=2026-03')).status).toBe(403);
      expect((await cashier.get('/api/v1/health/repayment-comparison?from=2026-01&to=2026-03')).status).toBe(403);
      const audited = await auditor.get('/api/v1/health/repayment-comparison?from=2026-03&to=2026-03');
      expect(audited.status).toBe(200);
      expect(audited.body.underCare.members + audited.body.others.members).toBe(4);
    });

    it('refuses a reversed or too long range', async () => {
      expect((await manager.get('/api/v1/health/repayment-comparison?from=2026-03&to=2026-01')).status).toBe(422);
      expect((await manager.get('/api/v1/health/repayment-comparison?from=2023-01&to=2026-01')).status).toBe(422);
      expect((await manager.get('/api/v1/health/repayment-comparison?from=2023-02&to=2026-01')).status).toBe(200);
      expect((await manager.get('/api/v1/health/repayment-comparison?from=2026-13&to=2026-14')).status).toBe(422);
    });

    it('exports the comparison as PDF and Excel', async () => {
      const pdf = await fetch(`${server.url}/api/v1/health/repayment-comparison.pdf?from=2026-01&to=2026-03`, {
        headers: { cookie: manager.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain('0.750');
      expect(text).toContain('Dalam pelayanan');
      const xlsx = await fetch(`${server.url}/api/v1/health/repayment-comparison.xlsx?from=2026-01&to=2026-03`, {
        headers: { cookie: manager.cookie ?? '' },
      });
      expect(xlsx.status).toBe(200);
      const bytes = Buffer.from(await xlsx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    });

    it('carries each member’s illness on the collection sheet', async () => {
      const bundle = await manager.get(`/api/v1/sync/bundle?group=${groupId}`);
      expect(bundle.status).toBe(200);
      const rows = bundle.body.groups[0].financings as { personId: string; illness: unknown }[];
      expect(Object.fromEntries(rows.map((r) => [r.personId, r.illness]))).toEqual({
        [m[0] as string]: { status: 'ill', unableFrom: '2026-03-03', unableUntil: null },
        [m[1] as string]: null,
        [m[2] as string]: { status: 'ill', unableFrom: '2026-03-10', unableUntil: '2026-03-25' },
      });
      noDiagnosis(bundle.body.groups);
    });
  });
}
