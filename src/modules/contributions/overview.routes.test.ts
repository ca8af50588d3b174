import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres } from '../demo/index.ts';

type Item = {
  cadreId: string;
  name: string;
  caseload: number;
  cashHeld: string;
  cashSince: string | null;
  daysHeld: number;
  cashFlagged: boolean;
  collected: string;
  due: string;
  collectabilityPercent: string;
};

for (const kind of testDatabaseKinds()) {
  describe(`the manager's overview across cadres: caseload, cash held, the month's collection [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let busy: string;
    let quiet: string;
    const key = (k: string) => ({ [IDEMPOTENCY_HEADER]: k });

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      await fillDemoCadres(systemTestContext(server.database, clock));
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const db = server.database.db;
      const heads = await db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(5)
        .execute();
      const register = async (person: string, letter: string) => {
        const response = await manager.post('/api/v1/cadres', {
          personId: person,
          officeCode: 'YK01',
          phone: '081234567890',
          letterNumber: letter,
          letterDate: '2026-01-05',
          signedBy: 'Kepala Cabang',
          validUntil: '2027-01-04',
          villageCodes: ['34.71.01.1001'],
        });
        expect(response.status).toBe(201);
        return response.body.id as string;
      };
      const [h0, h1, h2, h3, h4] = heads as [(typeof heads)[0], (typeof heads)[0], (typeof heads)[0], (typeof heads)[0], (typeof heads)[0]];
      busy = await register(h0.id, '1/ST/2026');
      quiet = await register(h1.id, '2/ST/2026');
      expect((await manager.post(`/api/v1/cadres/${busy}/families`, { householdIds: [h2.household_id, h3.household_id] })).status).toBe(
        200,
      );
      expect((await manager.post(`/api/v1/cadres/${quiet}/families`, { householdIds: [h4.household_id] })).status).toBe(200);
      // Busy cadre: a class III family of two and a class II family of one; quiet cadre: one class III person, up to date.
      let card = 2_000_000_000_000;
      const participant = async (householdId: string, jknClass: 'II' | 'III', count: number) => {
        const members = await db
          .selectFrom('person')
          .select('id')
          .where('household_id', '=', householdId)
          .orderBy('nik')
          .limit(count)
          .execute();
        for (const m of members)
          await db
            .insertInto('jkn_participant')
            .values({
              person_id: m.id,
              card_number: String(card++),
              segment: 'PBPU',
              jkn_class: jknClass,
              status: 'active',
              status_recorded_on: '2026-01-01',
            })
            .execute();
      };
      await participant(h2.household_id, 'III', 2);
      await participant(h3.household_id, 'II', 1);
      await participant(h4.household_id, 'III', 1);
      await manager.request('PUT', `/api/v1/households/${h2.household_id}/jkn-account`, { paidThrough: '2025-12' });
      await manager.request('PUT', `/api/v1/households/${h3.household_id}/jkn-account`, { paidThrough: '2026-01' });
      await manager.request('PUT', `/api/v1/households/${h4.household_id}/jkn-account`, { paidThrough: '2026-02' });
      const collect = async (householdId: string, months: number, amount: string, paidOn: string) =>
        expect(
          (
            await manager.request(
              'POST',
              `/api/v1/cadres/${busy}/contributions`,
              { householdId, months, amount, paidOn },
              key(`ov-${householdId}-${paidOn}`),
            )
          ).status,
        ).toBe(201);
      await collect(h2.household_id, 3, '210000', '2026-03-02');
      await collect(h3.household_id, 1, '100000', '2026-03-09');
      const deposit = await manager.request(
        'POST',
        `/api/v1/cadres/${busy}/deposits`,
        { amount: '150000', channel: 'bank', reference: 'BRI 1', depositedOn: '2026-03-09' },
        key('ov-deposit-1'),
      );
      expect(deposit.status).toBe(201);
    });
    afterAll(async () => server.close());

    /** Each item says what the cadre's own cash and month pages say. */
    async function expectAsPerCadre(client: ApiClient, items: Item[], month: string) {
      for (const item of items) {
        const [cash, perf] = await Promise.all([
          client.get(`/api/v1/cadres/${item.cadreId}/cash`),
          client.get(`/api/v1/cadres/${item.cadreId}/performance?month=${month}`),
        ]);
        expect(item).toMatchObject({
          caseload: perf.body.familiesAssigned,
          cashHeld: cash.body.held,
          cashSince: cash.body.since,
          daysHeld: cash.body.daysHeld,
          cashFlagged: cash.body.flagged,
          collected: perf.body.collected,
          due: perf.body.due,
          collectabilityPercent: perf.body.collectabilityPercent,
        });
      }
    }

    it('puts the cadre holding cash too long first, with caseload, cash since when and the month collected against due', async () => {
      const response = await manager.get('/api/v1/cadres/overview');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ month: '2026-03', asOf: '2026-03-10', caseloadCap: 500, cashHoldingLimitDays: 3 });
      const items = response.body.items as Item[];
      // The manager's office only: not the demo cadre of Bandung.
      expect(items.map((i) => i.cadreId)).toEqual([busy, quiet]);
      // Collected Rp310.000 (Rp210.000 on 2 March, Rp100.000 on 9 March), Rp150.000 deposited: the 2 March cash is still held, 8 days.
      // Due in March: 2 × Rp35.000 + 1 × Rp100.000.
      expect(items[0]).toMatchObject({
        caseload: 2,
        cashHeld: '160000',
        cashSince: '2026-03-02',
        daysHeld: 8,
        cashFlagged: true,
        collected: '310000',
        due: '170000',
        collectabilityPercent: '182.35',
      });
      expect(items[1]).toMatchObject({
        caseload: 1,
        cashHeld: '0',
        cashSince: null,
        daysHeld: 0,
        cashFlagged: false,
        collected: '0',
        due: '35000',
        collectabilityPercent: '0.00',
      });
      await expectAsPerCadre(manager, items, '2026-03');
      const february = (await manager.get('/api/v1/cadres/overview?month=2026-02')).body;
      expect(february.items[0]).toMatchObject({ cadreId: busy, collected: '0', due: '170000', cashHeld: '160000', cashFlagged: true });
    });

    it('across offices for an admin: flagged first, longest held first, every figure as on each cadre’s own page', async () => {
      const items = (await admin.get('/api/v1/cadres/overview')).body.items as Item[];
      expect(items.map((i) => i.cadreId)).toEqual(expect.arrayContaining([busy, quiet]));
      const flags = items.map((i) => i.cashFlagged);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      const flagged = items.filter((i) => i.cashFlagged);
      expect(flagged.map((i) => i.daysHeld)).toEqual(flagged.map((i) => i.daysHeld).sort((a, b) => b - a));
      expect(flagged.map((i) => i.cadreId)).toContain(busy);
      await expectAsPerCadre(admin, items, '2026-03');
      // The demo cadre `kader` collected Rp35.000 today and has eight families in class III.
      const own = await server.database.db
        .selectFrom('cadre as c')
        .innerJoin('app_user as u', 'u.id', 'c.user_id')
        .select('c.id')
        .where('u.username', '=', 'kader')
        .executeTakeFirstOrThrow();
      expect(items.find((i) => i.cadreId === own.id)).toMatchObject({
        caseload: 8,
        cashHeld: '35000',
        cashSince: '2026-03-10',
        cashFlagged: false,
      });
    });

    it('dates cash from the first collection deposits have not covered, and drops the flag once the old cash is deposited', async () => {
      const deposit = await manager.request(
        'POST',
        `/api/v1/cadres/${busy}/deposits`,
        { amount: '60000', channel: 'payment_point', reference: 'Loket 2', depositedOn: '2026-03-10' },
        key('ov-deposit-2'),
      );
      expect(deposit.status).toBe(201);
      const items = (await manager.get('/api/v1/cadres/overview')).body.items as Item[];
      const item = items.find((i) => i.cadreId === busy);
      expect(item).toMatchObject({ cashHeld: '100000', cashSince: '2026-03-09', daysHeld: 1, cashFlagged: false });
      await expectAsPerCadre(manager, items, '2026-03');
    });

    it('lets readers in: a cadre sees only their own line; a cashier is refused; a malformed month is named', async () => {
      const kader = new ApiClient(server.url);
      await kader.login('kader', DEMO_PASSWORD);
      const own = (await kader.get('/api/v1/cadres/overview')).body.items as Item[];
      expect(own).toHaveLength(1);
      expect(own[0]?.caseload).toBe(8);
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect(((await supervisor.get('/api/v1/cadres/overview')).body.items as Item[]).map((i) => i.cadreId).sort()).toEqual(
        [busy, quiet].sort(),
      );
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.get('/api/v1/cadres/overview')).status).toBe(403);
      const bad = await manager.get('/api/v1/cadres/overview?month=2026-13');
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['month']);
    });
  });
}
