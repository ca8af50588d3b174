import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`mudharabah profit sharing and loss [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let id: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      [manager, cashier] = [new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .executeTakeFirstOrThrow();
      await manager.post('/api/v1/financing/products', {
        code: 'MDH60',
        name: 'Mudharabah 40:60',
        kind: 'mudharabah',
        memberNisbahPercent: '60',
        frequency: 'monthly',
        minAmount: '1000000',
        maxAmount: '50000000',
        minInstallments: 3,
        maxInstallments: 24,
      });
      await manager.post('/api/v1/funds', {
        code: 'DANA-S',
        name: 'Dana syariah',
        kind: 'own_capital',
        source: 'Modal',
        officeCode: 'YK01',
        initialCapital: '10000000',
        capitalDate: '2026-01-02',
      });
      const applied = await cashier.post('/api/v1/financings', {
        personId: person.id,
        productCode: 'MDH60',
        fundCode: 'DANA-S',
        principal: '6000000',
        installments: 6,
        purpose: 'Usaha konveksi',
        appliedOn: '2026-01-05',
      });
      id = applied.body.id;
      await manager.post(`/api/v1/financings/${id}/approve`, {});
      await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
    });
    afterAll(async () => server.close());

    it('profit Rp2.000.000 at 40:60: the LKM is due Rp800.000, earned as mudharabah profit share when paid', async () => {
      const reported = await cashier.post(`/api/v1/financings/${id}/business-results`, { n: 1, result: '2000000' });
      expect(reported.status).toBe(200);
      expect(reported.body.schedule[0]).toMatchObject({ principal: '1000000', profit: '800000', total: '1800000' });
      expect((await cashier.post(`/api/v1/financings/${id}/business-results`, { n: 1, result: '1' })).status).toBe(409);
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${id}/repayments`,
        { amount: '1800000', paidOn: '2026-02-15' },
        { [IDEMPOTENCY_HEADER]: 'mdh-1' },
      );
      expect(paid.body).toMatchObject({ principal: '1000000', profit: '800000' });
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      expect(trial.accounts.find((a: { code: string }) => a.code === '4.1.03')).toMatchObject({ credit: '800000' });
    });

    it('a loss is borne by the fund (principal owed falls) unless the member was negligent', async () => {
      const loss = await cashier.post(`/api/v1/financings/${id}/business-results`, { n: 2, result: '-500000' });
      expect(loss.body.outstanding.principal).toBe('4500000');
      expect(loss.body.schedule[5]).toMatchObject({ principal: '500000' });
      const negligent = await cashier.post(`/api/v1/financings/${id}/business-results`, { n: 3, result: '-300000', negligent: true });
      expect(negligent.body.outstanding.principal).toBe('4500000');
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2099-12-31')).body;
      expect(trial.accounts.find((a: { code: string }) => a.code === '5.1.02')).toMatchObject({ debit: '500000' });
      expect(trial.debit).toBe(trial.credit);
    });

    it('lists the reported periods with each side’s share, the negligent loss borne by the member', async () => {
      const listed = await cashier.get(`/api/v1/financings/${id}/business-results`);
      expect(listed.status).toBe(200);
      expect(listed.body).toMatchObject({ kind: 'mudharabah', memberNisbahPercent: '60.0000', lkmCapitalPercent: null });
      expect(listed.body.items).toEqual([
        { n: 1, dueDate: '2026-02-15', result: '2000000', negligent: false, memberShare: '1200000', fundShare: '800000' },
        { n: 2, dueDate: '2026-03-15', result: '-500000', negligent: false, memberShare: '0', fundShare: '-500000' },
        { n: 3, dueDate: '2026-04-15', result: '-300000', negligent: true, memberShare: '-300000', fundShare: '0' },
      ]);
      const flat = await server.database.db
        .selectFrom('financing as f')
        .innerJoin('financing_product as p', 'p.id', 'f.product_id')
        .select('f.id')
        .where('p.kind', '!=', 'mudharabah')
        .executeTakeFirst();
      if (flat) expect((await cashier.get(`/api/v1/financings/${flat.id}/business-results`)).status).toBe(409);
      expect((await cashier.get('/api/v1/financings/01900000-0000-7000-8000-000000000000/business-results')).status).toBe(404);
    });

    it('a reschedule keeps a reported profit share not yet paid: it is still owed to the fund', async () => {
      const reported = await cashier.post(`/api/v1/financings/${id}/business-results`, { n: 4, result: '1000000' });
      expect(reported.body.outstanding.profit).toBe('400000');
      const rescheduled = await manager.post(`/api/v1/financings/${id}/reschedule`, { installments: 4, reason: 'Pasar sepi' });
      expect(rescheduled.status).toBe(200);
      expect(rescheduled.body.outstanding).toMatchObject({ principal: '4500000', profit: '400000' });
      expect(rescheduled.body.schedule[3]).toMatchObject({ n: 4, principal: '0', profit: '400000' });
      const added = rescheduled.body.schedule.slice(6);
      expect(added).toHaveLength(4);
      expect(added.map((i: { profit: string }) => i.profit)).toEqual(['0', '0', '0', '0']);
      expect(added.reduce((sum: bigint, i: { principal: string }) => sum + BigInt(i.principal), 0n)).toBe(4_500_000n);
    });
  });
}
