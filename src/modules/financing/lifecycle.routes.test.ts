import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { nextDay } from '../../core/dates.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`financing lifecycle on the ledger [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let admin: ApiClient;
    let persons: string[];

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      persons = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', 'like', '34.71.%')
          .where('relation', '=', 'head')
          .orderBy('nik')
          .limit(6)
          .execute()
      ).map((p) => p.id);
      expect(
        (
          await manager.post('/api/v1/financing/products', {
            code: 'FLAT10',
            name: 'Modal usaha flat 10%',
            kind: 'flat',
            ratePercent: '10',
            frequency: 'monthly',
            minAmount: '1000000',
            maxAmount: '200000000',
            minInstallments: 3,
            maxInstallments: 24,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await manager.post('/api/v1/financing/products', {
            code: 'MRB20',
            name: 'Murabahah barang dagangan',
            kind: 'murabahah',
            ratePercent: '20',
            frequency: 'monthly',
            minAmount: '1000000',
            maxAmount: '50000000',
            minInstallments: 3,
            maxInstallments: 24,
          })
        ).status,
      ).toBe(201);
      const fund = await manager.post('/api/v1/funds', {
        code: 'USEP-YK',
        name: 'Stimulus USEP',
        kind: 'stimulus',
        source: 'APBD Kota Yogyakarta',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: '2026-01-02',
      });
      expect(fund.status).toBe(201);
    });
    afterAll(async () => server.close());

    const apply = (client: ApiClient, person: string, principal: string, productCode = 'FLAT10', installments = 12) =>
      client.post('/api/v1/financings', {
        personId: person,
        productCode,
        fundCode: 'USEP-YK',
        principal,
        installments,
        purpose: 'Modal warung kelontong',
        appliedOn: '2026-01-05',
      });
    const repay = (financingId: string, amount: string, key?: string, paidOn = '2026-02-15') =>
      cashier.request('POST', `/api/v1/financings/${financingId}/repayments`, { amount, paidOn }, key ? { [IDEMPOTENCY_HEADER]: key } : {});

    it('Rp120.000.000 at 10% flat over 12 months shows Rp11.000.000 a month before approval', async () => {
      const application = await apply(manager, persons[5] as string, '120000000');
      expect(application.status).toBe(201);
      expect(application.body.status).toBe('applied');
      expect(application.body.schedule[0]).toMatchObject({
        principal: '10000000',
        profit: '1000000',
        total: '11000000',
        status: 'projected',
      });
      expect(application.body.totals).toEqual({ principal: '120000000', profit: '12000000', total: '132000000' });
      const own = await manager.post(`/api/v1/financings/${application.body.id}/approve`, {});
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('financing.maker_checker');
    });

    it('apply (cashier) → approve (manager) → disburse from the fund → repay with an idempotency key', async () => {
      const application = await apply(cashier, persons[0] as string, '12000000');
      const id = application.body.id;
      expect((await cashier.post(`/api/v1/financings/${id}/approve`, {})).status).toBe(403);
      expect((await manager.post(`/api/v1/financings/${id}/approve`, { note: 'Usaha berjalan 3 tahun' })).body.status).toBe('approved');
      const disbursed = await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
      expect(disbursed.status).toBe(200);
      expect(disbursed.body).toMatchObject({
        status: 'disbursed',
        outstanding: { principal: '12000000', profit: '1200000', total: '13200000' },
      });
      expect(disbursed.body.schedule[0]).toMatchObject({ n: 1, dueDate: '2026-02-15', total: '1100000' });
      const fund = (await manager.get('/api/v1/funds')).body.items[0];
      expect(fund).toMatchObject({ cash: '38000000', outstanding: '12000000' });
      const member = (await cashier.get(`/api/v1/persons/${persons[0]}`)).body;
      const listed = (await cashier.get('/api/v1/financings?status=disbursed')).body.items.find((f: { id: string }) => f.id === id);
      expect(listed).toMatchObject({ personName: member.fullName, productCode: 'FLAT10', fundCode: fund.code, principal: '12000000' });

      const missingKey = await repay(id, '1100000');
      expect(missingKey.status).toBe(422);
      expect(missingKey.body.errors[0].field).toBe(IDEMPOTENCY_HEADER);
      const first = await repay(id, '1100000', 'kasir-2026-02-15-001');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        amount: '1100000',
        principal: '1000000',
        profit: '100000',
        penalty: '0',
        outstandingAfter: '12100000',
      });
      const replay = await repay(id, '1100000', 'kasir-2026-02-15-001');
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      const reused = await repay(id, '500000', 'kasir-2026-02-15-001');
      expect(reused.status).toBe(409);
      expect(reused.body.code).toBe('idempotency.key_reused');
      const after = (await cashier.get(`/api/v1/financings/${id}`)).body;
      expect(after.repayments).toHaveLength(1);
      expect(after.outstanding.total).toBe('12100000');
      expect(after.schedule[0]).toMatchObject({ paid: '1100000', status: 'paid' });

      const over = await repay(id, '12100001', 'kasir-over');
      expect(over.status).toBe(422);
      expect(over.body.errors[0]).toMatchObject({ field: 'amount', code: 'financing.overpayment' });
      expect((await manager.get('/api/v1/funds')).body.items[0]).toMatchObject({ cash: '39100000', outstanding: '11000000' });
    });

    it('twenty concurrent repayments on one financing leave exactly the right balance', async () => {
      const application = await apply(cashier, persons[1] as string, '6000000', 'FLAT10', 6);
      const id = application.body.id;
      await manager.post(`/api/v1/financings/${id}/approve`, {});
      await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => repay(id, '50000', `concurrent-${i}`)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const view = (await cashier.get(`/api/v1/financings/${id}`)).body;
      // 6,000,000 + 6 × 50,000 interest = 6,300,000 owed; 20 × 50,000 paid.
      expect(view.outstanding.total).toBe('5300000');
      expect(view.repayments).toHaveLength(20);
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      expect(trial.debit).toBe(trial.credit);
    });

    it('a disbursement beyond the fund keeps the application approved and queued', async () => {
      const application = await apply(cashier, persons[2] as string, '45000000', 'FLAT10', 12);
      const id = application.body.id;
      await manager.post(`/api/v1/financings/${id}/approve`, {});
      const refused = await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-20', method: 'transfer' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('financing.fund_insufficient');
      expect((await cashier.get(`/api/v1/financings/${id}`)).body.status).toBe('approved');
      expect((await cashier.get('/api/v1/financings?status=approved')).body.items.map((f: { id: string }) => f.id)).toContain(id);
    });

    it('murabahah: cost Rp10.000.000 + 20% over 10 months → Rp1.200.000 with Rp200.000 margin, margin earned as paid', async () => {
      const application = await apply(cashier, persons[3] as string, '10000000', 'MRB20', 10);
      const id = application.body.id;
      await manager.post(`/api/v1/financings/${id}/approve`, {});
      const disbursed = await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
      expect(disbursed.body.schedule.every((i: { total: string; profit: string }) => i.total === '1200000' && i.profit === '200000')).toBe(
        true,
      );
      const paid = await repay(id, '1200000', 'mrb-1');
      expect(paid.body).toMatchObject({ principal: '1000000', profit: '200000' });
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      const account = (code: string) => trial.accounts.find((a: { code: string }) => a.code === code);
      expect(account('1.2.02')).toMatchObject({ debit: '10800000' });
      expect(account('1.2.03')).toMatchObject({ credit: '1800000' });
      expect(account('4.1.02')).toMatchObject({ credit: '200000' });
    });

    it('reverses a wrong repayment by counter-entry and restores what is owed', async () => {
      const list = (await cashier.get('/api/v1/financings?status=disbursed')).body.items;
      const target = list.find((f: { principal: string }) => f.principal === '12000000');
      const before = (await cashier.get(`/api/v1/financings/${target.id}`)).body;
      const repaymentId = before.repayments[0].id;
      expect(
        (await cashier.post(`/api/v1/financings/${target.id}/repayments/${repaymentId}/reverse`, { reason: 'salah anggota' })).status,
      ).toBe(403);
      const reversed = await manager.post(`/api/v1/financings/${target.id}/repayments/${repaymentId}/reverse`, { reason: 'salah anggota' });
      expect(reversed.status).toBe(200);
      expect(reversed.body.outstanding.total).toBe('13200000');
      expect(reversed.body.repayments[0]).toMatchObject({ reversed: true, reversalReason: 'salah anggota' });
      expect(reversed.body.schedule[0].paid).toBe('0');
      expect((await manager.post(`/api/v1/financings/${target.id}/repayments/${repaymentId}/reverse`, { reason: 'lagi' })).status).toBe(
        409,
      );
      const trial = (await admin.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      expect(trial.debit).toBe(trial.credit);
    });
    it('a repayment at the counter goes into the open drawer of the cashier', async () => {
      const drawer = await cashier.post('/api/v1/cash-drawers', { openingFloat: '500000' });
      expect(drawer.status).toBe(201);
      const list = (await cashier.get('/api/v1/financings?status=disbursed')).body.items;
      const target = list.find((f: { principal: string }) => f.principal === '6000000');
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${target.id}/repayments`,
        { amount: '70000', channel: 'counter' },
        { [IDEMPOTENCY_HEADER]: 'drawer-1' },
      );
      expect(paid.status).toBe(201);
      const view = (await cashier.get(`/api/v1/cash-drawers/${drawer.body.id}`)).body;
      expect(view.expectedCash).toBe('570000');
    });
    it('finances only the member family’s own business and group: another’s is refused on its field, nothing written', async () => {
      const business = await manager.post(`/api/v1/persons/${persons[0]}/businesses`, {
        name: 'Warung Bu Sri',
        businessType: 'warung',
        sector: 'trade',
      });
      expect(business.status).toBe(201);
      const before = (await manager.get('/api/v1/financings?status=applied')).body.items.length;
      const attempt = (extra: Record<string, string>) =>
        manager.post('/api/v1/financings', {
          personId: persons[1],
          productCode: 'FLAT10',
          fundCode: 'USEP-YK',
          principal: '2000000',
          installments: 6,
          purpose: 'Modal usaha',
          appliedOn: '2026-01-05',
          ...extra,
        });
      for (const [field, extra] of [
        ['businessId', { businessId: business.body.id }],
        ['businessId', { businessId: '0190a000-0000-7000-8000-000000000001' }],
        ['groupId', { groupId: '0190a000-0000-7000-8000-000000000002' }],
      ] as const) {
        const refused = await attempt(extra);
        expect(refused.status).toBe(422);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expect((await manager.get('/api/v1/financings?status=applied')).body.items.length).toBe(before);
      const own = await manager.post('/api/v1/financings', {
        personId: persons[0],
        productCode: 'FLAT10',
        fundCode: 'USEP-YK',
        principal: '2000000',
        installments: 6,
        purpose: 'Modal warung',
        appliedOn: '2026-01-05',
        businessId: business.body.id,
      });
      expect(own.status).toBe(201);
      expect(own.body.businessId).toBe(business.body.id);
    });
    it('a cash disbursement is paid out of the disburser’s open drawer; a transfer does not touch it', async () => {
      const drawerId = (await cashier.get('/api/v1/cash-drawers?status=open')).body.items[0].id;
      const before = (await cashier.get(`/api/v1/cash-drawers/${drawerId}`)).body;
      const disburseNew = async (person: string, method: 'cash' | 'transfer') => {
        const id = (await apply(manager, person, '1500000', 'FLAT10', 6)).body.id;
        expect((await admin.post(`/api/v1/financings/${id}/approve`, {})).status).toBe(200);
        return cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-20', method });
      };
      expect((await disburseNew(persons[3] as string, 'cash')).status).toBe(200);
      const after = (await cashier.get(`/api/v1/cash-drawers/${drawerId}`)).body;
      expect(BigInt(after.cashOut) - BigInt(before.cashOut)).toBe(1_500_000n);
      expect(BigInt(before.expectedCash) - BigInt(after.expectedCash)).toBe(1_500_000n);
      expect(after.movements.at(-1)).toMatchObject({ direction: 'out', amount: '1500000', sourceType: 'financing.disbursement' });
      expect((await disburseNew(persons[4] as string, 'transfer')).status).toBe(200);
      expect((await cashier.get(`/api/v1/cash-drawers/${drawerId}`)).body.expectedCash).toBe(after.expectedCash);
    });

    it('books no money on a day that has not come, takes no rate above 100% and reschedules no longer than the product runs; nothing is written', async () => {
      const tomorrow = nextDay(businessDate(systemClock));
      const db = server.database.db;
      const count = async () =>
        Promise.all([
          db.selectFrom('journal_entry').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
          db.selectFrom('financing').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
        ]).then(([entries, financings]) => [String(entries.n), String(financings.n)]);
      const before = await count();
      const expectRefused = (response: { status: number; body: Record<string, unknown> }, field: string) => {
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([expect.objectContaining({ field, code: 'common.date_in_future' })]);
      };
      expectRefused(
        await cashier.post('/api/v1/financings', {
          personId: persons[3],
          productCode: 'FLAT10',
          fundCode: 'USEP-YK',
          principal: '2000000',
          installments: 6,
          purpose: 'Modal warung kelontong',
          appliedOn: tomorrow,
        }),
        'appliedOn',
      );
      const approved = (await apply(cashier, persons[3] as string, '2000000', 'FLAT10', 6)).body.id;
      await manager.post(`/api/v1/financings/${approved}/approve`, {});
      const afterApplying = await count();
      expectRefused(
        await cashier.post(`/api/v1/financings/${approved}/disburse`, { disbursedOn: tomorrow, method: 'transfer' }),
        'disbursedOn',
      );
      const fund = (await manager.get('/api/v1/funds')).body.items[0];
      expectRefused(
        await manager.request(
          'POST',
          `/api/v1/funds/${fund.id}/capital`,
          { amount: '1000000', date: tomorrow, memo: 'Tahap dua' },
          {
            [IDEMPOTENCY_HEADER]: 'capital-tomorrow',
          },
        ),
        'date',
      );
      expectRefused(
        await manager.post('/api/v1/ledger/entries', {
          officeCode: 'YK01',
          entryDate: tomorrow,
          memo: 'Biaya listrik',
          lines: [
            { accountCode: '5.2.02', debit: '150000' },
            { accountCode: '1.1.01', credit: '150000' },
          ],
        }),
        'entryDate',
      );
      expect(await count()).toEqual(afterApplying);
      expect(afterApplying[0]).toBe(before[0]);

      const disbursed = await cashier.post(`/api/v1/financings/${approved}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
      expect(disbursed.status).toBe(200);
      expectRefused(await repay(approved, '100000', 'repay-tomorrow', tomorrow), 'paidOn');
      const absurd = await manager.post('/api/v1/financing/products', {
        code: 'UJI-1',
        name: 'Salah ketik',
        kind: 'flat',
        ratePercent: '900',
        frequency: 'monthly',
        minAmount: '1000000',
        maxAmount: '2000000',
        minInstallments: 3,
        maxInstallments: 12,
        penaltyCapPercent: '500',
      });
      expect(absurd.status).toBe(422);
      expect(absurd.body.errors).toEqual([
        expect.objectContaining({ field: 'ratePercent', code: 'financing.percent_above_100' }),
        expect.objectContaining({ field: 'penaltyCapPercent', code: 'financing.percent_above_100' }),
      ]);
      const tooLong = await manager.post(`/api/v1/financings/${approved}/reschedule`, { installments: 25, reason: 'Usaha sepi' });
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.errors).toEqual([
        expect.objectContaining({
          field: 'installments',
          code: 'financing.reschedule_too_long',
          message: 'Penjadwalan ulang paling banyak 24 angsuran, jangka terpanjang produk ini.',
        }),
      ]);
      expect((await cashier.get(`/api/v1/financings/${approved}`)).body).toMatchObject({ repayments: [], installments: 6 });
    });
  });
}
