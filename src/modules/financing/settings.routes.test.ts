import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

for (const kind of testDatabaseKinds()) {
  describe(`financing settings: the quality rule, and a product offered or not [${kind}]`, () => {
    let server: TestServer;
    const as: Record<'admin' | 'manager' | 'cashier' | 'facilitator', ApiClient> = {} as never;
    let personId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      for (const [role, username] of [
        ['admin', 'admin'],
        ['manager', 'manajer'],
        ['cashier', 'kasir'],
        ['facilitator', 'pendamping'],
      ] as const) {
        as[role] = new ApiClient(server.url);
        await as[role].login(username, DEMO_PASSWORD);
      }
      personId = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', 'like', '34.71.%')
          .where('relation', '=', 'head')
          .orderBy('nik')
          .executeTakeFirstOrThrow()
      ).id;
      await as.manager.post('/api/v1/funds', {
        code: 'DANA-SET',
        name: 'Dana uji',
        kind: 'own_capital',
        source: 'Modal LKM',
        officeCode: 'YK01',
        initialCapital: '20000000',
        capitalDate: '2026-01-02',
      });
    });
    afterAll(async () => server.close());

    it('the quality rule: bank by default; an admin switches to the LKM rule and reads it back; others may not', async () => {
      const initial = await as.admin.get('/api/v1/financing/settings/quality-rule');
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({ rule: 'bank', defaultRule: 'bank' });

      const put = await as.admin.request('PUT', '/api/v1/financing/settings/quality-rule', { rule: 'lkm' });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ rule: 'lkm' });
      expect((await as.admin.get('/api/v1/financing/settings/quality-rule')).body).toEqual({ rule: 'lkm', defaultRule: 'bank' });
      // A manager reads the portfolio and so the rule behind it, but does not choose it.
      expect((await as.manager.get('/api/v1/financing/settings/quality-rule')).body).toEqual({ rule: 'lkm', defaultRule: 'bank' });
      expect((await as.manager.request('PUT', '/api/v1/financing/settings/quality-rule', { rule: 'bank' })).status).toBe(403);
      expect((await as.facilitator.get('/api/v1/financing/settings/quality-rule')).status).toBe(403);

      const bad = await as.admin.request('PUT', '/api/v1/financing/settings/quality-rule', { rule: 'ojk' });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(['rule']);
      expect((await as.admin.get('/api/v1/financing/settings/quality-rule')).body.rule).toBe('lkm');

      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('action', '=', 'setting.quality_rule')
        .execute();
      expect(audit.map((row) => row.after)).toEqual([{ rule: 'lkm' }]);

      // Back to the bank rule, so the rest of the file sees the default.
      expect((await as.admin.request('PUT', '/api/v1/financing/settings/quality-rule', { rule: 'bank' })).body).toEqual({ rule: 'bank' });
    });

    it('a product keeps its allocation order, rounding and multiples; deactivated, it is refused to new applications', async () => {
      const created = await as.manager.post('/api/v1/financing/products', {
        code: 'FLAT-RIBU',
        name: 'Flat kelipatan seribu',
        kind: 'flat',
        ratePercent: '12',
        frequency: 'monthly',
        minAmount: '1000000',
        maxAmount: '10000000',
        minInstallments: 3,
        maxInstallments: 12,
        rounding: 'half-even',
        inMultiplesOf: '1000',
        allocationOrder: ['principal', 'profit', 'penalty'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        rounding: 'half-even',
        inMultiplesOf: '1000',
        allocationOrder: ['principal', 'profit', 'penalty'],
        active: true,
      });
      const id = created.body.id as string;
      const application = {
        personId,
        productCode: 'FLAT-RIBU',
        fundCode: 'DANA-SET',
        principal: '3000000',
        installments: 7,
        purpose: 'Modal warung',
      };

      const off = await as.manager.request('PATCH', `/api/v1/financing/products/${id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id, code: 'FLAT-RIBU', active: false, allocationOrder: ['principal', 'profit', 'penalty'] });
      const listed = (await as.cashier.get('/api/v1/financing/products')).body.items.find((p: { id: string }) => p.id === id);
      expect(listed.active).toBe(false);
      const refused = await as.cashier.post('/api/v1/financings', application);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'productCode', code: 'financing.product_unknown' })]);

      // The same again changes nothing and is not audited twice.
      expect((await as.manager.request('PATCH', `/api/v1/financing/products/${id}`, { active: false })).body.active).toBe(false);
      expect((await as.cashier.request('PATCH', `/api/v1/financing/products/${id}`, { active: true })).status).toBe(403);
      const bad = await as.manager.request('PATCH', `/api/v1/financing/products/${id}`, { active: 'tidak' });
      expect(bad.status).toBe(422);
      expect(fieldsOf(bad.body)).toEqual(['active']);
      const terms = await as.manager.request('PATCH', `/api/v1/financing/products/${id}`, { active: true, ratePercent: '24' });
      expect(terms.status).toBe(422);
      expect(
        (await as.manager.request('PATCH', '/api/v1/financing/products/01900000-0000-7000-8000-000000000000', { active: true })).status,
      ).toBe(404);

      const on = await as.admin.request('PATCH', `/api/v1/financing/products/${id}`, { active: true });
      expect(on.body.active).toBe(true);
      const applied = await as.cashier.post('/api/v1/financings', application);
      expect(applied.status).toBe(201);
      // Rp3.000.000 at 12% flat over 7 months: each instalment a multiple of Rp1.000.
      for (const instalment of applied.body.schedule.slice(0, -1)) expect(BigInt(instalment.total) % 1000n).toBe(0n);

      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('entity_id', '=', id)
        .where('action', 'like', 'financing.product_%activate')
        .orderBy('at')
        .execute();
      expect(audit).toEqual([
        {
          action: 'financing.product_deactivate',
          before: { code: 'FLAT-RIBU', active: true },
          after: { code: 'FLAT-RIBU', active: false },
        },
        { action: 'financing.product_activate', before: { code: 'FLAT-RIBU', active: false }, after: { code: 'FLAT-RIBU', active: true } },
      ]);
    });
  });
}
