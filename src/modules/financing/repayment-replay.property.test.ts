import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/**
 * Replays never double-post: whatever mix of first requests, repeats (one after another or at
 * the same moment) and keys reused with another amount reaches the API, each key is posted at
 * most once, with its first amount, and the books follow exactly.
 */
for (const kind of testDatabaseKinds()) {
  describe(`repayment replays [${kind}]`, () => {
    let server: TestServer;
    let cashier: ApiClient;
    let admin: ApiClient;
    let financingId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik', 'desc')
        .executeTakeFirstOrThrow();
      expect(
        (
          await manager.post('/api/v1/financing/products', {
            code: 'RPLY',
            name: 'Modal usaha uji ulang',
            kind: 'flat',
            ratePercent: '12',
            frequency: 'monthly',
            minAmount: '1000000',
            maxAmount: '500000000',
            minInstallments: 3,
            maxInstallments: 24,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await manager.post('/api/v1/funds', {
            code: 'RPLY-FUND',
            name: 'Dana uji ulang',
            kind: 'own_capital',
            source: 'Modal sendiri',
            officeCode: 'YK01',
            initialCapital: '400000000',
            capitalDate: '2026-01-02',
          })
        ).status,
      ).toBe(201);
      const applied = await manager.post('/api/v1/financings', {
        personId: person.id,
        productCode: 'RPLY',
        fundCode: 'RPLY-FUND',
        principal: '300000000',
        installments: 24,
        purpose: 'Modal toko grosir',
        appliedOn: '2026-01-05',
      });
      expect(applied.status).toBe(201);
      financingId = applied.body.id;
      expect((await admin.post(`/api/v1/financings/${financingId}/approve`, {})).status).toBe(200);
      expect(
        (await cashier.post(`/api/v1/financings/${financingId}/disburse`, { disbursedOn: '2026-01-10', method: 'transfer' })).status,
      ).toBe(200);
    });
    afterAll(async () => server.close());

    const state = async () => {
      const view = (await cashier.get(`/api/v1/financings/${financingId}`)).body;
      const trial = (await admin.get('/api/v1/ledger/trial-balance?asOf=2027-12-31')).body;
      return { outstanding: BigInt(view.outstanding.total), repayments: view.repayments.length as number, trial };
    };

    it('posts each key once, with its first amount, however the requests repeat', async () => {
      let run = 0;
      // A request: which of five keys, the amount it carries (a reused key may carry another),
      // and whether it goes out together with the previous one.
      const request = fc.record({ key: fc.integer({ min: 0, max: 4 }), amount: fc.integer({ min: 1, max: 50 }), together: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 10 }), async (requests) => {
          run++;
          const before = await state();
          const batches: (typeof requests)[] = [];
          for (const r of requests) {
            const last = batches.at(-1);
            if (r.together && last) last.push(r);
            else batches.push([r]);
          }
          const firstAmount = new Map<number, number>();
          const answers: { key: number; amount: number; status: number }[] = [];
          for (const batch of batches) {
            const results = await Promise.all(
              batch.map((r) =>
                cashier.request(
                  'POST',
                  `/api/v1/financings/${financingId}/repayments`,
                  { amount: String(r.amount * 1000), paidOn: '2026-02-10' },
                  { [IDEMPOTENCY_HEADER]: `replay-${kind}-${run}-${r.key}` },
                ),
              ),
            );
            batch.forEach((r, i) => {
              answers.push({ key: r.key, amount: r.amount, status: results[i]?.status ?? 0 });
            });
          }
          // The amount a key was first posted with is the one in its first 201 answer.
          for (const a of answers) if (a.status === 201 && !firstAmount.has(a.key)) firstAmount.set(a.key, a.amount);
          for (const a of answers) {
            const first = firstAmount.get(a.key);
            // Same key and body: the first answer again; another body: 409 (never a second posting).
            expect(a.status === 201 ? first === a.amount : a.status === 409 && first !== undefined && first !== a.amount).toBe(true);
          }
          const after = await state();
          const paid = [...firstAmount.values()].reduce((sum, a) => sum + BigInt(a * 1000), 0n);
          expect(after.repayments - before.repayments).toBe(firstAmount.size);
          expect(before.outstanding - after.outstanding).toBe(paid);
          expect(after.trial.debit).toBe(after.trial.credit);
        }),
        { numRuns: 15 },
      );
    });
  });
}
