import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// Sunday 15 March 2026: instalment 1 (due 15 February) is a month late, instalment 2 falls due today.
// Flat 10% a year on Rp 6,000,000 over 6 months: Rp 1,000,000 principal + Rp 50,000 profit a month.
const TODAY = '2026-03-15';

for (const kind of testDatabaseKinds()) {
  describe(`what a member must pay today: total overdue and due today [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let id = '';
    let personId = '';

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${TODAY}T02:00:00Z`)) });
      [manager, cashier] = [new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      personId = person.id;
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      expect((await manager.post('/api/v1/funds', YOGYA_FUND)).status).toBe(201);
      const applied = await cashier.post('/api/v1/financings', {
        personId,
        productCode: 'FLAT10D',
        fundCode: 'DANA-YK',
        principal: '6000000',
        installments: 6,
        purpose: 'Modal usaha',
        appliedOn: '2026-01-05',
      });
      id = applied.body.id;
      expect((await manager.post(`/api/v1/financings/${id}/approve`, {})).status).toBe(200);
      expect((await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' })).status).toBe(200);
      expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '0' })).status).toBe(201);
    });
    afterAll(async () => server.close());

    const repay = (amount: string, key: string) =>
      cashier.request('POST', `/api/v1/financings/${id}/repayments`, { amount, channel: 'counter' }, { [IDEMPOTENCY_HEADER]: key });

    it('shows one instalment overdue and one due today, and the list shows the overdue amount', async () => {
      const { status, body } = await cashier.get(`/api/v1/financings/${id}`);
      expect(status).toBe(200);
      expect(body.arrears).toEqual({ overdue: '1050000', dueToday: '1050000', payableToday: '2100000' });
      expect(body.daysPastDue).toBe(28);
      expect(body.outstanding.total).toBe('6300000');
      const list = await cashier.get(`/api/v1/financings?person=${personId}`);
      expect(list.body.items).toEqual([expect.objectContaining({ id, overdue: '1050000', outstanding: '6300000' })]);
    });

    it('a part payment goes to the oldest instalment first and lowers the overdue amount', async () => {
      expect((await repay('300000', 'arrears-part')).status).toBe(201);
      const { body } = await cashier.get(`/api/v1/financings/${id}`);
      expect(body.arrears).toEqual({ overdue: '750000', dueToday: '1050000', payableToday: '1800000' });
      expect((await cashier.get(`/api/v1/financings?person=${personId}`)).body.items[0].overdue).toBe('750000');
    });

    it('paying the amount payable today leaves nothing overdue or due today', async () => {
      expect((await repay('1800000', 'arrears-all')).status).toBe(201);
      const { body } = await cashier.get(`/api/v1/financings/${id}`);
      expect(body.arrears).toEqual({ overdue: '0', dueToday: '0', payableToday: '0' });
      expect(body.daysPastDue).toBe(0);
      expect(body.outstanding.total).toBe('4200000');
      expect(body.schedule.slice(0, 3).map((i: { status: string }) => i.status)).toEqual(['paid', 'paid', 'due']);
    });
  });
}
