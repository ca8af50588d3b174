import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';
import { closeDay } from './close-day.service.ts';
import { repay } from './repayment.service.ts';

// Sunday 15 March 2026. The wife's financing (Rp 6,000,000 flat 10% over 6 months, disbursed 15
// January) is one instalment late: Rp 1,050,000 overdue since 15 February (28 days), and owes
// Rp 6,300,000 in all. Her husband, the head of the same KK, applies for Rp 3,000,000.
const TODAY = '2026-03-15';

for (const kind of testDatabaseKinds()) {
  describe(`the money screens: household exposure, responsible officer, PAR drill-down, names on receipts [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let cashier: ApiClient;
    let outsider: ApiClient;
    let wifeFinancing = '';
    let application = '';
    let facilitatorId = '';
    let wifeName = '';
    let lateNeighbour = '';

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T02:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      admin = new ApiClient(server.url);
      manager = new ApiClient(server.url);
      cashier = new ApiClient(server.url);
      outsider = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      // The demo's facilitator works at BD01 only: she may read financings, not YK01's.
      await outsider.login('pendamping', DEMO_PASSWORD);
      const user = await admin.post('/api/v1/users', {
        username: 'fasil.kricak',
        fullName: 'Sri Wahyuni',
        role: 'facilitator',
        password: DEMO_PASSWORD,
        officeCodes: ['YK01'],
      });
      expect(user.status).toBe(201);
      facilitatorId = user.body.id;
      const couple = await server.database.db
        .selectFrom('person as wife')
        .innerJoin('person as head', (join) => join.onRef('head.household_id', '=', 'wife.household_id').on('head.relation', '=', 'head'))
        .select(['wife.id as wife_id', 'wife.full_name as wife_name', 'head.id as head_id', 'wife.household_id'])
        .where('wife.village_code', 'like', '34.71.%')
        .where('wife.relation', '=', 'wife')
        .where('wife.died_on', 'is', null)
        .orderBy('wife.nik')
        .executeTakeFirstOrThrow();
      wifeName = couple.wife_name;
      await server.database.db.updateTable('household').set({ phone: '0812-2700-4411' }).where('id', '=', couple.household_id).execute();
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      expect((await manager.post('/api/v1/funds', YOGYA_FUND)).status).toBe(201);
      const open = async (personId: string, principal: string, appliedOn: string) => {
        const applied = await cashier.post('/api/v1/financings', {
          personId,
          productCode: 'FLAT10D',
          fundCode: 'DANA-YK',
          principal,
          installments: 6,
          purpose: 'Modal warung',
          appliedOn,
        });
        expect(applied.status).toBe(201);
        return applied.body.id as string;
      };
      wifeFinancing = await open(couple.wife_id, '6000000', '2026-01-05');
      expect((await manager.post(`/api/v1/financings/${wifeFinancing}/approve`, {})).status).toBe(200);
      expect(
        (await cashier.post(`/api/v1/financings/${wifeFinancing}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' })).status,
      ).toBe(200);
      application = await open(couple.head_id, '3000000', TODAY);
      // Another member of Kricak, 38 days late (first instalment due 5 February): PAR 30.
      const neighbour = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .where('household_id', '!=', couple.household_id)
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      lateNeighbour = await open(neighbour.id, '4000000', '2026-01-03');
      expect((await manager.post(`/api/v1/financings/${lateNeighbour}/approve`, {})).status).toBe(200);
      expect(
        (await cashier.post(`/api/v1/financings/${lateNeighbour}/disburse`, { disbursedOn: '2026-01-05', method: 'transfer' })).status,
      ).toBe(200);
    });
    afterAll(async () => server.close());

    it("shows the approver the household's other financing with its outstanding and arrears, with totals", async () => {
      const { status, body } = await manager.get(`/api/v1/financings/${application}/household-exposure`);
      expect(status).toBe(200);
      expect(body.items).toEqual([
        expect.objectContaining({
          id: wifeFinancing,
          status: 'disbursed',
          personName: wifeName,
          whose: 'household',
          principal: '6000000',
          outstanding: '6300000',
          overdue: '1050000',
          daysPastDue: 28,
        }),
      ]);
      expect(body.totals).toEqual({ financings: 1, outstanding: '6300000', overdue: '1050000', pending: '0', withThis: '9300000' });
      // From the wife's side, her husband's application waits: it counts as pending.
      const hers = (await manager.get(`/api/v1/financings/${wifeFinancing}/household-exposure`)).body;
      expect(hers.items).toEqual([expect.objectContaining({ id: application, status: 'applied', whose: 'household', outstanding: '0' })]);
      expect(hers.totals.pending).toBe('3000000');
    });

    it('answers an out-of-scope or unknown financing alike (404)', async () => {
      const out = await outsider.get(`/api/v1/financings/${application}/household-exposure`);
      const unknown = await manager.get('/api/v1/financings/01900000-0000-7000-8000-000000000000/household-exposure');
      expect([out.status, unknown.status]).toEqual([404, 404]);
      expect((await manager.get('/api/v1/financings/not-an-id/household-exposure')).status).toBe(422);
    });

    it('lets a manager put a financing in an officer’s charge, refuses an unfit one (422), and audits it', async () => {
      const officers = await manager.get('/api/v1/financing/officers?office=YK01');
      expect(officers.body.items).toEqual(
        expect.arrayContaining([
          { id: facilitatorId, name: 'Sri Wahyuni', role: 'facilitator', officeCodes: ['YK01'] },
          expect.objectContaining({ name: 'Budi Santoso', role: 'manager' }),
        ]),
      );
      expect(officers.body.items.map((o: { name: string }) => o.name)).not.toContain('Dewi Lestari');
      const pendamping = await server.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'pendamping')
        .executeTakeFirstOrThrow();
      const kasir = await server.database.db.selectFrom('app_user').select('id').where('username', '=', 'kasir').executeTakeFirstOrThrow();
      expect((await cashier.request('PUT', `/api/v1/financings/${wifeFinancing}/officer`, { userId: facilitatorId })).status).toBe(403);
      for (const unfit of [pendamping.id, kasir.id, '01900000-0000-7000-8000-000000000000']) {
        const refused = await manager.request('PUT', `/api/v1/financings/${wifeFinancing}/officer`, { userId: unfit });
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'userId', code: 'financing.officer_unfit' })]);
      }
      const before = await manager.get(`/api/v1/financings/${wifeFinancing}`);
      expect(before.body.facilitator).toBeNull();
      const assigned = await manager.request('PUT', `/api/v1/financings/${wifeFinancing}/officer`, { userId: facilitatorId });
      expect(assigned.status).toBe(200);
      expect(assigned.body.facilitator).toEqual({ id: facilitatorId, name: 'Sri Wahyuni', viaGroup: false });
      const list = await manager.get(`/api/v1/financings?facilitator=${facilitatorId}`);
      expect(list.body.items).toEqual([expect.objectContaining({ id: wifeFinancing, facilitatorName: 'Sri Wahyuni' })]);
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_username', 'after'])
        .where('entity_id', '=', wifeFinancing)
        .where('action', '=', 'financing.assign_officer')
        .execute();
      expect(audit).toEqual([{ action: 'financing.assign_officer', actor_username: 'manajer', after: { facilitator: 'Sri Wahyuni' } }]);
    });

    it('drills PAR down to the named financing, with the member’s phone and the officer, matching the PAR figure', async () => {
      await closeDay(systemTestContext(server.database, fixedClock(new Date(`${TODAY}T02:00:00Z`))), TODAY);
      const portfolio = (await manager.get('/api/v1/financing/portfolio')).body;
      const atRisk1 = portfolio.rows.reduce((sum: bigint, r: { atRisk1: string }) => sum + BigInt(r.atRisk1), 0n);
      const par1 = await manager.get('/api/v1/financing/portfolio/at-risk?par=1&limit=100');
      expect(par1.status).toBe(200);
      expect(par1.body.asOf).toBe(TODAY);
      expect(par1.body.totals.outstanding).toBe(atRisk1.toString());
      expect(par1.body.items).toContainEqual({
        id: wifeFinancing,
        number: expect.any(String),
        personId: expect.any(String),
        personName: wifeName,
        phone: '0812-2700-4411',
        outstanding: '6000000',
        overdue: '1050000',
        daysPastDue: 28,
        qualityClass: 2,
        officeCode: 'YK01',
        fundCode: 'DANA-YK',
        facilitator: { id: facilitatorId, name: 'Sri Wahyuni' },
      });
      const days = par1.body.items.map((i: { daysPastDue: number }) => i.daysPastDue);
      expect(days).toEqual([...days].sort((a, b) => b - a));
      // 28 days late is not PAR 30; the officer's row of the breakdown holds it alone.
      const par30 = await manager.get('/api/v1/financing/portfolio/at-risk?par=30&limit=100');
      expect(par30.body.items.map((i: { id: string }) => i.id)).not.toContain(wifeFinancing);
      expect(par30.body.items).toContainEqual(expect.objectContaining({ id: lateNeighbour, daysPastDue: 38, facilitator: null }));
      expect(par1.body.items.map((i: { id: string }) => i.id).indexOf(lateNeighbour)).toBeLessThan(
        par1.body.items.map((i: { id: string }) => i.id).indexOf(wifeFinancing),
      );
      const mine = await manager.get(`/api/v1/financing/portfolio/at-risk?par=1&by=facilitator&key=${facilitatorId}`);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([wifeFinancing]);
      expect(mine.body.totals).toEqual({ financings: 1, outstanding: '6000000' });
      const row = (await manager.get('/api/v1/financing/portfolio?by=facilitator')).body.rows.find(
        (r: { key: string | null }) => r.key === facilitatorId,
      );
      expect(row).toEqual(expect.objectContaining({ label: 'Sri Wahyuni', atRisk1: '6000000' }));
    });

    it('pages the drill-down and keeps it to the actor’s offices', async () => {
      const first = await manager.get('/api/v1/financing/portfolio/at-risk?par=1&limit=1');
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).not.toBeNull();
      const second = await manager.get(`/api/v1/financing/portfolio/at-risk?par=1&limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      const officeKey = (await manager.get('/api/v1/financing/portfolio')).body.rows[0].key;
      const bd01 = (await server.database.db.selectFrom('office').select('id').where('code', '=', 'BD01').executeTakeFirstOrThrow()).id;
      expect(bd01).not.toBe(officeKey);
      const other = await manager.get(`/api/v1/financing/portfolio/at-risk?par=1&by=office&key=${bd01}`);
      expect(other.body).toEqual(expect.objectContaining({ items: [], totals: { financings: 0, outstanding: '0' } }));
      expect((await manager.get('/api/v1/financing/portfolio/at-risk?par=7')).status).toBe(422);
      expect((await outsider.get('/api/v1/financing/portfolio/at-risk')).status).toBe(403);
    });

    it('prints the receiver’s full name on a receipt, and words for a system actor, never a username', async () => {
      const byCashier = await cashier.request(
        'POST',
        `/api/v1/financings/${wifeFinancing}/repayments`,
        { amount: '1050000' },
        { [IDEMPOTENCY_HEADER]: 'money-screens-1' },
      );
      expect(byCashier.status).toBe(201);
      const cli = {
        ...systemTestContext(server.database, fixedClock(new Date(`${TODAY}T02:00:00Z`))),
        actor: { kind: 'system' as const, name: 'cli:demo' },
      };
      const byCli = await repay(cli, wifeFinancing, { amount: '100000', channel: 'counter' }, 'money-screens-2');
      const receipt = async (repaymentId: string) => {
        const response = await fetch(`${server.url}/api/v1/financings/${wifeFinancing}/repayments/${repaymentId}/receipt.pdf`, {
          headers: { cookie: cashier.cookie ?? '' },
        });
        expect(response.status).toBe(200);
        return pdfText(Buffer.from(await response.arrayBuffer()));
      };
      const counter = await receipt(byCashier.body.id);
      expect(counter).toContain('Dewi Lestari');
      expect(counter).not.toMatch(/\bkasir\b/);
      const system = await receipt(byCli.response.id);
      expect(system).toContain('Sistem (baris perintah)');
      expect(system).not.toContain('system:');
      // The screen names them too.
      const view = (await cashier.get(`/api/v1/financings/${wifeFinancing}`)).body;
      expect(view.repayments.map((r: { receivedByName: string }) => r.receivedByName)).toEqual(['Dewi Lestari', 'Sistem (baris perintah)']);
      expect(view.createdByName).toBe('Dewi Lestari');
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('kasir', DEMO_PASSWORD);
      const inEnglish = (await english.get(`/api/v1/financings/${wifeFinancing}`)).body;
      expect(inEnglish.repayments[1].receivedByName).toBe('System (command line)');
    });
  });
}
