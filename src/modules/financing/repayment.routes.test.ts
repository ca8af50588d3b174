import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// 09:00 WIB on Friday 20 March 2026: instalment 2 (due 15 March) is five days late.
const TODAY = '2026-03-20';

for (const kind of testDatabaseKinds()) {
  describe(`repayments: drawers, replays and what is owed [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let admin: ApiClient;
    const ids: string[] = [];

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${TODAY}T02:00:00Z`)) });
      [manager, cashier, admin] = [new ApiClient(server.url), new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD); // YK01
      await cashier.login('kasir', DEMO_PASSWORD); // YK01
      await admin.login('admin', DEMO_PASSWORD);
      const persons = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(2)
        .execute();
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      await manager.post('/api/v1/funds', YOGYA_FUND);
      for (const person of persons) {
        const applied = await cashier.post('/api/v1/financings', {
          personId: person.id,
          productCode: 'FLAT10D',
          fundCode: 'DANA-YK',
          principal: '6000000',
          installments: 6,
          purpose: 'Modal usaha',
          appliedOn: '2026-01-05',
        });
        expect(applied.status).toBe(201);
        expect((await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
        expect(
          (await cashier.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' })).status,
        ).toBe(200);
        ids.push(applied.body.id);
      }
    });
    afterAll(async () => server.close());

    const repay = (client: ApiClient, id: string | undefined, body: Record<string, unknown>, key: string) =>
      client.request('POST', `/api/v1/financings/${id}/repayments`, body, { [IDEMPOTENCY_HEADER]: key });
    const entries = async () =>
      Number(
        (await server.database.db.selectFrom('journal_entry').select(server.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      );
    async function pdf(client: ApiClient, path: string) {
      const response = await fetch(`${server.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      expect(response.status).toBe(200);
      return pdfText(Buffer.from(await response.arrayBuffer()));
    }

    it('takes cash at the counter without a drawer where no drawer is in use, and replays a repeat saying so', async () => {
      const first = await repay(cashier, ids[0], { amount: '1050000', paidOn: '2026-02-15' }, 'owed-1');
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await repay(cashier, ids[0], { amount: '1050000', paidOn: '2026-02-15' }, 'owed-1');
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await cashier.get(`/api/v1/financings/${ids[0]}`)).body.repayments).toHaveLength(1);
    });

    it('shows one remaining balance, late charge included, on the screen, the receipt and the kartu angsuran', async () => {
      // Instalment 2 (Rp1.050.000, due 15 March) is charged 1‰ a day for 5 days: Rp5.250.
      expect((await admin.post('/api/v1/financing/close-day', { date: TODAY })).status).toBe(200);
      const view = (await cashier.get(`/api/v1/financings/${ids[0]}`)).body;
      expect(view.outstanding).toEqual({ principal: '5000000', profit: '250000', penalty: '5250', total: '5255250' });
      const receipt = await pdf(cashier, `/api/v1/financings/${ids[0]}/repayments/${view.repayments[0].id}/receipt.pdf`);
      expect(receipt).toContain('Sisa kewajiban');
      expect(receipt).toContain('Rp5.255.250');
      expect(receipt).not.toContain('Rp5.250.000');
      const passbook = await pdf(cashier, `/api/v1/financings/${ids[0]}/passbook.pdf`);
      expect(passbook).toContain('Rp5.255.250'); // Sisa kewajiban
      expect(passbook).toContain('5.255.250'); // the balance after the one repayment
      expect(passbook).not.toContain('5.250.000');
      const list = (await cashier.get('/api/v1/financings?status=disbursed')).body.items;
      expect(list.find((f: { id: string }) => f.id === ids[0]).outstanding).toBe('5255250');
    });

    it('takes counter cash without a drawer where drawers were last used over a month ago', async () => {
      const old = await cashier.post('/api/v1/cash-drawers', { openingFloat: '0', businessDate: '2026-02-17' });
      expect(old.status).toBe(201);
      const close = await cashier.request(
        'POST',
        `/api/v1/cash-drawers/${old.body.id}/close`,
        { countedCash: '0' },
        { [IDEMPOTENCY_HEADER]: 'old' },
      );
      expect(close.status).toBe(200);
      expect((await repay(manager, ids[1], { amount: '1000', channel: 'counter' }, 'stale-drawer')).status).toBe(201);
    });

    it('refuses cash at the counter with no open drawer once the office uses drawers; nothing is posted', async () => {
      const opened = await cashier.post('/api/v1/cash-drawers', { openingFloat: '100000' });
      expect(opened.status).toBe(201);
      const paid = await repay(cashier, ids[1], { amount: '100000', channel: 'counter' }, 'drawer-1');
      expect(paid.status).toBe(201);
      expect((await cashier.get(`/api/v1/cash-drawers/${opened.body.id}`)).body.expectedCash).toBe('200000');
      const business = opened.body.businessDate;
      expect(business).toBe(TODAY);

      // The manager keeps no drawer at YK01, where the cashier opened one today.
      const before = (await manager.get(`/api/v1/financings/${ids[1]}`)).body;
      const count = await entries();
      const refused = await repay(manager, ids[1], { amount: '100000', channel: 'counter' }, 'drawer-2');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'cash_drawer.not_open' });
      expect(refused.body.detail).toContain('YK01');
      expect(refused.body.detail).toContain('Kas teller');
      const after = (await manager.get(`/api/v1/financings/${ids[1]}`)).body;
      expect(after.outstanding).toEqual(before.outstanding);
      expect(after.repayments).toHaveLength(before.repayments.length);
      expect(await entries()).toBe(count);

      // Cash collected at a group meeting or in the field is not the counter's: unaffected.
      for (const channel of ['group_meeting', 'field'])
        expect((await repay(manager, ids[1], { amount: '10000', channel }, `drawer-${channel}`)).status).toBe(201);

      // Closed for the day, the office still uses drawers: the cashier too is refused.
      const closed = await cashier.request(
        'POST',
        `/api/v1/cash-drawers/${opened.body.id}/close`,
        { countedCash: '200000' },
        {
          [IDEMPOTENCY_HEADER]: 'close-1',
        },
      );
      expect(closed.status).toBe(200);
      expect((await repay(cashier, ids[1], { amount: '100000', channel: 'counter' }, 'drawer-3')).status).toBe(409);
    });
  });
}
