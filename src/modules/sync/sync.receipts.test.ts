import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { recruitCadreWithOneFamily } from '../../testing/cadre-fixtures.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const cid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const recordedAt = '2026-03-10T09:00:00+07:00';

for (const kind of testDatabaseKinds()) {
  describe(`field receipts: numbered per phone, kept with the payment, never twice [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let cadreUser: ApiClient;
    let cadreId: string;
    let family: string;
    let financingId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const db = server.database.db;
      // A financing of 12.000.000 over 12 months (1.100.000 a month), disbursed on 15 January.
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
            code: 'USEP-KRW',
            name: 'Stimulus USEP Karangwaru',
            kind: 'stimulus',
            source: 'APBD Kota Yogyakarta',
            officeCode: 'YK01',
            initialCapital: '50000000',
            capitalDate: '2026-01-02',
          })
        ).status,
      ).toBe(201);
      const borrower = await db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.02.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const applied = await admin.post('/api/v1/financings', {
        personId: borrower.id,
        productCode: 'FLAT10',
        fundCode: 'USEP-KRW',
        principal: '12000000',
        installments: 12,
        purpose: 'Modal warung',
        appliedOn: '2026-01-05',
      });
      expect(applied.status).toBe(201);
      financingId = applied.body.id;
      expect((await manager.post(`/api/v1/financings/${financingId}/approve`, {})).status).toBe(200);
      expect((await manager.post(`/api/v1/financings/${financingId}/disburse`, { disbursedOn: '2026-01-15', method: 'cash' })).status).toBe(
        200,
      );
      // A cadre with one family, class III, paid through January.
      ({ cadreId, family } = await recruitCadreWithOneFamily(admin, server.database));
      cadreUser = new ApiClient(server.url);
      await cadreUser.login('kader', DEMO_PASSWORD);
    });
    afterAll(async () => server.close());

    it('gives each phone its own device code, once per request, only to field workers', async () => {
      const first = await manager.post('/api/v1/sync/devices', {});
      const second = await cadreUser.post('/api/v1/sync/devices', {});
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(first.body.code).toMatch(/^F\d{3,}$/);
      expect(second.body.code).toMatch(/^F\d{3,}$/);
      expect(second.body.code).not.toBe(first.body.code);
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.post('/api/v1/sync/devices', {})).status).toBe(403);
    });

    it("stores a repayment's field receipt number, shows it on the financing and its receipt, and keeps it on a replay", async () => {
      const { code } = (await manager.post('/api/v1/sync/devices', {})).body as { code: string };
      const number = `${code}-00001`;
      const op = { id: cid(1), type: 'repayment', recordedAt, payload: { financingId, amount: '1100000', receiptNumber: number } };
      const first = (await manager.post('/api/v1/sync/push', { ops: [op] })).body.results[0];
      expect(first).toMatchObject({ status: 'applied', result: { amount: '1100000', fieldReceiptNumber: number } });
      // Sent again (a sync cut off half-way): the same answer, the number kept, nothing recorded twice.
      const again = (await manager.post('/api/v1/sync/push', { ops: [op] })).body.results[0];
      expect(again).toMatchObject({ status: 'duplicate', result: { fieldReceiptNumber: number } });
      const rows = await server.database.db.selectFrom('financing_repayment').selectAll().where('financing_id', '=', financingId).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ amount: '1100000', field_receipt_number: number, channel: 'group_meeting' });
      const view = await manager.get(`/api/v1/financings/${financingId}`);
      expect(view.body.repayments).toEqual([expect.objectContaining({ amount: '1100000', fieldReceiptNumber: number })]);
      // The kuitansi carries the phone's number as its own.
      const pdf = await manager.request('GET', `/api/v1/financings/${financingId}/repayments/${rows[0]?.id}/receipt.pdf`);
      expect(pdf.status).toBe(200);
    });

    it("keeps a contribution's field receipt number as its receipt number, in the cadre's history too", async () => {
      const { code } = (await cadreUser.post('/api/v1/sync/devices', {})).body as { code: string };
      const number = `${code}-00001`;
      const op = {
        id: cid(2),
        type: 'contribution',
        recordedAt,
        payload: { cadreId, householdId: family, months: 2, amount: '70000', receiptNumber: number },
      };
      const first = (await cadreUser.post('/api/v1/sync/push', { ops: [op] })).body.results[0];
      expect(first).toMatchObject({ status: 'applied', result: { receiptNumber: number, amount: '70000', months: 2 } });
      const again = (await cadreUser.post('/api/v1/sync/push', { ops: [op] })).body.results[0];
      expect(again).toMatchObject({ status: 'duplicate', result: { receiptNumber: number } });
      const payments = await server.database.db
        .selectFrom('jkn_contribution_payment')
        .selectAll()
        .where('household_id', '=', family)
        .execute();
      expect(payments.map((p) => [p.receipt_number, p.amount])).toEqual([[number, '70000']]);
      const history = await cadreUser.get(`/api/v1/cadres/${cadreId}/contributions`);
      expect(history.body.items).toEqual([expect.objectContaining({ receiptNumber: number, amount: '70000' })]);
    });

    it("refuses another worker's number and a number already given to another payment, clearly and recording nothing", async () => {
      const before = await server.database.db
        .selectFrom('financing_repayment')
        .select('id')
        .where('financing_id', '=', financingId)
        .execute();
      const { code: cadrePhone } = (await cadreUser.post('/api/v1/sync/devices', {})).body as { code: string };
      // A number of the cadre's phone, pushed by the manager: not theirs to give.
      const forged = (
        await manager.post('/api/v1/sync/push', {
          ops: [
            { id: cid(3), type: 'repayment', recordedAt, payload: { financingId, amount: '100000', receiptNumber: `${cadrePhone}-00001` } },
          ],
        })
      ).body.results[0];
      expect(forged).toMatchObject({
        status: 'rejected',
        code: 'sync.receipt_number_foreign',
        message: `Nomor kuitansi ${cadrePhone}-00001 bukan milik HP ini atau akun Anda. Jangan ubah nomor kuitansi; catat ulang pembayarannya di HP Anda.`,
      });
      // A device code never given answers alike.
      const unknown = (
        await manager.post('/api/v1/sync/push', {
          ops: [{ id: cid(4), type: 'repayment', recordedAt, payload: { financingId, amount: '100000', receiptNumber: 'F999999-00001' } }],
        })
      ).body.results[0];
      expect(unknown).toMatchObject({ status: 'rejected', code: 'sync.receipt_number_foreign' });
      // The manager's own number, but already on the first repayment: another op may not take it.
      const { code: own } = (await manager.post('/api/v1/sync/devices', {})).body as { code: string };
      const taken = `${own}-00007`;
      const ok = (
        await manager.post('/api/v1/sync/push', {
          ops: [{ id: cid(5), type: 'repayment', recordedAt, payload: { financingId, amount: '100000', receiptNumber: taken } }],
        })
      ).body.results[0];
      expect(ok.status).toBe('applied');
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('manajer', DEMO_PASSWORD);
      const colliding = (
        await english.post('/api/v1/sync/push', {
          ops: [{ id: cid(6), type: 'repayment', recordedAt, payload: { financingId, amount: '200000', receiptNumber: taken } }],
        })
      ).body.results[0];
      expect(colliding).toMatchObject({
        status: 'rejected',
        code: 'sync.receipt_number_taken',
        message: `Receipt number ${taken} is already used for another payment. This payment was not recorded; check its receipt.`,
      });
      // Across kinds too: a contribution may not take a repayment's number.
      const { code: cadreOwn } = (await cadreUser.post('/api/v1/sync/devices', {})).body as { code: string };
      const shared = `${cadreOwn}-00001`;
      expect(
        (
          await cadreUser.post('/api/v1/sync/push', {
            ops: [
              {
                id: cid(7),
                type: 'contribution',
                recordedAt,
                payload: { cadreId, householdId: family, months: 1, amount: '35000', receiptNumber: shared },
              },
              {
                id: cid(8),
                type: 'contribution',
                recordedAt,
                payload: { cadreId, householdId: family, months: 1, amount: '35000', receiptNumber: shared },
              },
            ],
          })
        ).body.results.map((r: { status: string; code?: string }) => r.code ?? r.status),
      ).toEqual(['applied', 'sync.receipt_number_taken']);
      const after = await server.database.db
        .selectFrom('financing_repayment')
        .select(['amount', 'field_receipt_number'])
        .where('financing_id', '=', financingId)
        .execute();
      expect(after).toHaveLength(before.length + 1);
      expect(after.filter((r) => r.field_receipt_number === taken).map((r) => r.amount)).toEqual(['100000']);
      // A malformed number is a malformed payload.
      const malformed = (
        await manager.post('/api/v1/sync/push', {
          ops: [{ id: cid(9), type: 'repayment', recordedAt, payload: { financingId, amount: '100000', receiptNumber: 'KW-1' } }],
        })
      ).body.results[0];
      expect(malformed).toMatchObject({ status: 'rejected', code: 'sync.payload_invalid' });
      expect(malformed.message).toContain('receiptNumber');
    });

    it('lets a refused payment, corrected, go again under its number (the same op)', async () => {
      const { code } = (await manager.post('/api/v1/sync/devices', {})).body as { code: string };
      const number = `${code}-00002`;
      const op = { id: cid(10), type: 'repayment', recordedAt, payload: { financingId, amount: '99000000', receiptNumber: number } };
      const refused = (await manager.post('/api/v1/sync/push', { ops: [op] })).body.results[0];
      expect(refused).toMatchObject({ status: 'rejected', code: 'financing.overpayment' });
      const corrected = (await manager.post('/api/v1/sync/push', { ops: [{ ...op, payload: { ...op.payload, amount: '50000' } }] })).body
        .results[0];
      expect(corrected).toMatchObject({ status: 'applied', result: { fieldReceiptNumber: number, amount: '50000' } });
    });
  });
}
