import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemoCadres } from '../demo/index.ts';

// Sunday 15 March 2026: a Rp 6,000,000 flat 10% financing over 6 months disbursed 15 January, so
// instalment 1 (15 February, Rp 1,050,000) is a month late and instalment 2 falls due today.
const TODAY = '2026-03-15';
type Event = { on: string; kind: string; label: string | null; amount: string | null };

for (const kind of testDatabaseKinds()) {
  describe(`one view of a person and a family: groups, visits, timeline, totals owed, members' flags [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    let member: { id: string; household_id: string; group_id: string; group_name: string };
    let financingId = '';
    let financingNumber = '';
    let bandung: { household_id: string; person_id: string };

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${TODAY}T02:00:00Z`)) });
      await fillDemoCadres(systemTestContext(server.database, fixedClock(new Date(`${TODAY}T02:00:00Z`))));
      for (const username of ['kasir', 'manajer', 'pembina', 'dokter', 'admin', 'kader', 'pendamping', 'lurah']) {
        clients[username] = new ApiClient(server.url);
        await clients[username].login(username, DEMO_PASSWORD);
      }
      const db = server.database.db;
      member = await db
        .selectFrom('group_member as m')
        .innerJoin('business_group as g', 'g.id', 'm.group_id')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select(['p.id', 'p.household_id', 'g.id as group_id', 'g.name as group_name'])
        .where('g.region_code', 'like', '34.71.%')
        .where('m.left_on', 'is', null)
        .orderBy('p.nik')
        .executeTakeFirstOrThrow();
      const manager = clients.manajer as ApiClient;
      const cashier = clients.kasir as ApiClient;
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      expect((await manager.post('/api/v1/funds', YOGYA_FUND)).status).toBe(201);
      const applied = await cashier.post('/api/v1/financings', {
        personId: member.id,
        productCode: 'FLAT10D',
        fundCode: 'DANA-YK',
        principal: '6000000',
        installments: 6,
        purpose: 'Modal usaha',
        appliedOn: '2026-01-05',
      });
      expect(applied.status).toBe(201);
      financingId = applied.body.id;
      financingNumber = applied.body.number;
      expect((await manager.post(`/api/v1/financings/${financingId}/approve`, {})).status).toBe(200);
      expect(
        (await cashier.post(`/api/v1/financings/${financingId}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' })).status,
      ).toBe(200);
      expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '0' })).status).toBe(201);
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${financingId}/repayments`,
        { amount: '300000', channel: 'counter' },
        { [IDEMPOTENCY_HEADER]: 'timeline-part' },
      );
      expect(paid.status).toBe(201);
      // The Katapang family the demo cadre visited, paid through December 2025, so January and February are in arrears.
      bandung = await db
        .selectFrom('cadre_visit as v')
        .innerJoin('person as p', (j) => j.onRef('p.household_id', '=', 'v.household_id').on('p.relation', '=', 'head'))
        .select(['v.household_id', 'p.id as person_id'])
        .executeTakeFirstOrThrow();
    }, 300_000);
    afterAll(async () => server.close());

    it("lists a person's groups with how they belong; an out-of-scope person answers like an unknown one", async () => {
      const { status, body } = await (clients.kasir as ApiClient).get(`/api/v1/persons/${member.id}/groups`);
      expect(status).toBe(200);
      expect(body.items).toContainEqual(
        expect.objectContaining({ groupId: member.group_id, name: member.group_name, through: 'self', leftOn: null }),
      );
      const outside = await (clients.kasir as ApiClient).get(`/api/v1/persons/${bandung.person_id}/groups`);
      const unknown = await (clients.kasir as ApiClient).get('/api/v1/persons/01930000-0000-7000-8000-000000000000/groups');
      expect([outside.status, unknown.status]).toEqual([404, 404]);
      expect(outside.body.code).toBe(unknown.body.code);
    });

    it('totals what the member owes: Rp 750,000 overdue after Rp 300,000 paid, Rp 6,000,000 still owed', async () => {
      const { status, body } = await (clients.kasir as ApiClient).get(`/api/v1/persons/${member.id}/timeline`);
      expect(status).toBe(200);
      expect(body.asOf).toBe(TODAY);
      expect(body.totals.financing).toEqual({ running: 1, overdue: '750000', owed: '6000000' });
      // A cashier reads no JKN: that part is left out, not shown as zero.
      expect(body.totals.jkn).toBeNull();
      const financing = (body.events as Event[]).filter((e) => e.label === financingNumber);
      expect(financing.map((e) => [e.on, e.kind, e.amount])).toEqual([
        [TODAY, 'financing_approved', null],
        [TODAY, 'financing_repaid', '300000'],
        ['2026-01-15', 'financing_disbursed', '6000000'],
        ['2026-01-05', 'financing_applied', '6000000'],
      ]);
      expect((body.events as Event[]).map((e) => e.kind)).toContain('group_joined');
      expect((body.events as Event[]).map((e) => e.kind)).toContain('registered');
    });

    it('gives no financing to a health worker, and audits their read of the health records (clinical reads only for health roles)', async () => {
      const db = server.database.db;
      const reads = () =>
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'health.read')
          .where('entity_id', '=', member.id)
          .executeTakeFirstOrThrow();
      const before = Number((await reads()).n);
      const doctor = await (clients.dokter as ApiClient).get(`/api/v1/persons/${member.id}/timeline`);
      expect(doctor.status).toBe(200);
      expect(doctor.body.totals.financing).toBeNull();
      expect((doctor.body.events as Event[]).some((e) => e.kind.startsWith('financing_'))).toBe(false);
      expect(Number((await reads()).n)).toBe(before + 1);
      await (clients.kasir as ApiClient).get(`/api/v1/persons/${member.id}/timeline`);
      expect(Number((await reads()).n)).toBe(before + 1);
    });

    it("shows the family's JKN arrears (2 months, Rp 70,000: paid through December) and the cadre's visit with its outcome", async () => {
      const { status, body } = await (clients.admin as ApiClient).get(`/api/v1/persons/${bandung.person_id}/timeline`);
      expect(status).toBe(200);
      expect(body.totals.jkn).toEqual({ status: 'inactive', arrearsMonths: 2, arrearsAmount: '70000' });
      expect(body.events).toContainEqual(
        expect.objectContaining({ on: '2026-03-05', kind: 'cadre_visit', label: 'Berjanji membayar tunggakan setelah panen' }),
      );
      const visits = await (clients.kader as ApiClient).get(`/api/v1/households/${bandung.household_id}/visits`);
      expect(visits.status).toBe(200);
      expect(visits.body.items).toEqual([
        expect.objectContaining({ visitedOn: '2026-03-05', kind: 'reminder', outcome: 'Berjanji membayar tunggakan setelah panen' }),
      ]);
      expect(visits.body.items[0].cadreName).toBeTruthy();
      // A facilitator does not read JKN visits: 403; a Yogyakarta manager does not see a Bandung family: 404.
      expect((await (clients.pendamping as ApiClient).get(`/api/v1/households/${bandung.household_id}/visits`)).status).toBe(403);
      expect((await (clients.manajer as ApiClient).get(`/api/v1/households/${bandung.household_id}/visits`)).status).toBe(404);
    });

    it("a family's overview: address, phone and each member's flags (financing arrears, JKN card)", async () => {
      const yogya = await (clients.kasir as ApiClient).get(`/api/v1/households/${member.household_id}/overview`);
      expect(yogya.status).toBe(200);
      expect(yogya.body.parts).toEqual({ financing: true, jkn: false, aid: false });
      const flagged = yogya.body.members.find((m: { personId: string }) => m.personId === member.id);
      expect(flagged.financing).toEqual({ running: 1, overdue: '750000', daysPastDue: 28 });
      expect(flagged.jkn).toBeNull();
      expect(yogya.body.totals).toEqual({ financingOverdue: '750000', membersInArrears: 1 });
      const katapang = await (clients.admin as ApiClient).get(`/api/v1/households/${bandung.household_id}/overview`);
      const head = katapang.body.members.find((m: { personId: string }) => m.personId === bandung.person_id);
      expect(head.jkn).toEqual({ segment: 'PBPU', jknClass: 'III', status: 'inactive' });
      expect(head.financing).toBeNull();
      expect((await (clients.kasir as ApiClient).get(`/api/v1/households/${bandung.household_id}/overview`)).status).toBe(404);
      expect((await (clients.lurah as ApiClient).get(`/api/v1/households/${member.household_id}/overview`)).status).toBe(403);
    });
  });
}
